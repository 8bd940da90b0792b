"""Counting: the number of matching groups (documents) and the facet values with their counts."""

from __future__ import annotations

import tantivy

from .querybuild import filter_clauses, with_filters
from .results import FacetValue
from .schema import FACET_KEYS

EXACT_GROUPS = 1000  # up to this many matching groups counts are exact; beyond, HyperLogLog


def count_groups(searcher: tantivy.Searcher, query: tantivy.Query) -> int:
    """Number of groups (documents) with a matching entry: exact for small result sets,
    a close estimate (±2 %) for very large ones, where exact counting costs too much."""
    est = searcher.aggregate(query, {"c": {"cardinality": {"field": "group_key"}}})["c"]["value"] or 0
    if est > EXACT_GROUPS:
        return int(round(est))
    res = searcher.aggregate(query, {"g": {"terms": {"field": "group_key", "size": EXACT_GROUPS * 5}}})
    return len(res["g"]["buckets"])


def count_entries(searcher: tantivy.Searcher, schema: tantivy.Schema, query: tantivy.Query) -> int:
    """Number of matching entries (whole-entry documents, not passages)."""
    whole = tantivy.Query.boolean_query(
        [(tantivy.Occur.Must, query), (tantivy.Occur.Must, tantivy.Query.term_query(schema, "unit", 0))]
    )
    return searcher.search(whole, 1, count=True).count


def _bucket_groups(bucket: dict) -> int:
    g = bucket["g"]
    return len(g["buckets"]) if "buckets" in g else int(round(g.get("value") or 0))


def _facet_pass(searcher, q, keys: list[str], selected) -> tuple[int, dict[str, list[FacetValue]]]:
    """One aggregation pass: the number of groups matching ``q`` and, for each facet key,
    the groups per value. Cardinality estimates first; exact counts when the result is
    small enough (≤ EXACT_GROUPS groups), which is also when a second pass is cheap."""

    def run(exact: bool) -> dict:
        sub = (
            {"g": {"terms": {"field": "group_key", "size": EXACT_GROUPS * 5}}}
            if exact
            else {"g": {"cardinality": {"field": "group_key"}}}
        )
        agg = {key: {"terms": {"field": f"facet_{key}", "size": 200}, "aggs": sub} for key in keys}
        agg["_total"] = sub["g"]
        return searcher.aggregate(q, agg)

    res = run(exact=False)
    total = int(round(res["_total"].get("value") or 0))
    if total <= EXACT_GROUPS:
        res = run(exact=True)
        total = len(res["_total"]["buckets"])
    out: dict[str, list[FacetValue]] = {}
    for key in keys:
        values = [
            FacetValue(b["key"], _bucket_groups(b), b["key"] in selected.get(key, set()))
            for b in res.get(key, {}).get("buckets", [])
        ]
        values.sort(key=lambda v: (-v.count, v.value))
        # A selected value stays visible even when the other filters leave it empty.
        for value in selected.get(key, set()) - {v.value for v in values}:
            values.append(FacetValue(value, 0, True))
        if values:
            out[key] = values
    return total, out


def count_and_facets(
    searcher: tantivy.Searcher, schema: tantivy.Schema, match: tantivy.Query, filters, kinds
) -> tuple[int, dict[str, list[FacetValue]]]:
    """Total groups and the facets; each facet ignores its own selection.

    Facets without a selection share the query of the total (the match with every filter)
    and are counted in the same pass; each facet with a selection needs its own pass.
    """
    selected = {k: set(v) for k, v in (filters or {}).items() if v}
    q_all = with_filters(match, filter_clauses(schema, filters, kinds))
    shared = [k for k in FACET_KEYS if not selected.get(k)]
    total, facets = _facet_pass(searcher, q_all, shared, selected)
    for key in FACET_KEYS:
        if selected.get(key):
            q = with_filters(match, filter_clauses(schema, filters, kinds, skip=key))
            facets.update(_facet_pass(searcher, q, [key], selected)[1])
    return total, {k: facets[k] for k in FACET_KEYS if k in facets}
