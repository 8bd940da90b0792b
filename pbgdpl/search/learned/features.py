"""Features of the lexical top candidates for the learned re-ranker (all cheap: the scores the
ranking already has, plus each candidate's stored article title, read once per index generation)."""

from __future__ import annotations

import re
import statistics
from collections import Counter

import numpy as np
import tantivy

from .. import analysis
from ..index import IndexHandle
from ..retrieval import EntryScore
from . import associations

# How many of the lexical ranking's first entries are re-ordered.
CANDIDATES = 20
FEATURES = (
    "lexical_z",  # z-score of the lexical score among the candidates
    "lexical_ratio",  # score / the top candidate's score
    "reciprocal_rank",  # 1 / (1 + lexical rank)
    "title_share",  # part of the score that comes from the title rather than the best clause
    "same_document",  # share of the candidates from the same document: the law the question is about
    "title_cover",  # share of the query's syllables found in the article title
    "early_article",  # one of a law's first three articles (scope, subjects, definitions)
    "association",  # learned association between the query's and the title's syllables
)
_ARTICLE_RE = re.compile(r"^\s*điều\s+(\d+)[a-zđ]?\s*[.:]?\s*")

TitleInfo = tuple[frozenset[str], int]


def title_info(title: str) -> TitleInfo:
    """(folded title syllables without "Điều N.", article number or 0) of a stored title."""
    text = analysis.normalize(title)
    m = _ARTICLE_RE.match(text)
    number = int(m.group(1)) if m else 0
    return frozenset(analysis.fold_all(analysis.syllables(text[m.end():] if m else text))), number


def title_infos(handle: IndexHandle, searcher: tantivy.Searcher, entries: list[EntryScore]) -> list[TitleInfo]:
    """The candidates' title information, cached per entry for the index generation (the handle's
    derived tables are dropped when the index changes)."""
    cache = handle.derived.setdefault("learned_titles", {})
    out = []
    for entry in entries:
        info = cache.get(entry.aid)
        if info is None:
            titles = searcher.doc(entry.address).get_all("title")
            info = cache[entry.aid] = title_info(titles[0] if titles else "")
        out.append(info)
    return out


def extract(query: list[str], top: list[EntryScore], infos: list[TitleInfo], table: associations.Table) -> np.ndarray:
    """One row of FEATURES per candidate (``top`` in lexical order)."""
    scores = [entry.score for entry in top]
    mean, spread = statistics.fmean(scores), statistics.pstdev(scores) or 1.0
    best = scores[0] or 1.0
    per_document = Counter(entry.gid for entry in top)
    qs = set(query)
    rows = []
    for rank, (entry, (title, number)) in enumerate(zip(top, infos, strict=True)):
        rows.append((
            (entry.score - mean) / spread,
            entry.score / best,
            1.0 / (1 + rank),
            entry.whole / entry.score if entry.score else 0.0,
            per_document[entry.gid] / len(top),
            len(qs & title) / len(qs) if qs else 0.0,
            1.0 if 0 < number <= 3 else 0.0,
            associations.score(qs, title, table),
        ))
    return np.asarray(rows, dtype=np.float64)
