"""Fixtures: a small bank, an open contest round, contestants."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from pbgdpl.quizzes import services
from pbgdpl.quizzes.models import Choice, Contest, Drawing, Ordering, PredictionTarget, Question, Round, Unit

NOW = datetime.datetime(2026, 11, 20, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))


@pytest.fixture(autouse=True)
def _fresh_keys():
    services.forget_answer_keys()
    yield
    services.forget_answer_keys()


def make_question(text: str, difficulty: int = 1, kind: str = "single", correct=(0,), n: int = 4) -> Question:
    question = Question.objects.create(text=text, difficulty=difficulty, kind=kind, explanation="Vì luật quy định.",
                                       cite_label="Điều 8 Luật Hôn nhân và gia đình 2014")
    Choice.objects.bulk_create([Choice(question=question, text=f"Phương án {i}", is_correct=i in correct, position=i)
                                for i in range(n)])
    return question


@pytest.fixture
def bank(db):
    questions = [make_question(f"Câu dễ {i}", 1) for i in range(3)]
    questions += [make_question(f"Câu vừa {i}", 2) for i in range(3)]
    questions += [make_question("Câu nhiều đáp án", 3, kind="multiple", correct=(0, 2))]
    return questions


@pytest.fixture
def contest(db):
    return Contest.objects.create(title="Cuộc thi thử", slug="cuoc-thi-thu", is_published=True, min_age=15,
                                  require_unit=False, require_commune=False)


@pytest.fixture
def round_(contest, bank):
    r = Round.objects.create(
        contest=contest, number=1, opens_at=NOW - datetime.timedelta(days=1), closes_at=NOW + datetime.timedelta(days=7),
        question_count=5, drawing=Drawing.FIXED, order=Ordering.EASY_TO_HARD, time_limit_minutes=10,
        prediction_target=PredictionTarget.PERFECT, prizes_first=1, prizes_second=1, prizes_third=1,
        prizes_consolation=0,
    )
    r.fixed_questions.set(bank[:5])
    return r


@pytest.fixture
def unit(db):
    return Unit.objects.create(name="Sở Tư pháp", member_count=10)


_phones = iter(range(912000000, 913000000))


def make_contestant(name: str = "Nguyễn Văn An", unit=None, **extra):
    return services.register_contestant(phone=f"0{next(_phones)}", password="mat-khau-rat-kho", full_name=name,
                                        birth_date=datetime.date(1990, 1, 1), unit=unit, **extra)


def answer_all(attempt, *, right: int, now=None):
    """Answer the first ``right`` questions correctly and the rest wrongly."""
    key = services.answer_key(attempt.question_ids)
    for i, qid in enumerate(attempt.question_ids):
        correct = sorted(key[qid][1])
        wrong = [c for c in attempt.choice_order[str(qid)] if c not in key[qid][1]][:1]
        services.save_answer(attempt, qid, correct if i < right else wrong, now=now or NOW)


@pytest.fixture
def frozen():
    import time_machine

    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


__all__ = ["NOW", "make_question", "make_contestant", "answer_all", "timezone"]
