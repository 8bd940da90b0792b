"""Writes of the contest engine: accounts, attempts, autosave, submission, round close.

Server time is the only clock: every deadline check uses ``timezone.now()`` (or the ``now``
passed by a test), never anything the browser sends.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import logging
import random
import re
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import (
    Attempt,
    AttemptAnswer,
    AttemptStatus,
    Choice,
    Contest,
    Contestant,
    Difficulty,
    Drawing,
    Ordering,
    PredictionTarget,
    Prize,
    Question,
    QuestionKind,
    Round,
)

logger = logging.getLogger(__name__)

PHONE_RE = re.compile(r"^0[35789]\d{8}$")
CITIZEN_ID_RE = re.compile(r"^\d{12}$")


class QuizError(Exception):
    """A rule stopped the action; ``str(error)`` is a Vietnamese message for the citizen."""


# ---------------------------------------------------------------------------- accounts


def normalize_phone(raw: str) -> str | None:
    """"0912 345 678", "+84912345678", "84-912-345-678" → "0912345678"; None when not a Vietnamese mobile."""
    digits = re.sub(r"[\s.\-()]", "", raw or "")
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) == 11:
        digits = "0" + digits[2:]
    return digits if PHONE_RE.match(digits) else None


def citizen_id_digest(citizen_id: str) -> str:
    """Keyed hash of a citizen ID: equal IDs give equal digests, staff cannot read the number back."""
    key = hashlib.sha256(f"quizzes-citizen-id:{settings.SECRET_KEY}".encode()).digest()
    return hmac.new(key, citizen_id.encode(), hashlib.sha256).hexdigest()


def register_contestant(*, phone: str, password: str, full_name: str, birth_date=None, unit=None,
                        commune: str = "", citizen_id: str = "") -> Contestant:
    """Create the account of ``phone`` (already normalised and validated by the form)."""
    contestant = Contestant(phone=phone, full_name=" ".join(full_name.split()), birth_date=birth_date,
                            unit=unit, commune=commune)
    contestant.set_password(password)
    if citizen_id:
        contestant.citizen_id_hash = citizen_id_digest(citizen_id)
        contestant.citizen_id_last4 = citizen_id[-4:]
    try:
        with transaction.atomic():
            contestant.save()
    except IntegrityError as exc:
        raise QuizError("Số điện thoại này đã được đăng ký. Vui lòng đăng nhập.") from exc
    return contestant


_DUMMY_HASH: list[str] = []


def authenticate(phone: str, password: str) -> Contestant | None:
    """The contestant with this phone and password, or None (same work either way: no phone probing)."""
    normalized = normalize_phone(phone)
    contestant = Contestant.objects.filter(phone=normalized).first() if normalized else None
    if contestant is None:
        if not _DUMMY_HASH:
            _DUMMY_HASH.append(make_password("not-a-real-password"))
        from django.contrib.auth.hashers import check_password

        check_password(password, _DUMMY_HASH[0])
        return None
    return contestant if contestant.check_password(password) else None


def age_on(birth_date: datetime.date, day: datetime.date) -> int:
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def eligibility_problem(contestant: Contestant, contest: Contest, today: datetime.date) -> str:
    """Why ``contestant`` may not take part in ``contest`` ("" when eligible)."""
    if contest.min_age:
        if contestant.birth_date is None:
            return "Cuộc thi yêu cầu ngày sinh. Vui lòng cập nhật ngày sinh trước khi dự thi."
        if age_on(contestant.birth_date, today) < contest.min_age:
            return f"Cuộc thi dành cho người từ đủ {contest.min_age} tuổi trở lên."
    if contest.residence_required and not contestant.commune:
        return "Cuộc thi dành cho người cư trú trong tỉnh: vui lòng chọn xã, phường nơi cư trú."
    if contest.require_unit and contestant.unit_id is None:
        return "Cuộc thi yêu cầu chọn đơn vị."
    if contest.require_citizen_id and not contestant.citizen_id_hash:
        return "Thể lệ cuộc thi yêu cầu số căn cước công dân: vui lòng bổ sung."
    return ""


# ---------------------------------------------------------------------------- answer key

# Process-local cache of {question id: (kind, frozenset(correct choice ids), frozenset(all choice ids))}.
# Scores given at submission come from it; the round close rescores from the database, so a
# key corrected by an editor during a round is applied to everyone at close.
_KEY_TTL = 300.0
_key_cache: dict[int, tuple[float, str, frozenset[int], frozenset[int]]] = {}
_key_lock = threading.Lock()


def answer_key(question_ids: Iterable[int], *, fresh: bool = False) -> dict[int, tuple[str, frozenset[int]]]:
    """{question id: (kind, correct choice ids)} for ``question_ids``."""
    wanted = set(question_ids)
    now = time.monotonic()
    result: dict[int, tuple[str, frozenset[int]]] = {}
    missing = set()
    for qid in wanted:
        entry = None if fresh else _key_cache.get(qid)
        if entry and now - entry[0] < _KEY_TTL:
            result[qid] = (entry[1], entry[2])
        else:
            missing.add(qid)
    if missing:
        kinds = dict(Question.objects.filter(pk__in=missing).values_list("pk", "kind"))
        correct: dict[int, set[int]] = defaultdict(set)
        every: dict[int, set[int]] = defaultdict(set)
        for qid, cid, ok in Choice.objects.filter(
            question_id__in=missing
        ).values_list("question_id", "pk", "is_correct"):
            every[qid].add(cid)
            if ok:
                correct[qid].add(cid)
        with _key_lock:
            for qid, kind in kinds.items():
                _key_cache[qid] = (now, kind, frozenset(correct[qid]), frozenset(every[qid]))
                result[qid] = (kind, frozenset(correct[qid]))
    return result


def forget_answer_keys() -> None:
    """Drop the cached answer keys (tests; after an import)."""
    with _key_lock:
        _key_cache.clear()


def count_correct(question_ids: list[int], answers: dict[int, list[int]], key) -> int:
    """Questions whose chosen set equals the correct set exactly (multiple choice: all and only)."""
    return sum(1 for qid in question_ids if qid in key and key[qid][1] and set(answers.get(qid, ())) == key[qid][1])


# ---------------------------------------------------------------------------- attempts


def draw_questions(round_: Round, rng: random.Random) -> tuple[list[int], dict[str, list[int]]]:
    """The questions of a new attempt in the order shown, and each question's shuffled choices."""
    if round_.drawing == Drawing.FIXED:
        pool = list(round_.fixed_questions.values_list("pk", "difficulty"))
        picked = pool
    else:
        bank = Question.objects.filter(is_active=True)
        if round_.tag_filter:
            bank = bank.filter(tags__icontains=round_.tag_filter)
        pool = list(bank.values_list("pk", "difficulty"))
        wanted = {Difficulty.EASY: round_.easy_count, Difficulty.MEDIUM: round_.medium_count,
                  Difficulty.HARD: round_.hard_count}
        if sum(wanted.values()):
            picked = []
            for level, count in wanted.items():
                of_level = [q for q in pool if q[1] == level]
                picked += rng.sample(of_level, min(count, len(of_level)))
        else:
            picked = rng.sample(pool, min(round_.question_count, len(pool)))
    if not picked:
        raise QuizError("Đợt thi chưa có câu hỏi. Vui lòng quay lại sau.")
    rng.shuffle(picked)
    if round_.order == Ordering.EASY_TO_HARD:
        picked.sort(key=lambda q: q[1])  # stable: shuffled within a level
    question_ids = [q[0] for q in picked]
    choice_ids: dict[str, list[int]] = defaultdict(list)
    kinds: dict[str, str] = {}
    for qid, cid, kind in Choice.objects.filter(question_id__in=question_ids).order_by(
        "position", "pk"
    ).values_list("question_id", "pk", "question__kind"):
        choice_ids[str(qid)].append(cid)
        kinds[str(qid)] = kind
    order: dict[str, list[int]] = {}
    for qid in question_ids:
        ids = choice_ids[str(qid)]
        if kinds.get(str(qid)) != QuestionKind.TRUE_FALSE:  # "Đúng" stays before "Sai"
            rng.shuffle(ids)
        order[str(qid)] = ids
    return question_ids, order


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


