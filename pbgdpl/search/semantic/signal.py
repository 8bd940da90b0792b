"""The semantic signal for one query: embed it, read the candidates' vectors, fuse."""

from __future__ import annotations

from pathlib import Path

import tantivy

from .. import spelling
from ..dictionary import Dictionary
from ..index import IndexHandle, root_dir
from ..query import ParsedQuery
from ..retrieval import EntryScore
from . import fusion, model
from .store import FILENAME, VectorStore

_stores: dict[Path, VectorStore] = {}
# Words restored for the model: more than SEARCH_SEMANTIC_QUERY_TOKENS (40 by default) can hold.
MODEL_WORDS = 64


def open_store(path: Path) -> VectorStore:
    """One store object (one SQLite connection per thread) per file and process."""
    if path not in _stores:
        _stores[path] = VectorStore(path)
    return _stores[path]


def site_store() -> VectorStore:
    """The vectors of this node's site index (every generation: they are content-addressed)."""
    return open_store(Path(root_dir()) / FILENAME)


def store_for(handle: IndexHandle) -> VectorStore:
    """The vectors of the handle's entries: beside the site index, or where an evaluation put them."""
    return open_store(Path(handle.vectors_path)) if handle.vectors_path else site_store()


def query_text(pq: ParsedQuery, handle: IndexHandle, searcher: tantivy.Searcher, dictionary: Dictionary | None) -> str:
    """What the model reads: the question in full words ("ko" → "không", "blds" → "bộ luật dân
    sự"), with its diacritics restored when typed without them — the model scores almost nothing
    on unaccented Vietnamese (issue 13: 5 nDCG points alone)."""
    text = pq.spelled_out or pq.normalized
    if not pq.has_marks:
        # The whole question, not the suggestion's first 20 words: the model read a long question
        # typed without diacritics cut after its 20th word ("… đối với người dưới bảo"), so its
        # end (often what is asked) was lost; the token cap below is what bounds the cost.
        text = spelling.restore_diacritics(pq, handle, searcher, dictionary, text=text, max_words=MODEL_WORDS) or text
    return model.capped(text)


def fuse(ranked: list[EntryScore], pq: ParsedQuery, handle: IndexHandle, searcher: tantivy.Searcher,
         dictionary: Dictionary | None) -> list[EntryScore]:
    """``ranked`` re-ordered by the fused score when the semantic signal is on, else unchanged."""
    if len(ranked) < 2 or not model.enabled():
        return ranked
    weight = fusion.dense_weight(ranked, pq)
    if not weight:  # decided before the query is embedded: a confident query costs no model time
        return ranked
    candidates = [entry.aid for entry in ranked[: fusion.CANDIDATES]]
    vectors = store_for(handle).vectors_for(candidates)
    if len(vectors) < len(set(candidates)):
        # Some candidates are not embedded yet (just published, or the worker is still catching up):
        # a missing vector would count as average similarity and unfairly demote them.
        return ranked
    return fusion.rerank(ranked, model.embed_query(query_text(pq, handle, searcher, dictionary)), vectors, weight)
