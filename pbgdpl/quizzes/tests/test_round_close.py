"""Round close: ranking with the prediction tie-breaker, prizes, one prize per person, group prize, statistics."""

from __future__ import annotations

import datetime

import pytest

from pbgdpl.quizzes import services
from pbgdpl.quizzes.models import Attempt, PredictionTarget, Prize
from pbgdpl.quizzes.services import QuizError

from .factories import NOW, RoundFactory, UnitFactory, answer_all, make_contestant

CLOSE = NOW + datetime.timedelta(days=8)


def take(round_, contestant, *, right, seconds, prediction=None, start=NOW):
    attempt = services.start_attempt(contestant, round_, now=start)
    answer_all(attempt, right=right, now=start)
    return services.submit_attempt(attempt.pk, now=start + datetime.timedelta(seconds=seconds), prediction=prediction)


def test_ranking_score_then_prediction_gap_then_duration_then_submission_time(round_):
    a = take(round_, make_contestant("Trần Thị Bình"), right=5, seconds=200, prediction=3)   # gap 0
    b = take(round_, make_contestant("Lê Văn Cường"), right=5, seconds=100, prediction=10)   # gap 7
    c = take(round_, make_contestant("Phạm Minh Dũng"), right=5, seconds=100, prediction=1)  # gap 2, faster than e
    e = take(round_, make_contestant("Hoàng Văn Em"), right=5, seconds=150, prediction=5)    # gap 2, slower
    d = take(round_, make_contestant("Vũ Thị Hà"), right=4, seconds=10, prediction=3)        # fewer correct
    # Same score, gap and duration as c, submitted one minute later.
    f = take(round_, make_contestant("Đặng Văn Giang"), right=5, seconds=100, prediction=1,
             start=NOW + datetime.timedelta(minutes=1))
    closed = services.close_round(round_, now=CLOSE)
    assert closed.prediction_actual == 5  # five perfect attempts
    ranks = {x.pk: Attempt.objects.get(pk=x.pk).rank for x in (a, b, c, d, e, f)}
    # e: gap 0 (5 vs 5) is best; then a (gap 2), c (gap 4, 100 s), f (same, later), b (gap 5); d last.
    assert [pk for pk, _ in sorted(ranks.items(), key=lambda kv: kv[1])] == [e.pk, a.pk, c.pk, f.pk, b.pk, d.pk]
    prizes = dict(Attempt.objects.filter(round=round_).values_list("pk", "prize"))
    assert (prizes[e.pk], prizes[a.pk], prizes[c.pk], prizes[f.pk]) == (Prize.FIRST, Prize.SECOND, Prize.THIRD, "")


def test_missing_prediction_ranks_after_any_prediction(round_):
    none = take(round_, make_contestant("Ngô Văn Khải"), right=5, seconds=10)
    far = take(round_, make_contestant("Bùi Thị Lan"), right=5, seconds=500, prediction=1000)
    services.close_round(round_, now=CLOSE)
    assert Attempt.objects.get(pk=far.pk).rank == 1 and Attempt.objects.get(pk=none.pk).rank == 2


def test_participants_target_and_best_of_several_attempts(round_):
    round_.prediction_target = PredictionTarget.PARTICIPANTS
    round_.max_attempts = 2
    round_.save()
    person = make_contestant("Đinh Văn Mạnh")
    first = take(round_, person, right=2, seconds=60, prediction=2)
    second = take(round_, person, right=4, seconds=90, prediction=2, start=NOW + datetime.timedelta(hours=1))
    with pytest.raises(QuizError, match="hết số lần"):
        services.start_attempt(person, round_, now=NOW + datetime.timedelta(hours=2))
    take(round_, make_contestant("Lý Thị Nga"), right=3, seconds=60, prediction=2)
    closed = services.close_round(round_, now=CLOSE)
    assert closed.prediction_actual == 2  # two people, three attempts
    assert Attempt.objects.get(pk=second.pk).counts and not Attempt.objects.get(pk=first.pk).counts
    assert closed.statistics["participants"] == 2 and closed.statistics["attempts"] == 3
    assert closed.statistics["distribution"] == [[4, 1], [3, 1]]


def test_close_is_idempotent_and_refuses_before_the_end(round_):
    take(round_, make_contestant(), right=3, seconds=60, prediction=1)
    with pytest.raises(QuizError):
        services.close_round(round_, now=NOW)
    first = services.close_round(round_, now=CLOSE)
    snapshot = list(Attempt.objects.values_list("pk", "rank", "prize", "correct_count"))
    again = services.close_round(round_, now=CLOSE + datetime.timedelta(hours=1))
    assert list(Attempt.objects.values_list("pk", "rank", "prize", "correct_count")) == snapshot
    assert again.closed_at == first.closed_at


def test_close_submits_attempts_left_open(round_):
    attempt = services.start_attempt(make_contestant(), round_, now=round_.closes_at - datetime.timedelta(minutes=2))
    answer_all(attempt, right=1, now=round_.closes_at - datetime.timedelta(minutes=1))
    services.close_round(round_, now=CLOSE)
    attempt.refresh_from_db()
    assert attempt.auto_submitted and attempt.correct_count == 1 and attempt.rank == 1


