"""Fusing the dense signal into the lexical ranking, for the lexical path's top candidates only.

Both scores are turned into z-scores over the candidates and added (lexical + DENSE_WEIGHT ×
dense), then mapped back onto the lexical scale so what reads scores later (the answer card's
margin, the Q&As beside it) keeps its meaning. Entries below the candidates keep their place.
"""

from __future__ import annotations

import statistics

import numpy as np

from ..retrieval import EntryScore

CANDIDATES = 50
DENSE_WEIGHT = 1.5


def _z(values: list[float]) -> list[float]:
    mean = statistics.fmean(values)
    spread = statistics.pstdev(values) or 1.0
    return [(v - mean) / spread for v in values]


def rerank(ranked: list[EntryScore], query_vector: np.ndarray, vectors: dict[int, np.ndarray]) -> list[EntryScore]:
    """``ranked`` with its first CANDIDATES re-ordered by the fused score."""
    top = ranked[:CANDIDATES]
    if len(top) < 2 or not vectors:
        return ranked
    lexical = [entry.score for entry in top]
    # An entry whose vector the worker has not computed yet counts as average similarity.
    known = [float(vectors[e.aid] @ query_vector) for e in top if e.aid in vectors]
    average = statistics.fmean(known)
    dense = [float(vectors[e.aid] @ query_vector) if e.aid in vectors else average for e in top]
    mean, spread = statistics.fmean(lexical), statistics.pstdev(lexical) or 1.0
    for entry, z_lex, z_dense in zip(top, _z(lexical), _z(dense), strict=True):
        fused = (z_lex + DENSE_WEIGHT * z_dense) / (1 + DENSE_WEIGHT)
        entry.boost = mean + spread * fused - entry.score
    top.sort(key=lambda e: -e.score)
    return top + ranked[CANDIDATES:]
