"""Reads of search analytics for the editors' report."""

from __future__ import annotations

import datetime
import logging
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Exists, Max, OuterRef, Sum
from django.utils import timezone

from .models import SearchClickStat, SearchPhrase, SearchPhraseClient, SearchQueryStat

log = logging.getLogger(__name__)

POPULAR_CACHE_KEY = "search:popular-queries"
POPULAR_DAYS = 30
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


def popular_min_clients() -> int:
    """Distinct people a phrase needs before it is shown publicly (``SEARCH_POPULAR_MIN_CLIENTS``, default 3)."""
    return max(1, settings.SEARCH_POPULAR_MIN_CLIENTS)


def phrase_clients(days: int = POPULAR_DAYS) -> dict[str, int]:
    """folded phrase → distinct clients who searched it (and found something) in the last ``days``."""
    since = (timezone.localtime() - datetime.timedelta(days=days)).date()
    rows = (
        SearchPhraseClient.objects.filter(day__gte=since)
        .values("folded")
        .annotate(clients=Count("client", distinct=True))
    )
    return {row["folded"]: row["clients"] for row in rows}


def hidden_phrases() -> set[str]:
    return set(SearchPhrase.objects.filter(hidden=True).values_list("folded", flat=True))


def hidden_phrase_rows() -> list[dict]:
    """Phrases editors hid from the public list, most recent first (for the report)."""
    return list(SearchPhrase.objects.filter(hidden=True).order_by("-updated_at").values("query", "folded", "updated_at"))


def popular_queries(limit: int = 8) -> list[str]:
    """Queries many people searched in the last 30 days that found something (cached 10 minutes).

    Shown publicly (search page, home page), so only what several people share and nothing
    that looks personal: searched by at least ``popular_min_clients()`` distinct clients (one
    client repeating a phrase counts once), not hidden by an editor, short, no long digit runs
    (phone or ID numbers), no e-mail addresses. Variants typed with and without diacritics
    count together and show their accented spelling.
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
    minimum = popular_min_clients()
    people = {folded: n for folded, n in phrase_clients().items() if n >= minimum}
    for folded in hidden_phrases():
        people.pop(folded, None)
    if not people:
        return []
    rows = (
        _queries(Period.last_days(POPULAR_DAYS))
        .filter(result_count__gt=0, folded__in=list(people))
        .values("folded", "query")
        .annotate(searches=Sum("searches"))
    )
    spellings: dict[str, list[tuple]] = {}
    for row in rows:
        if _publishable(row["query"]):
            spellings.setdefault(row["folded"], []).append((row["query"] != row["folded"], row["searches"], row["query"]))
    ranked = sorted(
        ((people[folded], max(options)[2]) for folded, options in spellings.items()),
        key=lambda item: (-item[0], item[1]),
    )
    return [query for _, query in ranked[:limit]]


def _publishable(query: str) -> bool:
    return len(query) <= 60 and len(query.split()) <= 8 and not _PERSONAL_RE.search(query)
