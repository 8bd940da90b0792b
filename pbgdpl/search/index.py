"""Index directories, the single writer and the reloading readers.

Layout under ``settings.SEARCH_INDEX_DIR``::

    CURRENT            name of the generation in use (replaced atomically)
    gen-<stamp>/       a tantivy index + ``outbox_state.json`` (last applied outbox id)

A full rebuild writes a new generation and then swaps ``CURRENT``; readers notice the
new name or a newer commit (checked at most once a second) and reopen.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import tantivy
from django.conf import settings

from .schema import SCHEMA_VERSION, build_schema

log = logging.getLogger(__name__)

STATE_FILE = "outbox_state.json"
RELOAD_EVERY_S = 1.0
# Page cache tag of every response built from search results (pbgdpl/core/pagecache).
SEARCH_RESULTS_TAG = "search:index"
# Costly tables derived from the index (see derived.py), kept across reloads.
SLOW_DERIVED = ("terms", "terms_at", "terms_n")


def root_dir() -> Path:
    return Path(settings.SEARCH_INDEX_DIR)


def _pointed(root: Path) -> Path | None:
    try:
        name = (root / "CURRENT").read_text().strip()
    except FileNotFoundError:
        return None
    return root / name if name and (root / name).is_dir() else None


def current_path(root: Path | None = None) -> Path:
    """The generation directory in use, creating an empty one on first use."""
    root = root or root_dir()
    found = _pointed(root)
    if found is not None:
        return found
    # First use by several processes at once (the web workers of a new site): one creates the
    # generation, the others wait and find it. Without the lock each made its own and the first to
    # point CURRENT at its own deleted the others' while they were being written (an IO error).
    root.mkdir(parents=True, exist_ok=True)
    with open(root / ".first-use.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        found = _pointed(root)
        if found is not None:
            return found
        path = new_generation(root)
        open_or_create(path)
        swap_current(path)
        return path


def new_generation(root: Path | None = None) -> Path:
    root = root or root_dir()
    root.mkdir(parents=True, exist_ok=True)
    path = root / f"gen-{time.strftime('%Y%m%d%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
    path.mkdir()
    return path


def swap_current(path: Path) -> None:
    """Point CURRENT at ``path`` atomically and remove older generations."""
    root = path.parent
    tmp = root / f".CURRENT.{os.getpid()}"
    tmp.write_text(path.name)
    os.replace(tmp, root / "CURRENT")
    for other in root.glob("gen-*"):
        if other != path and other.is_dir():
            # Readers in other processes may still hold files open; on POSIX that is fine.
            shutil.rmtree(other, ignore_errors=True)


def open_or_create(path: Path) -> tantivy.Index:
    """Open the index at ``path`` (created empty when missing). Never deletes anything:
    an index written with an older schema is still opened (see ``schema_matches``)."""
    path.mkdir(parents=True, exist_ok=True)
    if (path / "meta.json").exists():
        return tantivy.Index.open(str(path))
    index = tantivy.Index(build_schema(), path=str(path), reuse=False)
    (path / "schema_version").write_text(str(SCHEMA_VERSION))
    return index


def schema_matches(path: Path) -> bool:
    """True when the index at ``path`` was written with this code's schema version."""
    try:
        return (path / "schema_version").read_text().strip() == str(SCHEMA_VERSION)
    except FileNotFoundError:
        return not (path / "meta.json").exists()


def read_state(path: Path) -> dict:
    try:
        return json.loads((path / STATE_FILE).read_text())
    except (FileNotFoundError, ValueError):
        return {"last_outbox_id": 0}


def write_state(path: Path, state: dict) -> None:
    tmp = path / f".{STATE_FILE}.tmp"
    tmp.write_text(json.dumps(state))
    os.replace(tmp, path / STATE_FILE)


def index_changed() -> None:
    """This process now reads a newer index: cached pages showing results from the older one go.

    Every process (every node) purges when its own reader moves on, so a node whose replica
    lags cannot keep results the others have already replaced for long.
    """
    from pbgdpl.core.pagecache import invalidation

    if invalidation.enabled():
        invalidation.purge_now([SEARCH_RESULTS_TAG])


def index_committed() -> None:
    """This process wrote the index: purge now, and once more after every reader of the node has
    had time to reload (a page rendered meanwhile from a reader not yet reloaded goes too)."""
    from pbgdpl.core.pagecache import invalidation

    if not invalidation.enabled():
        return
    index_changed()

    def again() -> None:
        from django.db import connection

        try:
            index_changed()
        finally:
            connection.close()

    timer = threading.Timer(RELOAD_EVERY_S + 0.5, again)
    timer.daemon = True
    timer.start()


@dataclass
class IndexHandle:
    """An open index plus what the query side derives from it (law names, vocabulary)."""

    path: Path
    index: tantivy.Index
    checked_at: float = 0.0
    meta_mtime: float = 0.0
    _searcher: tantivy.Searcher | None = None
    derived: dict = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    # Where the entries' vectors are (semantic signal); None: beside the site index.
    vectors_path: Path | None = None

    @classmethod
    def open(cls, path: Path) -> IndexHandle:
        index = open_or_create(path)
        handle = cls(path=path, index=index)
        handle._load()
        return handle

    def _meta_mtime(self) -> float:
        try:
            return (self.path / "meta.json").stat().st_mtime_ns
        except FileNotFoundError:
            return 0.0

    def _load(self) -> None:
        reloading = self._searcher is not None
        self.index.reload()
        self._searcher = self.index.searcher()
        self.meta_mtime = self._meta_mtime()
        self.checked_at = time.monotonic()
        # Law names are cheap and must follow every commit; vocabularies are costly on a
        # large index and change slowly, so they survive a reload and are refreshed in the
        # background (derived._slow_derived).
        self.derived = {k: v for k, v in self.derived.items() if k in SLOW_DERIVED}
        if reloading:
            index_changed()

    def searcher(self) -> tantivy.Searcher:
        now = time.monotonic()
        if now - self.checked_at >= RELOAD_EVERY_S:
            with self.lock:
                self.checked_at = now
                if self._meta_mtime() != self.meta_mtime:
                    self._load()
        return self._searcher

    def refresh(self) -> None:
        """Reload now (used right after this process committed)."""
        with self.lock:
            self._load()

    @property
    def schema(self) -> tantivy.Schema:
        return self.index.schema


class _Readers:
    """Per-process cache of the handle on the current generation."""

    def __init__(self) -> None:
        self._handle: IndexHandle | None = None
        self._pointer_checked = 0.0
        self._lock = threading.Lock()

    def get(self) -> IndexHandle:
        now = time.monotonic()
        handle = self._handle
        root = root_dir()
        if handle is None or handle.path.parent != root or now - self._pointer_checked >= RELOAD_EVERY_S:
            with self._lock:
                self._pointer_checked = now
                path = current_path(root)
                if handle is None or handle.path != path:
                    swapped = handle is not None
                    handle = IndexHandle.open(path)
                    self._handle = handle
                    if swapped:
                        index_changed()
        return handle

    def reset(self) -> None:
        self._handle = None


readers = _Readers()


def get_handle() -> IndexHandle:
    """The reader on the site's current index (reopened when a rebuild swapped it)."""
    return readers.get()
