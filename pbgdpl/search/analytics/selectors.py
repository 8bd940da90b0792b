"""Reads of search analytics for the editors' report."""

from __future__ import annotations

import datetime
import logging
import re
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Exists, Max, OuterRef, Sum
from django.utils import timezone

from .models import SearchClickStat, SearchQueryStat

log = logging.getLogger(__name__)

POPULAR_CACHE_KEY = "search:popular-queries"
POPULAR_DAYS = 30
POPULAR_MIN_SEARCHES = 3
# Long digit runs (phone, ID, account numbers), e-mail addresses and what was redacted when
# stored (***) are never shown publicly.
_PERSONAL_RE = re.compile(r"\d[\d .-]{5,}\d|@|\*\*\*")


@dataclass(frozen=True)
class Period:
    """A half-open time range [start, end) of the report."""

    start: datetime.datetime
    end: datetime.datetime

    @classmethod
    def last_days(cls, days: int, now: datetime.datetime | None = None) -> Period:
        end = now or timezone.now()
        return cls(start=end - datetime.timedelta(days=days), end=end)


def _queries(period: Period):
    return SearchQueryStat.objects.filter(period_start__gte=period.start, period_start__lt=period.end)


def top_queries(period: Period, limit: int = 50) -> list[dict]:
    """Most searched queries (any filters), with the latest known result count."""
    return list(
        _queries(period)
        .values("query", "folded")
        .annotate(searches=Sum("searches"), result_count=Max("result_count"))
        .order_by("-searches", "query")[:limit]
    )


def zero_result_queries(period: Period, limit: int = 50) -> list[dict]:
    """Queries that found nothing, most frequent first: where the dictionary can help."""
    return list(
        _queries(period)
        .filter(result_count=0)
        .values("query", "folded", "filters")
        .annotate(searches=Sum("searches"))
        .order_by("-searches", "query")[:limit]
    )


def unclicked_queries(period: Period, limit: int = 50, min_searches: int = 2) -> list[dict]:
    """Queries searched repeatedly that found something, yet nobody opened a result.

    With ranked retrieval almost every query "finds something"; these are the searches
    that most likely failed all the same.
    """
    clicked = SearchClickStat.objects.filter(
        period_start__gte=period.start, period_start__lt=period.end, folded=OuterRef("folded")
    )
    return list(
        _queries(period)
        .filter(result_count__gt=0)
        .values("query", "folded")
        .annotate(searches=Sum("searches"), result_count=Max("result_count"))
        .filter(searches__gte=min_searches)
        .exclude(Exists(clicked))
        .order_by("-searches", "query")[:limit]
    )


def top_clicks(period: Period, limit: int = 50) -> list[dict]:
    """Results opened most often from the search results, with their titles when still indexed."""
    rows = list(
        SearchClickStat.objects.filter(period_start__gte=period.start, period_start__lt=period.end)
        .values("target_url", "target_key")
        .annotate(clicks=Sum("clicks"))
        .order_by("-clicks", "target_url")[:limit]
    )
    titles = indexed_titles([row["target_key"] for row in rows if row["target_key"]])
    for row in rows:
        row["title"] = titles.get(row["target_key"], "")
    return rows


def indexed_titles(keys: list[str]) -> dict[str, str]:
    """``key → "title — document title"`` read from the search index; {} if it cannot be read.

    The click counter stores only the key and URL it was given; titles come from the index
    so nobody can plant text in the editors' report.
    """
    if not keys:
        return {}
    try:
        import tantivy

        from ..index import get_handle

        handle = get_handle()
        searcher = handle.searcher()
        found = searcher.search(tantivy.Query.term_set_query(handle.schema, "key", keys), len(keys) * 4, count=False)
        titles: dict[str, str] = {}
        for _, address in found.hits:
            doc = searcher.doc(address).to_dict()
            key = (doc.get("key") or [""])[0]
            if key in titles:
                continue
            title = (doc.get("title") or [""])[0]
            group = (doc.get("group_title") or [""])[0]
            titles[key] = f"{title} — {group}" if group and group not in title else title
        return titles
    except Exception:  # a missing or rebuilding index only costs the titles
        log.exception("Could not read result titles from the search index")
        return {}


def totals(period: Period) -> dict[str, int]:
    """Searches, searches without results and clicks in the period."""
    queries = _queries(period)
    return {
        "searches": queries.aggregate(n=Sum("searches"))["n"] or 0,
        "zero": queries.filter(result_count=0).aggregate(n=Sum("searches"))["n"] or 0,
        "clicks": SearchClickStat.objects.filter(period_start__gte=period.start, period_start__lt=period.end)
        .aggregate(n=Sum("clicks"))["n"]
        or 0,
    }


def popular_queries(limit: int = 8) -> list[str]:
    """Queries many people searched in the last 30 days that found something (cached 10 minutes).

    Shown publicly (search page, home page), so only what several searches share and
    nothing that looks personal: at least ``POPULAR_MIN_SEARCHES`` searches, short, no long
    digit runs (phone or ID numbers), no e-mail addresses. Variants typed with and without
    diacritics count together and show their accented spelling.
    """
    queries = cache.get(POPULAR_CACHE_KEY)
    if queries is None:
        try:
            queries = _popular(limit * 3)
        except Exception:  # statistics must never break a page
            log.exception("Could not read popular searches")
            queries = []
        cache.set(POPULAR_CACHE_KEY, queries, 600)
    return queries[:limit]


def _popular(limit: int) -> list[str]:
    rows = (
        _queries(Period.last_days(POPULAR_DAYS))
        .filter(result_count__gt=0)
        .values("folded", "query")
        .annotate(searches=Sum("searches"))
    )
    by_folded: dict[str, dict] = {}
    for row in rows:
        if not _publishable(row["query"]):
            continue
        entry = by_folded.setdefault(row["folded"], {"searches": 0, "spellings": []})
        entry["searches"] += row["searches"]
        entry["spellings"].append((row["query"] != row["folded"], row["searches"], row["query"]))
    ranked = sorted(
        ((entry["searches"], max(entry["spellings"])[2]) for entry in by_folded.values()
         if entry["searches"] >= POPULAR_MIN_SEARCHES),
        key=lambda item: (-item[0], item[1]),
    )
    return [query for _, query in ranked[:limit]]


def _publishable(query: str) -> bool:
    return len(query) <= 60 and len(query.split()) <= 8 and not _PERSONAL_RE.search(query)
