"""Computing the vectors the store is waiting for, in batches, off the publishing path."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from ..registry import SearchEntry
from ..schema import doc_id
from . import model
from .store import VectorStore

BATCH = 16


def record_entries(store: VectorStore, entries: Iterable[SearchEntry]) -> None:
    """Queue the entries' texts (only texts never embedded before wait for the model)."""
    store.record((doc_id(e.key), model.passage_text(e.title, e.group_title, e.body)) for e in entries)


def embed_pending(store: VectorStore, max_seconds: float | None = None,
                  progress: Callable[[int, int], None] | None = None) -> int:
    """Embed waiting texts until none is left or ``max_seconds`` have passed; returns how many."""
    started, done = time.monotonic(), 0
    while max_seconds is None or time.monotonic() - started < max_seconds:
        batch = store.pending(BATCH)
        if not batch:
            break
        store.put([h for h, _ in batch], model.embed_passages([text for _, text in batch]))
        done += len(batch)
        if progress:
            progress(done, store.pending_count())
    return done
