"""Read queries of the contest engine: public lists, results, organiser counters and flags."""

from __future__ import annotations

import datetime

from django.db.models import Count, Q
from django.utils import timezone

from .models import Attempt, AttemptStatus, Choice, Contest, Contestant, PracticeQuiz, Question, Round


def published_contests():
    return Contest.objects.filter(is_published=True).prefetch_related("rounds")


def attempt_questions(attempt: Attempt) -> list[dict]:
    """The attempt's questions in its order, with choices in its order; no correctness flag."""
    questions = Question.objects.in_bulk(attempt.question_ids)
    choices = Choice.objects.in_bulk([cid for ids in attempt.choice_order.values() for cid in ids])
    result = []
    for position, qid in enumerate(attempt.question_ids, start=1):
        question = questions.get(qid)
        if question is None:
            continue
        result.append({
            "id": qid, "position": position, "text": question.text, "kind": question.kind,
            "choices": [{"id": cid, "text": choices[cid].text}
                        for cid in attempt.choice_order.get(str(qid), []) if cid in choices],
        })
    return result


def live_counters(round_: Round, now: datetime.datetime | None = None) -> dict:
    """Participation right now (for the organiser's dashboard)."""
    now = now or timezone.now()
    counts = Attempt.objects.filter(round=round_).aggregate(
        total=Count("pk"),
        active=Count("pk", filter=Q(status=AttemptStatus.ACTIVE)),
        submitted=Count("pk", filter=Q(status=AttemptStatus.SUBMITTED)),
        last_hour=Count("pk", filter=Q(submitted_at__gte=now - datetime.timedelta(hours=1))),
        contestants=Count("contestant", distinct=True),
    )
    counts["registered"] = Contestant.objects.count()
    return counts


def suspicious_flags(round_: Round, *, fast_seconds_per_question: float = 3.0) -> dict:
    """Patterns worth a look: one citizen ID on several phones; perfect attempts faster than humanly likely."""
    shared_ids = (
        Contestant.objects.exclude(citizen_id_hash="").values("citizen_id_hash")
        .annotate(phones=Count("pk")).filter(phones__gt=1)
    )
    shared = list(Contestant.objects.filter(citizen_id_hash__in=[r["citizen_id_hash"] for r in shared_ids])
                  .order_by("citizen_id_hash", "phone"))
    fast = []
    for attempt in Attempt.objects.filter(round=round_, status=AttemptStatus.SUBMITTED).select_related("contestant"):
        total = len(attempt.question_ids)
        if total and attempt.correct_count == total and (attempt.duration_seconds or 0) < fast_seconds_per_question * total:
            fast.append(attempt)
    return {"shared_citizen_id": shared, "fast_perfect": fast}


def winners(round_: Round) -> list[Attempt]:
    return list(
        Attempt.objects.filter(round=round_, counts=True, disqualified=False).exclude(prize="")
        .select_related("contestant__unit").order_by("rank")
    )


def practice_question_set(quiz: PracticeQuiz):
    """The questions a practice quiz may show with answers: its own, active, practice-pool ones."""
    return quiz.questions.for_practice().filter(is_active=True)


def practice_questions(quiz: PracticeQuiz) -> list[Question]:
    return list(practice_question_set(quiz).prefetch_related("choices"))


def attempt_review(attempt: Attempt) -> list[dict]:
    """Each question of a submitted attempt with the choices, the contestant's picks and whether they were right."""
    saved = dict(attempt.answers.values_list("question_id", "choice_ids"))
    questions = Question.objects.in_bulk(attempt.question_ids)
    by_question: dict[int, list[Choice]] = {}
    for choice in Choice.objects.filter(question_id__in=attempt.question_ids):
        by_question.setdefault(choice.question_id, []).append(choice)
    review = []
    for qid in attempt.question_ids:
        if qid in questions:
            chosen = set(saved.get(qid, ()))
            choices = by_question.get(qid, [])
            review.append({"question": questions[qid], "chosen": chosen, "choices": choices,
                           "correct": chosen == {c.pk for c in choices if c.is_correct}})
    return review
