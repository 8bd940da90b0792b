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
CITIZEN_SEED_FILE = SEED_FILE.with_name("dictionary_citizen.tsv")  # later additions (migration 0005)
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


Key = tuple[str, ...]


def _keys(text: str) -> tuple[Key, Key]:
    """(accented, folded) syllables of a dictionary term."""
    acc = tuple(analysis.syllables(text))
    return acc, tuple(analysis.fold_all(list(acc)))


def token_matches(typed: str, typed_folded: str, term: str) -> bool:
    """A typed syllable matches a term syllable when equal, or, typed without
    diacritics, when equal once the term is folded too (``vat`` ≠ ``vật`` but the
    unaccented ``vat`` matches ``vật``; ``nhẹ`` never matches the filler ``nhé``)."""
    return typed == term or (typed == typed_folded and typed_folded == analysis.fold(term))


@dataclass
class Table:
    """Phrases keyed by their folded syllables; each keeps its accented form."""

    entries: dict[Key, list[tuple[Key, object]]] = field(default_factory=dict)
    max_len: int = 0
    abbreviations: bool = False  # a table of abbreviations (see match_at)

    firsts: set[str] = field(default_factory=set)

    def add(self, term: str, value: object) -> None:
        acc, folded = _keys(term)
        if not acc:
            return
        self.entries.setdefault(folded, []).append((acc, value))
        self.max_len = max(self.max_len, len(acc))
        self.firsts.add(folded[0])

    def __bool__(self) -> bool:
        return bool(self.entries)

    def match_at(self, tokens: list[tuple[str, str]], i: int, words=None, keep=frozenset()) -> tuple[int, list]:
        """Longest phrase starting at ``tokens[i]`` ((accented, folded) pairs): (length, values).

        One syllable typed without diacritics is ambiguous: ``thua`` may be ``thưa`` (a
        courtesy word) or ``thừa`` (thừa kế), ``ca`` may be the abbreviation CA or ``cá``.
        Such a single syllable matches an accented term only if typed exactly, and an
        unaccented term only if it is not an ordinary syllable of the index (``words``)
        or was typed in capitals (``keep``: folded tokens written like ``VAT``).
        """
        if i >= len(tokens) or tokens[i][1] not in self.firsts:
            return 0, []
        for n in range(min(self.max_len, len(tokens) - i), 0, -1):
            window = tokens[i : i + n]
            cands = self.entries.get(tuple(t[1] for t in window))
            if not cands:
                continue
            if n == 1 and words is not None:
                typed, folded = window[0][0], window[0][1]
                if typed == folded and folded in words and folded not in keep:
                    if self.abbreviations:
                        continue
                    cands = [(acc, v) for acc, v in cands if acc[0] == typed]
            values = [
                value
                for acc, value in cands
                if all(token_matches(t[0], t[1], a) for t, a in zip(window, acc, strict=True))
            ]
            if values:
                return n, values
        return 0, []


@dataclass
class Dictionary:
    """Abbreviations, synonyms (both ways) and fillers, matched as explained above."""

    abbreviations: Table = field(default_factory=lambda: Table(abbreviations=True))
    synonyms: Table = field(default_factory=Table)
    fillers: Table = field(default_factory=Table)
    # Colloquial phrases of two or more syllables ("ly dị", "sổ đỏ", "nghỉ đẻ") → their legal
    # terms. Such a phrase is unambiguous, so the query searches the legal term with full
    # weight instead of its own syllables ("dị" alone would match "di sản").
    colloquial: Table = field(default_factory=Table)
    # Tables other modules derive from these entries (spelling's phrase tables), kept here so
    # they are rebuilt exactly when the dictionary is reloaded.
    derived: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_rows(cls, rows) -> Dictionary:
        d = cls()
        rows = list(rows)
        # A term that is also another row's legal wording ("nhận cha con") is law language.
        legal = {
            _keys(e)[1]
            for kind, _, expansions in rows
            if kind == "synonym"
            for e in (expansions or "").split("|")
            if e.strip()
        }
        for kind, term, expansions in rows:
            exps = [analysis.normalize(e).strip() for e in (expansions or "").split("|") if e.strip()]
            if kind == "abbreviation" and exps:
                d.abbreviations.add(term, exps)
            elif kind == "synonym" and exps:
                for e in exps:
                    d.synonyms.add(term, e)
                    # Synonyms work both ways (sổ đỏ ↔ giấy chứng nhận quyền sử dụng đất).
                    d.synonyms.add(e, analysis.normalize(term))
                acc, folded = _keys(term)
                if len(acc) >= 2 and folded not in legal:
                    d.colloquial.add(term, exps)
            elif kind == "filler":
                d.fillers.add(term, True)
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
