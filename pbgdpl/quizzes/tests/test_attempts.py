"""Starting, autosaving and submitting an attempt: server deadline, shuffling, idempotency."""

from __future__ import annotations

import datetime

import pytest
from django.db import IntegrityError, transaction

from pbgdpl.quizzes import services
from pbgdpl.quizzes.models import Attempt, AttemptAnswer, AttemptStatus
from pbgdpl.quizzes.services import QuizError

from .factories import NOW, answer_all, make_contestant


def test_attempt_draws_questions_easy_to_hard_with_shuffled_options(round_):
    contestant = make_contestant()
    attempt = services.start_attempt(contestant, round_, now=NOW)
    assert len(attempt.question_ids) == 5
    difficulties = [round_.fixed_questions.get(pk=q).difficulty for q in attempt.question_ids]
    assert difficulties == sorted(difficulties)
    assert attempt.deadline == NOW + datetime.timedelta(minutes=10)
    orders = set()
    for _ in range(8):
        other = services.start_attempt(make_contestant(), round_, now=NOW)
        orders.add(tuple(other.question_ids) + tuple(c for q in other.question_ids for c in other.choice_order[str(q)]))
    assert len(orders) > 1  # shuffled per attempt


def test_reopening_resumes_the_same_attempt_and_answers(round_):
    contestant = make_contestant()
    attempt = services.start_attempt(contestant, round_, now=NOW)
    answer_all(attempt, right=3)
    again = services.start_attempt(contestant, round_, now=NOW + datetime.timedelta(minutes=2))
    assert again.pk == attempt.pk
    assert AttemptAnswer.objects.filter(attempt=attempt).count() == 5


def test_autosave_is_an_idempotent_upsert(round_):
    attempt = services.start_attempt(make_contestant(), round_, now=NOW)
    qid = attempt.question_ids[0]
    first, second = attempt.choice_order[str(qid)][:2]
    services.save_answer(attempt, qid, [first], now=NOW)
    services.save_answer(attempt, qid, [first], now=NOW)
    services.save_answer(attempt, qid, [second], now=NOW)
    assert list(AttemptAnswer.objects.filter(attempt=attempt).values_list("choice_ids", flat=True)) == [[second]]


def test_submit_scores_and_a_second_submit_changes_nothing(round_):
    attempt = services.start_attempt(make_contestant(), round_, now=NOW)
    answer_all(attempt, right=4)
    done = services.submit_attempt(attempt.pk, now=NOW + datetime.timedelta(seconds=95), prediction=12)
    assert (done.correct_count, done.duration_seconds, done.prediction, done.auto_submitted) == (4, 95, 12, False)
    again = services.submit_attempt(attempt.pk, now=NOW + datetime.timedelta(minutes=3), prediction=99)
    assert (again.submitted_at, again.prediction) == (done.submitted_at, 12)


def test_multiple_choice_needs_all_and_only_the_correct_options(round_, bank):
    multi = bank[6]
    round_.fixed_questions.set([multi])
    attempt = services.start_attempt(make_contestant(), round_, now=NOW)
    correct = sorted(c.pk for c in multi.choices.filter(is_correct=True))
    services.save_answer(attempt, multi.pk, correct[:1], now=NOW)
    assert services.submit_attempt(attempt.pk, now=NOW).correct_count == 0
    attempt2 = services.start_attempt(make_contestant(), round_, now=NOW)
    services.save_answer(attempt2, multi.pk, correct, now=NOW)
    assert services.submit_attempt(attempt2.pk, now=NOW).correct_count == 1


def test_deadline_passes_lazy_auto_submission_keeps_saved_answers(round_):
    attempt = services.start_attempt(make_contestant(), round_, now=NOW)
    answer_all(attempt, right=2)
    late = NOW + datetime.timedelta(minutes=11)
    with pytest.raises(QuizError, match="hết giờ"):
        services.save_answer(attempt, attempt.question_ids[0], [], now=late)
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.SUBMITTED and attempt.auto_submitted
    assert attempt.submitted_at == attempt.deadline and attempt.correct_count == 2
    assert attempt.duration_seconds == 600


def test_answers_posted_with_a_late_submit_are_not_recorded(round_):
    attempt = services.start_attempt(make_contestant(), round_, now=NOW)
    qid = attempt.question_ids[0]
    right = sorted(services.answer_key([qid])[qid][1])
    done = services.submit_attempt(attempt.pk, now=NOW + datetime.timedelta(minutes=12), answers={qid: right})
    assert done.correct_count == 0 and done.auto_submitted
    assert not AttemptAnswer.objects.filter(attempt=attempt).exists()


def test_periodic_job_submits_overdue_attempts(round_):
    attempts = [services.start_attempt(make_contestant(), round_, now=NOW) for _ in range(3)]
    assert services.expire_overdue_attempts(now=NOW + datetime.timedelta(minutes=5)) == 0
    assert services.expire_overdue_attempts(now=NOW + datetime.timedelta(minutes=10)) == 3
    assert all(Attempt.objects.get(pk=a.pk).status == AttemptStatus.SUBMITTED for a in attempts)


def test_round_end_caps_the_deadline(round_):
    late_start = round_.closes_at - datetime.timedelta(minutes=3)
    attempt = services.start_attempt(make_contestant(), round_, now=late_start)
    assert attempt.deadline == round_.closes_at


def test_database_allows_one_active_attempt_per_contestant(round_):
    contestant = make_contestant()
    attempt = services.start_attempt(contestant, round_, now=NOW)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attempt.objects.create(round=round_, contestant=contestant, number=2, started_at=NOW, deadline=NOW,
                               question_ids=attempt.question_ids)
