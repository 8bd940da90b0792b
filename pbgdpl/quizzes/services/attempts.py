"""Attempts: start, autosave, prediction, submission (on time or automatic at the deadline).

Server time is the only clock: every deadline check uses ``timezone.now()`` (or the ``now``
passed by a test), never anything the browser sends.
"""

from __future__ import annotations

import datetime
import random

from django.db import IntegrityError, transaction
from django.utils import timezone

from ..models import Attempt, AttemptAnswer, AttemptStatus, Contestant, QuestionKind, Round
from .answer_key import answer_key, count_correct
from .drawing import draw_questions
from .eligibility import eligibility_problem
from .errors import QuizError


def start_attempt(contestant: Contestant, round_: Round, *, now: datetime.datetime | None = None) -> Attempt:
    """Resume the contestant's attempt in progress for this round, or start a new one."""
    now = now or timezone.now()
    active = Attempt.objects.filter(contestant=contestant, status=AttemptStatus.ACTIVE).first()
    if active is not None:
        if active.deadline <= now:
            submit_attempt(active.pk, now=now)
        elif active.round_id == round_.pk:
            return active
        else:
            raise QuizError("Bạn đang làm bài của một đợt thi khác. Hãy nộp bài đó trước.")
    if not round_.is_open(now):
        raise QuizError("Đợt thi này chưa mở hoặc đã kết thúc.")
    problem = eligibility_problem(contestant, round_.contest, timezone.localdate(now))
    if problem:
        raise QuizError(problem)
    used = Attempt.objects.filter(contestant=contestant, round=round_).count()
    if used >= round_.max_attempts:
        raise QuizError("Bạn đã dùng hết số lần dự thi của đợt này.")
    question_ids, order = draw_questions(round_, random.Random())
    deadline = min(now + datetime.timedelta(minutes=round_.time_limit_minutes), round_.closes_at)
    try:
        with transaction.atomic():
            return Attempt.objects.create(
                round=round_, contestant=contestant, number=used + 1, started_at=now, deadline=deadline,
                question_ids=question_ids, choice_order=order,
            )
    except IntegrityError:
        # A double click raced us: the other request created the attempt; resume it.
        active = Attempt.objects.filter(contestant=contestant, status=AttemptStatus.ACTIVE, round=round_).first()
        if active is None:
            raise QuizError("Bạn đã dùng hết số lần dự thi của đợt này.") from None
        return active


def _clean_answers(attempt: Attempt, posted: dict[int, list[int]], key) -> dict[int, list[int]]:
    """Check posted answers against the attempt; a tampered id raises QuizError (nothing is saved)."""
    cleaned: dict[int, list[int]] = {}
    for qid, choice_ids in posted.items():
        allowed = attempt.choice_order.get(str(qid))
        if allowed is None:
            raise QuizError("Câu hỏi không thuộc bài thi của bạn. Vui lòng tải lại trang.")
        if not set(choice_ids) <= set(allowed):
            raise QuizError("Phương án trả lời không hợp lệ. Vui lòng tải lại trang.")
        kind = key.get(qid, (QuestionKind.SINGLE,))[0]
        if kind != QuestionKind.MULTIPLE and len(choice_ids) > 1:
            raise QuizError("Câu hỏi này chỉ được chọn một phương án.")
        cleaned[qid] = sorted(set(choice_ids))
    return cleaned


def _upsert_answers(attempt_id: int, answers: dict[int, list[int]], now: datetime.datetime) -> None:
    if not answers:
        return
    AttemptAnswer.objects.bulk_create(
        [AttemptAnswer(attempt_id=attempt_id, question_id=qid, choice_ids=ids, saved_at=now)
         for qid, ids in answers.items()],
        update_conflicts=True, unique_fields=["attempt", "question_id"], update_fields=["choice_ids", "saved_at"],
    )


def save_answer(attempt: Attempt | None, question_id: int, choice_ids: list[int], *,
                now: datetime.datetime | None = None, owner: tuple | None = None) -> None:
    """Autosave: record the choices for one question (idempotent; the last save wins).

    ``owner`` = (attempt key, contestant id) finds and locks the attempt in one query (the web path).
    """
    now = now or timezone.now()
    lookup = {"pk": attempt.pk} if attempt is not None else {"key": owner[0], "contestant_id": owner[1]}
    with transaction.atomic():
        # Locked so an autosave cannot slip in after the submission read the answers.
        locked = (Attempt.objects.select_for_update().filter(**lookup)
                  .only("pk", "status", "deadline", "question_ids", "choice_order").first())
        if locked is None:
            raise Attempt.DoesNotExist
        if locked.status != AttemptStatus.ACTIVE:
            raise QuizError("Bài thi đã được nộp; câu trả lời này không được ghi nhận.")
        cleaned = _clean_answers(locked, {question_id: choice_ids}, answer_key(locked.question_ids))
        expired = now >= locked.deadline
        if not expired:
            _upsert_answers(locked.pk, cleaned, now)
    if expired:
        submit_attempt(locked.pk, now=now)
        raise QuizError("Đã hết giờ làm bài; bài đã được nộp tự động với các câu trả lời đã lưu trước đó.")


