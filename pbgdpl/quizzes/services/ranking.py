"""Round close (scores, ranking, prizes, statistics), disqualification and the group prize table."""

from __future__ import annotations

import datetime
import logging
from collections import Counter, defaultdict

from django.db import transaction
from django.utils import timezone

from ..models import Attempt, AttemptAnswer, AttemptStatus, Contest, PredictionTarget, Prize, Round, Unit
from .answer_key import answer_key, count_correct
from .attempts import expire_overdue_attempts
from .errors import QuizError

logger = logging.getLogger(__name__)


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
