"""Fixtures: a small contest bank, an open contest round, a practice quiz, contestants (built by factories)."""

from __future__ import annotations

import pytest

from pbgdpl.quizzes import services
from pbgdpl.quizzes.models import Pool

from .factories import NOW, ContestFactory, PracticeQuizFactory, QuestionFactory, RoundFactory, UnitFactory


@pytest.fixture(autouse=True)
def _fresh_keys():
    services.forget_answer_keys()
    yield
    services.forget_answer_keys()


@pytest.fixture
def bank(db):
    """Seven contest questions: three easy, three medium, one hard with two right choices."""
    questions = [QuestionFactory(text=f"Câu dễ {i}", difficulty=1) for i in range(3)]
    questions += [QuestionFactory(text=f"Câu vừa {i}", difficulty=2) for i in range(3)]
    questions += [QuestionFactory(text="Câu nhiều đáp án", difficulty=3, kind="multiple", choices__correct=(0, 2))]
    return questions


@pytest.fixture
def practice_bank(db):
    return [QuestionFactory(text=f"Câu luyện tập {i}", pool=Pool.PRACTICE) for i in range(3)]


@pytest.fixture
def practice_quiz(practice_bank):
    return PracticeQuizFactory(title="Luyện tập thử", slug="luyen-tap-thu", questions=practice_bank[:2])


@pytest.fixture
def contest(db):
    return ContestFactory(title="Cuộc thi thử", slug="cuoc-thi-thu")


@pytest.fixture
def round_(contest, bank):
    return RoundFactory(contest=contest, fixed_questions=bank[:5])


@pytest.fixture
def unit(db):
    return UnitFactory()


@pytest.fixture
def frozen():
    import time_machine

    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller

