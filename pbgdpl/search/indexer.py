"""Writing the index: the outbox consumer and the full rebuild.

One writer per index directory (tantivy holds a lock file); every app node runs its own
consumer against its own replica and remembers the last outbox id it applied in
``outbox_state.json`` beside the index.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

import tantivy

from . import index as index_mod
from .models import OutboxEntry
from .registry import SearchEntry, all_sources, get_source
from .schema import to_documents
from .semantic import model as semantic_model
from .semantic.embedding import record_entries
from .semantic.signal import site_store

log = logging.getLogger(__name__)

WRITER_HEAP = 64_000_000
BATCH = 500


def open_writer(idx: tantivy.Index, threads: int = 1) -> tantivy.IndexWriter:
    return idx.writer(heap_size=WRITER_HEAP * max(1, threads), num_threads=threads)


def add_entries(writer: tantivy.IndexWriter, entries: Iterable[SearchEntry], ref: str) -> int:
    entries = list(entries)
    for entry in entries:
        for doc in to_documents(entry, ref):
            writer.add_document(doc)
    if entries and semantic_model.enabled():
        # Only queued here: the worker's search-embed job computes the vectors (embedding.py).
        record_entries(site_store(), entries)
    return len(entries)


def apply_outbox(path: Path | None = None, batch: int = BATCH) -> int:
    """Apply every outbox entry newer than the index's state; returns how many were applied.

    Safe to run concurrently: a second consumer on the same directory fails to take the
    writer lock and returns 0 (the first one applies everything).
    """
    path = path or index_mod.current_path()
    if not index_mod.schema_matches(path):
        # New code with a new schema: rebuild into a fresh generation (readers keep the
        # old one until the swap), which also applies the outbox.
        log.warning("Search index %s has an older schema; rebuilding it", path)
        _, count = rebuild()
        return count
    state = index_mod.read_state(path)
    last = int(state.get("last_outbox_id", 0))
    rows = list(OutboxEntry.objects.filter(id__gt=last).order_by("id").values_list("id", "source", "object_pk")[:batch])
    if not rows:
        return 0
    idx = index_mod.open_or_create(path)
    try:
        writer = open_writer(idx)
    except ValueError:
        log.info("Search index %s is being written by another process; skipping this run", path)
        return 0
    try:
        seen = set()
        for _, source_label, pk in rows:
            if (source_label, pk) in seen:
                continue
            seen.add((source_label, pk))
            ref = f"{source_label}:{pk}"
            writer.delete_documents_by_term("ref", ref)
            source = get_source(source_label)
            if source is None:
                log.warning("No search source registered for %s", source_label)
                continue
            try:
                entries = source.entries_for(pk)
            except Exception:
                log.exception("Search source %s failed for %s; its entries are removed until the next change", source_label, pk)
                entries = []
            add_entries(writer, entries, ref)
        writer.commit()
        writer.wait_merging_threads()
    except Exception:
        writer.rollback()
        raise
    index_mod.write_state(path, {"last_outbox_id": rows[-1][0]})
    handle = index_mod.readers._handle
    if handle is not None and handle.path == path:
        handle.refresh()
    index_mod.index_committed()
    if len(rows) == batch:
        return len(rows) + apply_outbox(path, batch)
    return len(rows)


def rebuild(progress=None) -> tuple[Path, int]:
    """Index every registered source into a fresh generation, then swap it in.

    Outbox entries written during the rebuild are applied afterwards (the state starts
    at the outbox id seen before reading the sources).
    """
    last = OutboxEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
    path = index_mod.new_generation()
    idx = index_mod.open_or_create(path)
    writer = open_writer(idx, threads=1)
    count = 0
    sources = all_sources()
    for source in sources:
        pks = list(source.all_pks())
        iterator = progress(pks, desc=source.label) if progress else pks
        for pk in iterator:
            try:
                count += add_entries(writer, source.entries_for(pk), f"{source.label}:{pk}")
            except Exception:
                log.exception("Search source %s failed for %s during rebuild", source.label, pk)
    writer.commit()
    writer.wait_merging_threads()
    index_mod.write_state(path, {"last_outbox_id": last})
    index_mod.swap_current(path)
    index_mod.readers.reset()
    apply_outbox(path)
    return path, count


def build_temporary(path: Path, entries: Iterable[SearchEntry], threads: int = 1) -> int:
    """Index ``entries`` into a new index at ``path`` (evaluation and benchmarks)."""
    idx = index_mod.open_or_create(path)
    writer = open_writer(idx, threads=threads)
    n = 0
    for entry in entries:
        for doc in to_documents(entry, "eval:" + entry.key):
            writer.add_document(doc)
        n += 1
    writer.commit()
    writer.wait_merging_threads()
    return n
