"""The learned re-ranker: a linear score over ``features.FEATURES`` for the lexical top candidates,
trained as pairwise logistic regression (a relevant candidate should outscore a non-relevant one
of the same question), saved as one JSON file with its association table beside it."""

from __future__ import annotations

import functools
import json
import logging
import statistics
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import tantivy
from django.conf import settings

from ..index import IndexHandle
from ..query import ParsedQuery
from ..retrieval import EntryScore
from . import associations, features

log = logging.getLogger(__name__)

L2 = 1.0  # fixed before measuring (decision 0005, fourth pass)


@dataclass
class Reranker:
    weights: np.ndarray
    mean: np.ndarray
    scale: np.ndarray
    table: associations.Table = field(default_factory=dict)
    about: dict = field(default_factory=dict)  # how it was made (sources, counts), for the record

    def score(self, x: np.ndarray) -> np.ndarray:
        return ((x - self.mean) / self.scale) @ self.weights

    def save(self, path: Path) -> None:
        path = Path(path)
        table_path = path.with_suffix(".associations.tsv")
        associations.save(self.table, table_path)
        path.write_text(json.dumps({
            "features": list(features.FEATURES),
            "weights": self.weights.round(6).tolist(),
            "mean": self.mean.round(6).tolist(),
            "scale": self.scale.round(6).tolist(),
            "associations": table_path.name,
            "about": self.about,
        }, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def load(path: Path) -> Reranker:
    path = Path(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    if data["features"] != list(features.FEATURES):
        raise ValueError(f"{path} was trained on other features: {data['features']}")
    return Reranker(np.asarray(data["weights"]), np.asarray(data["mean"]), np.asarray(data["scale"]),
                    associations.load(path.parent / data["associations"]), data.get("about", {}))


@functools.cache
def load_cached(path: str) -> Reranker | None:
    """The site's model, read once per process; a missing or stale file is logged and the search
    stays lexical rather than failing every query."""
    try:
        return load(Path(path))
    except (OSError, ValueError, KeyError) as exc:
        log.error("SEARCH_RERANKER=%s cannot be used (%s); searching without the re-ranker", path, exc)
        return None


def train(groups: list[tuple[np.ndarray, np.ndarray]], table: associations.Table, l2: float = L2) -> Reranker:
    """``groups``: per question, its candidates' features and relevance (1/0). Every question
    weighs the same, whatever its number of pairs; Newton's method on the logistic loss."""
    if not groups:
        raise ValueError("no training question has lexical candidates")
    stacked = np.vstack([x for x, _ in groups])
    mean, scale = stacked.mean(axis=0), stacked.std(axis=0)
    scale[scale == 0] = 1.0
    diffs, weights = [], []
    for x, y in groups:
        z = (x - mean) / scale
        pos, neg = z[y > 0], z[y <= 0]
        if not len(pos) or not len(neg):
            continue
        d = (pos[:, None, :] - neg[None, :, :]).reshape(-1, z.shape[1])
        diffs.append(d)
        weights.append(np.full(len(d), 1.0 / len(d)))
    if not diffs:
        raise ValueError("no question has both a relevant and a non-relevant candidate")
    d, sw = np.vstack(diffs), np.concatenate(weights)
    w = np.zeros(d.shape[1])
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(d @ w)))  # probability that the relevant one is ahead
        grad = -(d.T @ (sw * (1 - p))) + l2 * w
        hess = (d.T * (sw * p * (1 - p))) @ d + l2 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return Reranker(w, mean, scale, table, {"questions": len(diffs), "pairs": int(len(d))})


def rerank(ranked: list[EntryScore], pq: ParsedQuery, handle: IndexHandle, searcher: tantivy.Searcher,
           model: Reranker) -> list[EntryScore]:
    """``ranked`` with its first CANDIDATES re-ordered by the model, their scores mapped back onto
    the lexical scale (what reads scores later, the answer card and the semantic fusion, keeps its
    meaning); a query naming a provision or a document number keeps its exact lexical match."""
    top = ranked[: features.CANDIDATES]
    if len(top) < 2 or pq.provision_ref or pq.doc_number:
        return ranked
    x = features.extract(pq.tokens, top, features.title_infos(handle, searcher, top), model.table)
    learned = model.score(x)
    lexical = [entry.score for entry in top]
    mean, spread = statistics.fmean(lexical), statistics.pstdev(lexical) or 1.0
    l_mean, l_spread = float(learned.mean()), float(learned.std()) or 1.0
    for entry, value in zip(top, learned, strict=True):
        entry.boost += mean + spread * (float(value) - l_mean) / l_spread - entry.score
    top.sort(key=lambda e: -e.score)
    return top + ranked[features.CANDIDATES:]


def active(handle: IndexHandle) -> Reranker | None:
    """The model for this handle: one an evaluation set on it (``False``: none), else the site's
    ``SEARCH_RERANKER`` file, else none (the default)."""
    if handle.reranker is not None:
        return handle.reranker or None
    path = getattr(settings, "SEARCH_RERANKER", "")
    return load_cached(str(path)) if path else None
