"""Fusing the dense signal into the lexical ranking, for the lexical path's top candidates only.

Both scores are turned into z-scores over the candidates and added (lexical + weight × dense),
then mapped back onto the lexical scale so what reads scores later (the answer card's margin, the
Q&As beside it) keeps its meaning. Entries below the candidates keep their place.

The weight shrinks when the lexical ranking is confident (``dense_weight``): a question written
in the provisions' own words puts one article far ahead of the rest, and there dense similarity
mostly adds noise; a situation told in everyday words leaves the lexical top close together, and
there meaning is what separates the candidates (decision 0005).
"""

from __future__ import annotations

import math
import statistics

import numpy as np

from ..query import ParsedQuery
from ..retrieval import EntryScore

# Chosen on the citizen23 dev half and alqac23-train only (decision 0005, third pass).
CANDIDATES = 20
DENSE_WEIGHT = 1.5
# Above this lexical z-margin the ranking is confident and the dense weight drops.
CONFIDENT_MARGIN = 0.9
CONFIDENT_WEIGHT = 0.5
# When the lexical top hit is also this close in meaning (dense z-score), both signals agree:
# it keeps first place, and only the entries below it are re-ordered.
AGREEMENT = 1.5


def _z(values: list[float]) -> list[float]:
    mean = statistics.fmean(values)
    spread = statistics.pstdev(values) or 1.0
    return [(v - mean) / spread for v in values]


def lexical_margin(ranked: list[EntryScore]) -> float:
    """How far the lexical top hit leads the second, in standard deviations of the candidates' scores."""
    top = [entry.score for entry in ranked[:CANDIDATES]]
    if len(top) < 2:
        return math.inf
    return (top[0] - top[1]) / (statistics.pstdev(top) or 1.0)


def dense_weight(ranked: list[EntryScore], pq: ParsedQuery) -> float:
    """The dense signal's weight for this query: none when it names a provision or a document
    number (the lexical match is exact), full while the lexical top is close, less above."""
    if pq.provision_ref or pq.doc_number:
        return 0.0
    margin = lexical_margin(ranked)
    return DENSE_WEIGHT if margin <= CONFIDENT_MARGIN else CONFIDENT_WEIGHT


def rerank(ranked: list[EntryScore], query_vector: np.ndarray, vectors: dict[int, np.ndarray],
           weight: float = DENSE_WEIGHT) -> list[EntryScore]:
    """``ranked`` with its first CANDIDATES re-ordered by the fused score."""
    top = ranked[:CANDIDATES]
    if len(top) < 2 or not vectors:
        return ranked
    lexical = [entry.score for entry in top]
    # An entry whose vector the worker has not computed yet counts as average similarity.
    known = [float(vectors[e.aid] @ query_vector) for e in top if e.aid in vectors]
    average = statistics.fmean(known)
    z_dense = _z([float(vectors[e.aid] @ query_vector) if e.aid in vectors else average for e in top])
    fused = [(z_lex + weight * z_d) / (1 + weight) for z_lex, z_d in zip(_z(lexical), z_dense, strict=True)]
    if z_dense[0] >= AGREEMENT:
        fused[0] = max(fused)  # the sort below is stable: the agreed top hit stays first
    mean, spread = statistics.fmean(lexical), statistics.pstdev(lexical) or 1.0
    for entry, value in zip(top, fused, strict=True):
        # Added, not assigned: entry.score already counts any earlier boost, so the entry ends at the fused score.
        entry.boost += mean + spread * value - entry.score
    top.sort(key=lambda e: -e.score)
    return top + ranked[CANDIDATES:]
