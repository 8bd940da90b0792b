"""Demo contest loader (run by ``manage.py bootstrap``): question bank, units, a 2-round contest, a practice quiz.

The content is in ``demo_data/`` (questions.json, laws.json, units.json, contest.json) so editors can
read and change it. Questions of the practice field go to the practice pool and the others to the
contest pool: the practice quiz never shows answers of questions the contest can draw.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from pbgdpl.core.demo import read_demo_data


def load_question_bank() -> list:
    """Create the demo questions (once); cite the demo law documents when they exist."""
    from pbgdpl.legal.models import LegalDocument

    from .models import Choice, Question

    laws = {law["number"]: law for law in read_demo_data("quizzes", "laws.json")}
    documents = {d.number: d for d in LegalDocument.objects.filter(number__in=laws)}
    created = []
    for item in read_demo_data("quizzes", "questions.json"):
        law = laws[item["law"]]
        question, is_new = Question.objects.get_or_create(
            text=item["text"], pool=item["pool"],
            defaults={"kind": item["kind"], "difficulty": item["difficulty"], "explanation": item["explanation"],
                      "tags": law["field"], "cite_document": documents.get(item["law"]),
                      "cite_eid": f"dieu-{item['article']}", "cite_label": f"Điều {item['article']} {law['title']}"},
        )
        if is_new:
            Choice.objects.bulk_create([Choice(question=question, text=text, is_correct=ok, position=i)
                                        for i, (text, ok) in enumerate(item["choices"])])
        created.append(question)
    return created


@transaction.atomic
def load_demo_contest(stdout=None) -> str:
    from .models import Contest, Drawing, Ordering, Pool, PracticeQuiz, PredictionTarget, Round, Unit

    content = read_demo_data("quizzes", "contest.json")
    if Contest.objects.filter(slug=content["contest"]["slug"]).exists():
        return "đã có"
    questions = load_question_bank()
    for unit in read_demo_data("quizzes", "units.json"):
        Unit.objects.get_or_create(name=unit["name"], defaults={"member_count": unit["member_count"]})
    contest = Contest.objects.create(is_published=True, **content["contest"])
    today = timezone.localtime().replace(hour=8, minute=0, second=0, microsecond=0)
    first = Round.objects.create(
        contest=contest, number=1, title="Đợt 1", opens_at=today - datetime.timedelta(days=7),
        closes_at=(today + datetime.timedelta(days=14)).replace(hour=23, minute=59), question_count=20,
        drawing=Drawing.RANDOM, easy_count=8, medium_count=8, hard_count=4, order=Ordering.EASY_TO_HARD,
        time_limit_minutes=15, prediction_target=PredictionTarget.PERFECT,
        prizes_first=1, prizes_second=2, prizes_third=3, prizes_consolation=10,
    )
    Round.objects.create(
        contest=contest, number=2, title="Đợt 2", opens_at=first.closes_at + datetime.timedelta(minutes=1),
        closes_at=first.closes_at + datetime.timedelta(days=21), question_count=20, drawing=Drawing.RANDOM,
        easy_count=6, medium_count=8, hard_count=6, order=Ordering.SHUFFLED, time_limit_minutes=15,
        prediction_target=PredictionTarget.PARTICIPANTS, max_attempts=2,
        prizes_first=1, prizes_second=2, prizes_third=3, prizes_consolation=10,
    )
    practice_content = dict(content["practice"])
    field = practice_content.pop("field")
    practice = PracticeQuiz.objects.create(**practice_content)
    practice.questions.set([q for q in questions if q.pool == Pool.PRACTICE and q.tags == field])
    return f"1 cuộc thi, 2 đợt, {len(questions)} câu hỏi, 1 bài luyện tập"
