"""factory_boy factories for the contest engine; contestants go through the real registration service."""

from __future__ import annotations

import datetime

import factory

from pbgdpl.quizzes import services
from pbgdpl.quizzes.models import (
    Choice,
    Contest,
    Drawing,
    Ordering,
    Pool,
    PracticeQuiz,
    PredictionTarget,
    Question,
    Round,
    Unit,
)

NOW = datetime.datetime(2026, 11, 20, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))
PASSWORD = "mat-khau-rat-kho"


class QuestionFactory(factory.django.DjangoModelFactory):
    """A question with four choices, the first one right; ``choices__correct=(0, 2)``, ``choices__count=2``."""

    class Meta:
        model = Question
        skip_postgeneration_save = True

    pool = Pool.CONTEST
    text = factory.Sequence(lambda n: f"Câu hỏi số {n}")
    difficulty = 1
    kind = "single"
    explanation = "Vì luật quy định."
    cite_label = "Điều 8 Luật Hôn nhân và gia đình 2014"

    @factory.post_generation
    def choices(self, create, extracted, correct=(0,), count=4, **kwargs):
        Choice.objects.bulk_create([Choice(question=self, text=f"Phương án {i}", is_correct=i in correct, position=i)
                                    for i in range(count)])


class ContestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contest

    title = factory.Sequence(lambda n: f"Cuộc thi thử {n}")
    slug = factory.Sequence(lambda n: f"cuoc-thi-thu-{n}")
    is_published = True
    min_age = 15
    require_unit = False
    require_commune = False


class RoundFactory(factory.django.DjangoModelFactory):
    """An open round (from a day before NOW to a week after) with a fixed set given as ``fixed_questions``."""

    class Meta:
        model = Round
        skip_postgeneration_save = True

    contest = factory.SubFactory(ContestFactory)
    number = 1
    opens_at = NOW - datetime.timedelta(days=1)
    closes_at = NOW + datetime.timedelta(days=7)
    question_count = 5
    drawing = Drawing.FIXED
    order = Ordering.EASY_TO_HARD
    time_limit_minutes = 10
    prediction_target = PredictionTarget.PERFECT
    prizes_first = 1
    prizes_second = 1
    prizes_third = 1
    prizes_consolation = 0

    @factory.post_generation
    def fixed_questions(self, create, extracted, **kwargs):
        if extracted:
            self.fixed_questions.set(extracted)


class PracticeQuizFactory(factory.django.DjangoModelFactory):
    """A published practice quiz; pass ``questions=[...]`` (practice-pool questions)."""

    class Meta:
        model = PracticeQuiz
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Luyện tập thử {n}")
    slug = factory.Sequence(lambda n: f"luyen-tap-thu-{n}")

    @factory.post_generation
    def questions(self, create, extracted, **kwargs):
        if extracted:
            self.questions.set(extracted)


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit
        django_get_or_create = ("name",)

    name = "Sở Tư pháp"
    member_count = 10


_phones = iter(range(912000000, 913000000))


def make_contestant(name: str = "Nguyễn Văn An", unit=None, **extra):
    """A contestant registered through the service (normalised phone, hashed password)."""
    data = {"phone": f"0{next(_phones)}", "password": PASSWORD, "full_name": name,
            "birth_date": datetime.date(1990, 1, 1), "unit": unit, **extra}
    return services.register_contestant(**data)


def answer_all(attempt, *, right: int, now=None):
    """Answer the first ``right`` questions correctly and the rest wrongly."""
    key = services.answer_key(attempt.question_ids)
    for i, qid in enumerate(attempt.question_ids):
        correct = sorted(key[qid][1])
        wrong = [c for c in attempt.choice_order[str(qid)] if c not in key[qid][1]][:1]
        services.save_answer(attempt, qid, correct if i < right else wrong, now=now or NOW)