def test_disqualified_attempt_loses_its_prize_on_reclose(round_):
    cheat = take(round_, make_contestant("Mai Văn Ổn"), right=5, seconds=30, prediction=2)
    honest = take(round_, make_contestant("Tạ Thị Phương"), right=5, seconds=300, prediction=2)
    services.close_round(round_, now=CLOSE)
    assert Attempt.objects.get(pk=cheat.pk).prize == Prize.FIRST
    with pytest.raises(QuizError):
        services.disqualify(cheat, "  ")
    services.disqualify(cheat, "Mạo danh người khác")
    closed = services.close_round(round_, now=CLOSE)
    assert Attempt.objects.get(pk=honest.pk).prize == Prize.FIRST
    assert Attempt.objects.get(pk=cheat.pk).prize == "" and closed.statistics["disqualified"] == 1


def test_one_prize_per_person_across_rounds(round_, contest, bank):
    second_round = RoundFactory(
        contest=contest, number=2, opens_at=CLOSE, closes_at=CLOSE + datetime.timedelta(days=7),
        prediction_target="", prizes_first=1, prizes_second=0, prizes_third=0, fixed_questions=bank[:5],
    )
    star, other = make_contestant("Quách Văn Sao"), make_contestant("Kiều Thị Tâm")
    take(round_, star, right=5, seconds=30)
    services.close_round(round_, now=CLOSE)
    start2 = CLOSE + datetime.timedelta(hours=1)
    take(second_round, star, right=5, seconds=30, start=start2)
    runner = take(second_round, other, right=4, seconds=60, start=start2)
    services.close_round(second_round, now=CLOSE + datetime.timedelta(days=8))
    assert Attempt.objects.get(round=second_round, contestant=star).rank == 1
    assert Attempt.objects.get(round=second_round, contestant=star).prize == ""
    assert Attempt.objects.get(pk=runner.pk).prize == Prize.FIRST
    contest.one_prize_per_person = False
    contest.save()
    services.close_round(second_round, now=CLOSE + datetime.timedelta(days=8))
    assert Attempt.objects.get(round=second_round, contestant=star).prize == Prize.FIRST


def test_group_prize_participation_average_plus_prize_points_with_tie_order(round_, contest, bank):
    justice = UnitFactory(name="Sở Tư pháp", member_count=4)
    health = UnitFactory(name="Sở Y tế", member_count=2)
    schools = UnitFactory(name="Sở Giáo dục", member_count=4)
    take(round_, make_contestant("A Văn Một", unit=justice), right=5, seconds=10)   # 1st: 10 points
    take(round_, make_contestant("B Văn Hai", unit=health), right=5, seconds=20)    # 2nd: 8 points
    take(round_, make_contestant("C Văn Ba", unit=schools), right=4, seconds=20)    # 3rd: 6 points
    take(round_, make_contestant("D Văn Bốn", unit=schools), right=1, seconds=20)
    services.close_round(round_, now=CLOSE)
    rows = {r["unit"]: r for r in services.group_scores(contest)}
    assert rows["Sở Tư pháp"]["participation"] == 25.0 and rows["Sở Tư pháp"]["total"] == 35.0
    assert rows["Sở Y tế"]["participation"] == 50.0 and rows["Sở Y tế"]["total"] == 58.0
    assert rows["Sở Giáo dục"]["participation"] == 50.0 and rows["Sở Giáo dục"]["total"] == 56.0
    assert [r["unit"] for r in services.group_scores(contest)] == ["Sở Y tế", "Sở Giáo dục", "Sở Tư pháp"]


def test_group_tie_on_total_goes_to_more_prize_points(round_, contest):
    a = UnitFactory(name="Đơn vị A", member_count=10)
    b = UnitFactory(name="Đơn vị B", member_count=1)
    round_.prizes_first, round_.prizes_second, round_.prizes_third = 1, 0, 0
    round_.save()
    contest.group_points_first = 90
    contest.save()
    take(round_, make_contestant("Người Một", unit=a), right=5, seconds=5)  # 10 % + 90 = 100
    take(round_, make_contestant("Người Hai", unit=b), right=1, seconds=5)  # 100 % + 0 = 100
    services.close_round(round_, now=CLOSE)
    assert [r["unit"] for r in services.group_scores(contest)] == ["Đơn vị A", "Đơn vị B"]


def test_masked_names():
    assert services.mask_name("Nguyễn Văn An") == "Nguyễn Văn A***"
    assert services.mask_name("  Đỗ   Ánh ") == "Đỗ Á***"


def test_periodic_jobs_submit_overdue_attempts_and_close_ended_rounds(round_):
    import time_machine

    from pbgdpl.core.periodic import periodic_jobs
    from pbgdpl.quizzes import tasks

    assert {"quizzes-expire-attempts", "quizzes-close-rounds"} <= {job.name for job in periodic_jobs()}
    attempt = services.start_attempt(make_contestant(), round_, now=NOW)
    with time_machine.travel(NOW + datetime.timedelta(minutes=30), tick=False):
        assert tasks.expire_attempts.call() == 1 and tasks.close_ended_rounds.call() == 0
    with time_machine.travel(CLOSE, tick=False):
        assert tasks.close_ended_rounds.call() == 1 and tasks.close_ended_rounds.call() == 0
    round_.refresh_from_db()
    assert round_.closed_at is not None and Attempt.objects.get(pk=attempt.pk).rank == 1
