"""Learned associations as query expansion: the title syllables the question's syllables go with
in the training pairs, searched in the folded title view with a small weight (decision 0005)."""

from __future__ import annotations

import functools
import logging
from pathlib import Path

from django.conf import settings

from ..index import IndexHandle
from . import associations

log = logging.getLogger(__name__)

PER_SYLLABLE = 2
MAX_TERMS = 6
WEIGHT = 0.2  # half the dictionary's synonym weight


def terms(tokens: list[str], table: associations.Table) -> list[tuple[str, float]]:
    """(title syllable, PMI) to add for a query's folded content syllables, best first."""
    present = set(tokens)
    found: dict[str, float] = {}
    for q in dict.fromkeys(tokens):
        row = table.get(q, {})
        for t, pmi in sorted(row.items(), key=lambda kv: -kv[1])[:PER_SYLLABLE]:
            if t not in present:
                found[t] = max(found.get(t, 0.0), pmi)
    return sorted(found.items(), key=lambda kv: -kv[1])[:MAX_TERMS]


@functools.cache
def _load(path: str) -> associations.Table | None:
    """Read once per process; an unreadable file is logged and queries are not expanded."""
    try:
        return associations.load(Path(path))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        log.error("SEARCH_ASSOCIATIONS=%s cannot be used (%s); queries are not expanded", path, exc)
        return None


def active_table(handle: IndexHandle) -> associations.Table | None:
    """The table an evaluation set on the handle (``False``: none), else the site's
    ``SEARCH_ASSOCIATIONS`` file, else none (the default)."""
    if handle.associations is not None:
        return handle.associations or None
    path = getattr(settings, "SEARCH_ASSOCIATIONS", "")
    return _load(str(path)) if path else None
