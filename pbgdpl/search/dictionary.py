"""The editable query dictionary: loading, caching and seeding from data/dictionary.tsv."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.core.cache import cache
from django.db import DatabaseError

from . import analysis

log = logging.getLogger(__name__)

SEED_FILE = Path(__file__).resolve().parent / "data" / "dictionary.tsv"
CACHE_VERSION_KEY = "search:dictionary:version"
LOCAL_TTL_S = 10.0


def parse_tsv(path: Path = SEED_FILE) -> list[tuple[str, str, str]]:
    """Rows ``(kind, term, expansions)`` of a seed file; comments and bad lines skipped."""
    rows = []
    if not path.exists():
        return rows
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 2 or parts[0] not in {"abbreviation", "synonym", "filler"} or not parts[1].strip():
            log.warning("dictionary.tsv line %s ignored: %r", lineno, line)
            continue
        expansions = "|".join(p.strip() for p in (parts[2] if len(parts) > 2 else "").split("|") if p.strip())
        rows.append((parts[0], analysis.nfc(parts[1].strip()), analysis.nfc(expansions)))
    return rows


def seed(model, path: Path = SEED_FILE) -> int:
    """Add the seed rows that are missing; never touch rows editors already have.

    Works with the real model or the historical one of a data migration. Returns the
    number of rows created.
    """
    created = 0
    for kind, term, expansions in parse_tsv(path):
        _, was_created = model.objects.get_or_create(kind=kind, term=term, defaults={"expansions": expansions})
        created += int(was_created)
    return created


def _key(text: str) -> tuple[str, ...]:
    """Folded syllables: dictionary terms match with or without diacritics."""
    return tuple(analysis.fold_all(analysis.syllables(text)))


@dataclass
class Dictionary:
    """Lookup tables keyed by folded syllable tuples."""

    abbreviations: dict[tuple[str, ...], list[str]] = field(default_factory=dict)
    synonyms: dict[tuple[str, ...], list[str]] = field(default_factory=dict)
    fillers: set[tuple[str, ...]] = field(default_factory=set)
    max_len: int = 1

    @classmethod
    def from_rows(cls, rows) -> Dictionary:
        d = cls()
        for kind, term, expansions in rows:
            key = _key(term)
            if not key:
                continue
            exps = [analysis.normalize(e) for e in expansions.split("|") if e.strip()]
            if kind == "abbreviation" and exps:
                d.abbreviations[key] = exps
            elif kind == "synonym" and exps:
                d.synonyms.setdefault(key, []).extend(exps)
                # Synonyms work both ways (sổ đỏ ↔ giấy chứng nhận quyền sử dụng đất).
                for e in exps:
                    d.synonyms.setdefault(_key(e), []).append(analysis.normalize(term))
            elif kind == "filler":
                d.fillers.add(key)
            d.max_len = max(d.max_len, len(key))
        for key in list(d.synonyms):
            d.max_len = max(d.max_len, len(key))
        return d


_cached: Dictionary | None = None
_loaded_at = 0.0
_loaded_version = None


def invalidate() -> None:
    """Called when an entry is saved or deleted: every process reloads soon."""
    global _cached
    _cached = None
    try:
        cache.set(CACHE_VERSION_KEY, time.time(), None)
    except Exception:  # a cache outage must not break saving an entry
        log.exception("Could not bump the search dictionary version")


def get_dictionary() -> Dictionary:
    """The enabled entries, cached per process and refreshed after an edit."""
    global _cached, _loaded_at, _loaded_version
    now = time.monotonic()
    if _cached is not None and now - _loaded_at < LOCAL_TTL_S:
        return _cached
    version = cache.get(CACHE_VERSION_KEY)
    if _cached is not None and version == _loaded_version:
        _loaded_at = now
        return _cached
    from .models import DictionaryEntry

    try:
        rows = list(DictionaryEntry.objects.filter(enabled=True).values_list("kind", "term", "expansions"))
    except DatabaseError:
        log.exception("Search dictionary unavailable; searching without it")
        rows = []
    _cached = Dictionary.from_rows(rows)
    _loaded_at = now
    _loaded_version = version
    return _cached
