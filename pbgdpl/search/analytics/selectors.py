"""Reads of search analytics for the editors' report."""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Max, Sum
from django.utils import timezone

from .models import SearchClickStat, SearchQueryStat

log = logging.getLogger(__name__)

POPULAR_CACHE_KEY = "search:popular-queries"
POPULAR_DAYS = 30


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


def top_clicks(period: Period, limit: int = 50) -> list[dict]:
    """Results opened most often from the search results."""
    rows = (
        SearchClickStat.objects.filter(period_start__gte=period.start, period_start__lt=period.end)
        .values("target_url", "target_key")
        .annotate(clicks=Sum("clicks"))
        .order_by("-clicks", "target_url")[:limit]
    )
    return list(rows)


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

    For the search page's empty state; the home page may show them too.
    """
    queries = cache.get(POPULAR_CACHE_KEY)
    if queries is None:
        try:
            rows = top_queries(Period.last_days(POPULAR_DAYS), limit * 3)
            queries = [row["query"] for row in rows if row["result_count"]]
        except Exception:  # statistics must never break a page
            log.exception("Could not read popular searches")
            queries = []
        cache.set(POPULAR_CACHE_KEY, queries, 600)
    return queries[:limit]
