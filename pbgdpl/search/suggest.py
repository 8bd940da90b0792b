"""Autocomplete: document titles and numbers as the visitor types."""

from __future__ import annotations

import re

import tantivy

from . import analysis
from .index import IndexHandle, get_handle
from .results import Suggestion

MAX_PREFIX_CHARS = 100


def suggest(prefix: str, limit: int = 8, *, handle: IndexHandle | None = None) -> list[Suggestion]:
    """Document titles and numbers that start with (or contain a word starting with) ``prefix``."""
    prefix = (prefix or "").strip()[:MAX_PREFIX_CHARS]
    if len(prefix) < 2:
        return []
    handle = handle or get_handle()
    searcher = handle.searcher()
    schema = handle.schema
    folded = analysis.fold_all(analysis.syllables(prefix))
    numbers = analysis.doc_numbers(prefix)
    clauses = []
    if numbers or re.match(r"^\d", prefix):
        num = numbers[0] if numbers else analysis.fold(analysis.normalize(prefix)).replace(" ", "")
        clauses.append(tantivy.Query.regex_query(schema, "docnum", re.escape(num) + ".*"))
    if folded:
        parts = [tantivy.Query.term_query(schema, "gtitle_f", w) for w in folded[:-1]]
        last = folded[-1]
        parts.append(tantivy.Query.regex_query(schema, "gtitle_f", re.escape(last) + ".*"))
        clauses.append(tantivy.Query.boolean_query([(tantivy.Occur.Must, p) for p in parts]))
    if not clauses:
        return []
    q = tantivy.Query.boolean_query([(tantivy.Occur.Should, c) for c in clauses])
    res = searcher.search(q, 200, count=False)
    out: list[Suggestion] = []
    seen = set()
    gids = searcher.fast_field_values("gid", [a for _, a in res.hits]) if res.hits else []
    for (_, addr), gid in zip(res.hits, gids, strict=True):
        if gid in seen:
            continue
        seen.add(gid)
        d = searcher.doc(addr).to_dict()
        title = (d.get("group_title") or [""])[0] or (d.get("title") or [""])[0]
        url = (d.get("group_url") or [""])[0] or (d.get("url") or [""])[0]
        out.append(Suggestion(title, url, (d.get("doc_number_display") or [""])[0], (d.get("facet_kind") or [""])[0]))
        if len(out) >= limit:
            break
    return out
