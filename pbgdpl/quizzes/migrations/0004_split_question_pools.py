"""Put every existing question in one pool (issue 10, finding 1).

Before this, a practice quiz could show the answer of a question that a contest round could draw.
A question linked to a practice quiz becomes a practice question, unless a contest already used it
(a round's fixed set or an attempt): then the practice quizzes get a copy and the original stays in
the contest pool. Related links that are not site paths or http(s) addresses are cleared (finding 13).
"""

from django.db import migrations

SAFE_PREFIXES = ("http://", "https://")


def _used_by_contests(Round, Attempt) -> set[int]:
    used = set(Round.fixed_questions.through.objects.values_list("question_id", flat=True))
    for question_ids in Attempt.objects.values_list("question_ids", flat=True).iterator(chunk_size=2000):
        used.update(question_ids or [])
    return used


def split_pools(apps, schema_editor):
    Question = apps.get_model("quizzes", "Question")
    Choice = apps.get_model("quizzes", "Choice")
    PracticeQuiz = apps.get_model("quizzes", "PracticeQuiz")
    Round = apps.get_model("quizzes", "Round")
    Attempt = apps.get_model("quizzes", "Attempt")
    links = PracticeQuiz.questions.through
    in_practice = set(links.objects.values_list("question_id", flat=True))
    if in_practice:
        used = _used_by_contests(Round, Attempt)
        shared = in_practice & used
        Question.objects.filter(pk__in=in_practice - shared).update(pool="practice")
        for question in Question.objects.filter(pk__in=shared):
            choices = list(Choice.objects.filter(question_id=question.pk))
            original_pk = question.pk
            question.pk = None
            question.pool = "practice"
            question.save()
            Choice.objects.bulk_create([Choice(question_id=question.pk, text=c.text, is_correct=c.is_correct,
                                               position=c.position) for c in choices])
            links.objects.filter(question_id=original_pk).update(question_id=question.pk)
    for quiz in PracticeQuiz.objects.exclude(related_url=""):
        url = quiz.related_url.strip()
        relative = url.startswith("/") and not url.startswith("//") and "\\" not in url
        if not (relative or url.lower().startswith(SAFE_PREFIXES)):
            quiz.related_url = ""
            quiz.save(update_fields=["related_url"])


class Migration(migrations.Migration):
    dependencies = [("quizzes", "0003_question_pools_and_session_version")]

    operations = [migrations.RunPython(split_pools, migrations.RunPython.noop)]
