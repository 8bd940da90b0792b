"""Query understanding against one index: what the query says, before any retrieval.

``understand()`` runs the steps in one direction: ``query.parse`` (analysis, abbreviations,
law names, provision references, colloquial phrases, fillers, synonyms), then the law
versions the named law has in this index, then typo correction against the index's words.
Query building only reads the ``ParsedQuery`` it returns.
"""

from __future__ import annotations

import re

import tantivy

from . import derived, spelling
from .dictionary import Dictionary
from .index import IndexHandle
from .lawnames import LawName
from .query import ParsedQuery, parse

_YEAR_RE = re.compile(r"\b(19|20)\d\d\b")


def understand(q: str, handle: IndexHandle, searcher: tantivy.Searcher, dictionary: Dictionary) -> ParsedQuery:
    laws = derived.law_index(handle, searcher)
    vocab = derived.vocabulary(handle)
    pq = parse(q, dictionary, laws, vocab)
    if pq.law:
        pq.laws = matching_laws(pq, laws)
    spelling.correct_typos(pq, vocab)
    return pq


def matching_laws(pq: ParsedQuery, laws: list[LawName]) -> list[LawName]:
    """Every version of the named law; the year typed (if any) picks one."""
    name = max(pq.law.names, key=len)
    base = name[:-1] if pq.law.year and name and name[-1] == pq.law.year else name
    same = [law for law in laws if base in law.names or any(n[: len(base)] == base and len(n) == len(base) + 1 for n in law.names)]
    year = _YEAR_RE.search(pq.folded)
    if year:
        by_year = [law for law in same if law.year == year.group(0)]
        if by_year:
            return by_year
    return same or [pq.law]


def law_titles(pq: ParsedQuery) -> list[str]:
    """Group titles of the law the query names (every matching version)."""
    return [law.group_title for law in pq.laws] if pq.laws else ([pq.law.group_title] if pq.law else [])
