"""Entry vectors beside the index: a small SQLite file per index directory (each node has its own).

Content-addressed: an entry (by ``aid``, the hash of its key that the index stores) points at the
SHA-1 of the text that was embedded; a vector is computed once per distinct text, so re-indexing an
unchanged provision costs nothing and a rebuild reuses every vector. Texts waiting for the worker
sit in ``pending`` until embedded.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path

import numpy as np

FILENAME = "vectors.sqlite3"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS entry (aid INTEGER PRIMARY KEY, hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS vector (hash TEXT PRIMARY KEY, vec BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS pending (hash TEXT PRIMARY KEY, text TEXT NOT NULL);
"""


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _signed(aid: int) -> int:
    """SQLite integers are signed 64-bit; tantivy's ``aid`` is unsigned."""
    return aid - (1 << 64) if aid >= 1 << 63 else aid


class VectorStore:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()

    @classmethod
    def beside(cls, index_dir: Path) -> VectorStore:
        return cls(Path(index_dir) / FILENAME)

    @property
    def db(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=30)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.executescript(_SCHEMA)
            self._local.conn = conn
        return conn

    def record(self, entries: Iterable[tuple[int, str]]) -> None:
        """Point entries (aid, text) at their text; queue texts that have no vector yet."""
        rows = [(_signed(aid), text_hash(text), text) for aid, text in entries]
        with self.db as db:
            db.executemany("INSERT OR REPLACE INTO entry (aid, hash) VALUES (?, ?)", [(a, h) for a, h, _ in rows])
            db.executemany(
                "INSERT OR IGNORE INTO pending (hash, text) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM vector WHERE hash = ?)",
                [(h, t, h) for _, h, t in rows],
            )

    def pending(self, limit: int) -> list[tuple[str, str]]:
        return self.db.execute("SELECT hash, text FROM pending LIMIT ?", (limit,)).fetchall()

    def pending_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM pending").fetchone()[0]

    def put(self, hashes: list[str], vectors: np.ndarray) -> None:
        rows = [(h, np.asarray(v, dtype=np.float32).tobytes()) for h, v in zip(hashes, vectors, strict=True)]
        with self.db as db:
            db.executemany("INSERT OR REPLACE INTO vector (hash, vec) VALUES (?, ?)", rows)
            db.executemany("DELETE FROM pending WHERE hash = ?", [(h,) for h in hashes])

    def vectors_for(self, aids: list[int]) -> dict[int, np.ndarray]:
        """The vectors of the entries that have one (others are still waiting for the worker)."""
        if not aids:
            return {}
        signed = {_signed(a): a for a in aids}
        marks = ",".join("?" * len(signed))
        rows = self.db.execute(
            # Only "?" placeholders are formatted into the statement; the values are bound.
            f"SELECT entry.aid, vector.vec FROM entry JOIN vector ON vector.hash = entry.hash WHERE entry.aid IN ({marks})",  # noqa: S608
            list(signed),
        ).fetchall()
        return {signed[aid]: np.frombuffer(vec, dtype=np.float32) for aid, vec in rows}
