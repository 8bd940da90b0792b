"""The answer key of questions (cached per process for submission scoring) and scoring."""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Iterable

from ..models import Choice, Question

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