# ---------------------------------------------------------------------------- round close


def mask_name(full_name: str) -> str:
    """"Nguyễn Văn An" → "Nguyễn Văn A***" (the given name reduced to its first letter)."""
    words = full_name.split()
    if not words:
        return "***"
    return " ".join([*words[:-1], words[-1][0] + "***"])


def ranking_key(attempt: Attempt, actual: int | None):
    """Score desc, |prediction − actual| asc (no prediction last), duration asc, submitted-at asc."""
    if actual is None:
        gap = 0
    else:
        gap = abs(attempt.prediction - actual) if attempt.prediction is not None else float("inf")
    return (-(attempt.correct_count or 0), gap, attempt.duration_seconds or 0, attempt.submitted_at, attempt.pk)


def close_round(round_: Round, *, now: datetime.datetime | None = None, force: bool = False) -> Round:
    """Score, rank and award a round; safe to run again (e.g. after a disqualification)."""
    now = now or timezone.now()
    if now < round_.closes_at and not force:
        raise QuizError("Đợt thi chưa kết thúc.")
    expire_overdue_attempts(now=max(now, round_.closes_at), round_=round_)
    contest = round_.contest
    with transaction.atomic():
        round_ = Round.objects.select_for_update().select_related("contest").get(pk=round_.pk)
        attempts = list(
            Attempt.objects.filter(round=round_, status=AttemptStatus.SUBMITTED).select_related("contestant__unit")
        )
        all_qids = {qid for a in attempts for qid in a.question_ids}
        key = answer_key(all_qids, fresh=True)
        answers: dict[int, dict[int, list[int]]] = defaultdict(dict)
        for attempt_id, qid, ids in AttemptAnswer.objects.filter(attempt__round=round_).values_list(
            "attempt_id", "question_id", "choice_ids"
        ):
            answers[attempt_id][qid] = ids
        for a in attempts:
            a.correct_count = count_correct(a.question_ids, answers[a.pk], key)
        # The attempt that counts: each contestant's best (max_attempts > 1) among valid ones.
        best: dict[int, Attempt] = {}
        for a in sorted(attempts, key=lambda a: ranking_key(a, None)):
            if not a.disqualified and a.contestant_id not in best:
                best[a.contestant_id] = a
        counting = list(best.values())
        full_marks = {a.pk: len(a.question_ids) for a in counting}
        if round_.prediction_target == PredictionTarget.PERFECT:
            actual = sum(1 for a in counting if a.correct_count == full_marks[a.pk])
        elif round_.prediction_target == PredictionTarget.PARTICIPANTS:
            actual = len(counting)
        else:
            actual = None
        counting.sort(key=lambda a: ranking_key(a, actual))
        earlier_winners = set()
        if contest.one_prize_per_person:
            earlier_winners = set(
                Attempt.objects.filter(round__contest=contest, round__number__lt=round_.number, disqualified=False)
                .exclude(prize="").values_list("contestant_id", flat=True)
            )
        quota = [(Prize.FIRST, round_.prizes_first), (Prize.SECOND, round_.prizes_second),
                 (Prize.THIRD, round_.prizes_third), (Prize.CONSOLATION, round_.prizes_consolation)]
        slots = [prize for prize, count in quota for _ in range(count)]
        for a in attempts:
            a.counts, a.rank, a.prize = False, None, ""
        for rank, a in enumerate(counting, start=1):
            a.counts, a.rank = True, rank
            if slots and a.contestant_id not in earlier_winners and (a.correct_count or 0) > 0:
                a.prize = slots.pop(0)
        Attempt.objects.bulk_update(attempts, ["correct_count", "counts", "rank", "prize"], batch_size=500)
        round_.prediction_actual = actual
        round_.statistics = _statistics(counting, attempts, actual)
        round_.closed_at = round_.closed_at or now
        round_.save(update_fields=["prediction_actual", "statistics", "closed_at"])
    logger.info("Round %s closed: %s counting attempts, actual prediction %s", round_.pk, len(counting), actual)
    return round_