def save_prediction(attempt: Attempt, prediction: int, *, now: datetime.datetime | None = None) -> None:
    now = now or timezone.now()
    updated = Attempt.objects.filter(pk=attempt.pk, status=AttemptStatus.ACTIVE, deadline__gt=now).update(
        prediction=prediction)
    if not updated:
        raise QuizError("Bài thi đã được nộp hoặc đã hết giờ; dự đoán không được ghi nhận.")


def save_before_submit(owner: tuple, answers: dict[int, list[int]], prediction: int | None, *,
                       now: datetime.datetime | None = None) -> tuple[Attempt, int, bool]:
    """Record what the submit form carried, without submitting, and say what is still missing.

    Returns (attempt, number of unanswered questions, whether the round's prediction is missing)
    so the contestant can be asked once before an irreversible submission. Nothing is missing
    for an attempt already submitted or past its deadline: that one is submitted as it is.
    """
    now = now or timezone.now()
    with transaction.atomic():
        attempt = Attempt.objects.select_for_update().select_related("round").get(key=owner[0], contestant_id=owner[1])
        if attempt.status != AttemptStatus.ACTIVE or now >= attempt.deadline:
            return attempt, 0, False
        _upsert_answers(attempt.pk, _clean_answers(attempt, answers, answer_key(attempt.question_ids)), now)
        if prediction is not None:
            attempt.prediction = prediction
            attempt.save(update_fields=["prediction"])
        stored = dict(AttemptAnswer.objects.filter(attempt_id=attempt.pk).values_list("question_id", "choice_ids"))
    unanswered = sum(1 for qid in attempt.question_ids if not stored.get(qid))
    return attempt, unanswered, bool(attempt.round.prediction_target) and attempt.prediction is None


def submit_attempt(attempt_id: int | None, *, now: datetime.datetime | None = None,
                   answers: dict[int, list[int]] | None = None, prediction: int | None = None,
                   owner: tuple | None = None) -> Attempt:
    """Submit (idempotent): answers posted with the form are saved first if still on time, then scored.

    Past the deadline, posted answers and prediction are ignored and the attempt is submitted with what
    autosave recorded in time, stamped at the deadline (automatic submission).
    """
    now = now or timezone.now()
    lookup = {"pk": attempt_id} if attempt_id is not None else {"key": owner[0], "contestant_id": owner[1]}
    with transaction.atomic():
        attempt = Attempt.objects.select_for_update().get(**lookup)
        if attempt.status == AttemptStatus.SUBMITTED:
            return attempt
        key = answer_key(attempt.question_ids)
        on_time = now < attempt.deadline
        if on_time and answers:
            _upsert_answers(attempt.pk, _clean_answers(attempt, answers, key), now)
        stored = dict(AttemptAnswer.objects.filter(attempt_id=attempt.pk).values_list("question_id", "choice_ids"))
        attempt.status = AttemptStatus.SUBMITTED
        attempt.submitted_at = now if on_time else attempt.deadline
        attempt.auto_submitted = not on_time
        attempt.duration_seconds = max(0, int((attempt.submitted_at - attempt.started_at).total_seconds()))
        if on_time and prediction is not None:
            attempt.prediction = prediction
        attempt.correct_count = count_correct(attempt.question_ids, stored, key)
        attempt.save(update_fields=["status", "submitted_at", "auto_submitted", "duration_seconds", "prediction",
                                    "correct_count"])
    return attempt


def expire_overdue_attempts(*, now: datetime.datetime | None = None, round_: Round | None = None) -> int:
    """Submit every attempt whose deadline passed (the periodic job; a round close does it too)."""
    now = now or timezone.now()
    overdue = Attempt.objects.filter(status=AttemptStatus.ACTIVE, deadline__lte=now)
    if round_ is not None:
        overdue = overdue.filter(round=round_)
    count = 0
    for attempt_id in overdue.values_list("pk", flat=True):
        submit_attempt(attempt_id, now=now)
        count += 1
    return count
