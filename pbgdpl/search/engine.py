"""The search API used by the web pages, the JSON endpoint and search_eval.

    from pbgdpl.search.engine import search, suggest

    page = search("nghi thai san duoc may thang", filters={"doc_type": ["Luật"]})
    for group in page.groups:
        group.title, group.url, [hit.snippet_html for hit in group.hits]

Retrieval is at article level; results are grouped under their document (group_key)
at display time. ``grouped=False`` returns the flat ranked article list (evaluation,
JSON API).

A query flows one way through the modules: ``analysis`` (normalisation, folding) →
``understanding`` (parse, law names, typos, expansions) → ``querybuild`` → ``retrieval``
(ranking) → ``presentation`` (hits, groups, direct hit), ``facets`` (counts) and
``spelling`` (the accented spelling offered for a query typed without diacritics).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

import tantivy

from pbgdpl.core.pagecache import record as record_page_dependency

from . import facets, presentation, spelling
from .dictionary import Dictionary, get_dictionary
from .index import SEARCH_RESULTS_TAG, IndexHandle, get_handle
from .query import ParsedQuery
from .querybuild import build_query, filter_clauses, with_filters
from .results import FacetValue, ResultGroup, ResultHit, SearchPage, Suggestion
from .retrieval import order_kwargs, retrieve
from .semantic import fusion
from .semantic import model as semantic_model
from .semantic import signal as semantic_signal
from .suggest import suggest
from .understanding import understand

__all__ = ["FacetValue", "ResultGroup", "ResultHit", "SearchPage", "Suggestion", "search", "suggest"]

log = logging.getLogger(__name__)

SEARCH_FAILED = "Không thực hiện được tìm kiếm này. Vui lòng thử lại với từ khóa khác."
MAX_PER_PAGE = 100
PAGE_SIZE = 10  # groups on one results page (/tim-kiem/); search_eval measures that page


@dataclass
class _Options:
    filters: dict[str, list[str]] | None
    sort: str
    kinds: list[str] | None
    grouped: bool
    with_facets: bool


def search(
    q: str,
    *,
    filters: dict[str, list[str]] | None = None,
    sort: str = "relevance",
    page: int = 1,
    per_page: int = 10,
    kinds: list[str] | None = None,
    grouped: bool = True,
    with_facets: bool = True,
    handle: IndexHandle | None = None,
    dictionary: Dictionary | None = None,
) -> SearchPage:
    """Search the site index. Never raises for bad input: errors come back in ``page.error``."""
    started = time.perf_counter()
    record_page_dependency(SEARCH_RESULTS_TAG)
    page = max(1, int(page or 1))
    per_page = max(1, min(int(per_page or 10), MAX_PER_PAGE))
    handle = handle or get_handle()
    searcher = handle.searcher()
    dictionary = dictionary if dictionary is not None else get_dictionary()
    pq = understand(q, handle, searcher, dictionary)
    result = SearchPage(query=pq, page=page, per_page=per_page)
    options = _Options(filters=filters, sort=sort, kinds=kinds, grouped=grouped, with_facets=with_facets)
    try:
        _run(result, handle, searcher, options, dictionary)
    except Exception:
        log.exception("Search failed for %r", q)
        result.error = SEARCH_FAILED
    result.elapsed_ms = (time.perf_counter() - started) * 1000
    return result


def _highlight_terms(pq: ParsedQuery) -> set[str]:
    """Folded syllables and ``a_b`` phrases to mark in snippets (see ``snippets.highlight``)."""
    terms = set(pq.tokens) | set(pq.bigrams)
    for words in pq.expansions:
        terms.update(words)
        terms.update(f"{a}_{b}" for a, b in zip(words, words[1:], strict=False))
    return terms


def _run(result: SearchPage, handle: IndexHandle, searcher: tantivy.Searcher, options: _Options, dictionary: Dictionary) -> None:
    pq: ParsedQuery = result.query
    schema = handle.schema
    built = build_query(pq, schema, searcher)
    if built is None:
        return
    filt = filter_clauses(schema, options.filters, options.kinds)
    rank = with_filters(built.rank, filt)
    terms = _highlight_terms(pq)
    need = result.page * result.per_page
    start = (result.page - 1) * result.per_page
    if not options.grouped:
        fused = not order_kwargs(options.sort) and semantic_model.enabled()
        ranked = retrieve(searcher, rank, max(need, fusion.CANDIDATES) if fused else need, options.sort)
        if fused:
            ranked = semantic_signal.fuse(ranked, pq, handle, searcher, dictionary)
        result.hits = presentation.flat_hits(searcher, ranked, start, result.per_page, terms)
        result.total = facets.count_entries(searcher, schema, with_filters(built.match, filt))
    else:
        ranked = retrieve(searcher, rank, max(100, need * 8), options.sort)
        scored = not order_kwargs(options.sort)
        if scored:
            ranked = semantic_signal.fuse(ranked, pq, handle, searcher, dictionary)
        result.groups = presentation.grouped_hits(searcher, ranked, start, result.per_page, terms, scored=scored)
        if scored and result.page == 1:
            result.answer, result.answer_questions = presentation.answer_card(searcher, ranked, terms)
        if options.with_facets:
            result.total, result.facets = facets.count_and_facets(searcher, schema, built.match, options.filters, options.kinds)
        else:
            result.total = facets.count_groups(searcher, with_filters(built.match, filt))
        result.suggestion = spelling.restore_diacritics(pq, handle, searcher, dictionary)
    result.direct_hit = presentation.direct_hit(pq, schema, searcher)
