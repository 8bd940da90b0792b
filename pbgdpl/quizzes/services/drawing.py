"""Drawing the questions of a new attempt from the round's contest pool."""

from __future__ import annotations

import random
from collections import defaultdict

from ..models import Choice, Difficulty, Drawing, Ordering, Question, QuestionKind, Round
from .errors import QuizError


def draw_questions(round_: Round, rng: random.Random) -> tuple[list[int], dict[str, list[int]]]:
    """The questions of a new attempt in the order shown, and each question's shuffled choices."""
    if round_.drawing == Drawing.FIXED:
        # The contest pool only, even if a fixed set was linked before the pools existed.
        pool = list(round_.fixed_questions.for_contests().values_list("pk", "difficulty"))
        picked = pool
    else:
        bank = Question.objects.for_contests().filter(is_active=True)
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