def _statistics(counting: list[Attempt], attempts: list[Attempt], actual: int | None) -> dict:
    distribution = Counter(a.correct_count or 0 for a in counting)
    by_unit = Counter(a.contestant.unit.name if a.contestant.unit_id else "" for a in counting)
    by_commune = Counter(a.contestant.commune for a in counting)
    return {
        "participants": len(counting),
        "attempts": len(attempts),
        "disqualified": sum(1 for a in attempts if a.disqualified),
        "prediction_actual": actual,
        "distribution": sorted([[k, v] for k, v in distribution.items()], reverse=True),
        "by_unit": sorted([[k or "(không chọn)", v] for k, v in by_unit.items()], key=lambda kv: (-kv[1], kv[0])),
        "by_commune": sorted([[k or "(không chọn)", v] for k, v in by_commune.items()],
                             key=lambda kv: (-kv[1], kv[0])),
    }


def disqualify(attempt: Attempt, reason: str) -> None:
    """Void an attempt's result (impersonation, cheating); re-close the round to re-award prizes."""
    reason = reason.strip()
    if not reason:
        raise QuizError("Vui lòng ghi lý do hủy kết quả.")
    Attempt.objects.filter(pk=attempt.pk).update(disqualified=True, disqualified_reason=reason[:255], prize="")
    logger.info("Attempt %s disqualified: %s", attempt.pk, reason)


def group_scores(contest: Contest) -> list[dict]:
    """Group prize table: participation % (averaged over closed rounds) + points for each unit's prizes."""
    from .models import Unit

    rounds = list(contest.rounds.filter(closed_at__isnull=False))
    points = {Prize.FIRST: contest.group_points_first, Prize.SECOND: contest.group_points_second,
              Prize.THIRD: contest.group_points_third, Prize.CONSOLATION: contest.group_points_consolation}
    participants: dict[tuple[int, int], int] = Counter()
    prize_points: dict[int, int] = Counter()
    for unit_id, round_id, prize in Attempt.objects.filter(
        round__in=rounds, counts=True, disqualified=False, contestant__unit__isnull=False
    ).values_list("contestant__unit_id", "round_id", "prize"):
        participants[(unit_id, round_id)] += 1
        if prize:
            prize_points[unit_id] += points[prize]
    rows = []
    for unit in Unit.objects.all():
        if unit.member_count and rounds:
            shares = [min(100.0, 100.0 * participants[(unit.pk, r.pk)] / unit.member_count) for r in rounds]
            participation = round(sum(shares) / len(rounds), 2)
        else:
            participation = 0.0
        total = round(participation + prize_points[unit.pk], 2)
        if total or participants and any(participants[(unit.pk, r.pk)] for r in rounds):
            rows.append({"unit": unit.name, "participation": participation, "prize_points": prize_points[unit.pk],
                         "total": total})
    rows.sort(key=lambda r: (-r["total"], -r["prize_points"], r["unit"]))
    for position, row in enumerate(rows, start=1):
        row["position"] = position
    return rows
