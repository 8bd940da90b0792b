"""Contest and practice questions stay apart: drawing, linking, changing pool, copying, and the data migration."""

from __future__ import annotations

import importlib
import random

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from pbgdpl.quizzes import services
from pbgdpl.quizzes.models import Choice, Drawing, Pool, PracticeQuiz, Question, Round

from .factories import PracticeQuizFactory, QuestionFactory, RoundFactory


def test_random_and_fixed_rounds_draw_only_contest_questions(contest, bank, practice_bank):
    random_round = RoundFactory(contest=contest, number=2, drawing=Drawing.RANDOM, question_count=20)
    drawn, _order = services.draw_questions(random_round, random.Random(1))
    assert set(drawn) == {q.pk for q in bank}
    fixed = RoundFactory(contest=contest, number=3)
    Round.fixed_questions.through.objects.create(round=fixed, question=practice_bank[0])  # linked behind our back
    Round.fixed_questions.through.objects.create(round=fixed, question=bank[0])
    assert services.draw_questions(fixed, random.Random(1))[0] == [bank[0].pk]


def test_linking_a_question_of_the_other_pool_is_refused_both_ways(contest, bank, practice_bank):
    quiz = PracticeQuizFactory()
    round_ = RoundFactory(contest=contest)
    for link in (lambda: quiz.questions.add(bank[0]), lambda: bank[0].practice_quizzes.add(quiz),
                 lambda: round_.fixed_questions.add(practice_bank[0]),
                 lambda: practice_bank[0].fixed_in_rounds.add(round_)):
        with pytest.raises(ValidationError), transaction.atomic():
            link()
    assert not quiz.questions.exists() and not round_.fixed_questions.exists()


def test_a_used_question_cannot_change_pool_but_can_be_copied(round_, bank):
    question = bank[0]
    question.pool = Pool.PRACTICE
    with pytest.raises(ValidationError) as error:
        question.full_clean()
    assert "tạo bản sao" in str(error.value)
    unused = QuestionFactory()
    unused.pool = Pool.PRACTICE
    unused.full_clean()
    copy = services.copy_to_pool(Question.objects.get(pk=question.pk), Pool.PRACTICE)
    assert (copy.pool, copy.text, copy.cite_label) == (Pool.PRACTICE, question.text, question.cite_label)
    assert [(c.text, c.is_correct) for c in copy.choices.all()] == [(c.text, c.is_correct)
                                                                  for c in question.choices.all()]


def test_organiser_copies_a_question_from_the_admin(client, bank):
    client.force_login(get_user_model().objects.create_superuser("btc", "btc@example.vn", "Mat-khau-rat-dai-2026"))
    url = reverse("quizzes_admin:copy_question", args=[bank[0].pk])
    assert "Câu hỏi luyện tập" in client.get(url).content.decode()
    response = client.post(url)
    copy = Question.objects.get(text=bank[0].text, pool=Pool.PRACTICE)
    assert response.status_code == 302 and str(copy.pk) in response["Location"]
    listing = client.get(reverse("wagtailsnippets_quizzes_question:list")).content.decode()
    assert url in listing


def test_the_migration_moves_shared_questions_to_a_practice_copy(contest, bank):
    shared, practice_only = bank[0], bank[5]
    round_ = RoundFactory(contest=contest, fixed_questions=[shared])
    quiz = PracticeQuizFactory(related_url="javascript:alert(1)")
    other = PracticeQuizFactory(related_url="/tinh-huong/")
    for question in (shared, practice_only):  # the old data: one question in both
        PracticeQuiz.questions.through.objects.create(practicequiz=quiz, question=question)
    migration = importlib.import_module("pbgdpl.quizzes.migrations.0004_split_question_pools")
    migration.split_pools(apps, None)
    shared.refresh_from_db()
    practice_only.refresh_from_db()
    assert shared.pool == Pool.CONTEST and list(round_.fixed_questions.all()) == [shared]
    assert practice_only.pool == Pool.PRACTICE
    linked = set(quiz.questions.all())
    assert practice_only in linked and shared not in linked and len(linked) == 2
    copy = (linked - {practice_only}).pop()
    assert copy.pool == Pool.PRACTICE and copy.text == shared.text
    assert Choice.objects.filter(question=copy, is_correct=True).count() == 1
    quiz.refresh_from_db()
    other.refresh_from_db()
    assert quiz.related_url == "" and other.related_url == "/tinh-huong/"


def test_a_question_drawn_but_not_answered_still_counts_as_used(round_, bank):
    from .factories import NOW, make_contestant

    services.start_attempt(make_contestant(), round_, now=NOW)
    round_.fixed_questions.clear()  # only the attempt refers to the questions now
    question = Question.objects.get(pk=bank[0].pk)
    assert question.is_used()
    assert not QuestionFactory().is_used()
