"""Learned term associations: which question syllables go with which article-title syllables.

Pointwise mutual information over question → relevant-article pairs, on folded syllables. Identical
syllables are left out (the lexical score already rewards them); a pair must be seen in at least
``MIN_COUNT`` questions so one question's accidental words do not make an association. The table
holds syllable pairs only, never a question's text.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

MIN_COUNT = 2

Table = dict[str, dict[str, float]]


def learn(pairs: Iterable[tuple[Iterable[str], Iterable[str]]], min_count: int = MIN_COUNT) -> Table:
    """``pairs``: (question syllables, relevant article's title syllables), folded."""
    n = 0
    q_count: Counter[str] = Counter()
    t_count: Counter[str] = Counter()
    joint: Counter[tuple[str, str]] = Counter()
    for question, title in pairs:
        qs, ts = set(question), set(title)
        n += 1
        q_count.update(qs)
        t_count.update(ts)
        joint.update((q, t) for q in qs for t in ts if q != t)
    table: Table = {}
    for (q, t), c in joint.items():
        if c < min_count:
            continue
        pmi = math.log(c * n / (q_count[q] * t_count[t]))
        if pmi > 0:
            table.setdefault(q, {})[t] = round(pmi, 4)
    return table


def score(query: Iterable[str], title: Iterable[str], table: Table) -> float:
    """How strongly the article title is associated with the query: the mean over the query's
    distinct syllables of their best association with a title syllable (0 when none)."""
    qs = set(query)
    if not qs or not table:
        return 0.0
    ts = set(title)
    total = 0.0
    for q in qs:
        row = table.get(q)
        if row:
            total += max((row[t] for t in ts if t in row), default=0.0)
    return total / len(qs)


def save(table: Table, path: Path) -> None:
    lines = [f"{q}\t{t}\t{v}" for q in sorted(table) for t, v in sorted(table[q].items())]
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def load(path: Path) -> Table:
    table: Table = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3:
            table.setdefault(parts[0], {})[parts[1]] = float(parts[2])
    return table
