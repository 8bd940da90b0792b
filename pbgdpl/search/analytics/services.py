"""Writes of search analytics: count a search, count a click, roll up and expire old rows.

Every counter is an upsert on (granularity, period_start, digest), so the tables grow
with the number of distinct queries per hour, not with traffic, and daily compaction
bounds them further. A script cannot inflate them either: a client's identical search (or
click) counts once per ``REPEAT_WINDOW_S``, and at most ``MAX_WRITES_PER_MINUTE`` of its
searches (and as many clicks) are counted per minute, through the shared cache.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone

from pbgdpl.core import ratelimit

from .. import analysis
from .models import Granularity, SearchClickStat, SearchPhrase, SearchPhraseClient, SearchQueryStat
from .selectors import POPULAR_CACHE_KEY

log = logging.getLogger(__name__)

MAX_QUERY_CHARS = 200
# Hourly rows are kept this long before being rolled up into daily rows.
HOURLY_KEEP = datetime.timedelta(hours=48)
_SPACES_RE = re.compile(r"\s+")
# Nine or more digits in a run (phone, CCCD/CMND, bank account), or an e-mail address.
_PERSONAL_RE = re.compile(r"(?<!\w)(?:\d[ .-]?){8,}\d(?!\w)|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
REDACTED = "***"
REPEAT_WINDOW_S = 600
MAX_WRITES_PER_MINUTE = 20
# Distinct clients per phrase are kept as long as the public "popular searches" look back.
PHRASE_CLIENT_DAYS = 30


def retention_days() -> int:
    """How long analytics rows are kept (setting ``SEARCH_ANALYTICS_RETENTION_DAYS``, default 365)."""
    return int(getattr(settings, "SEARCH_ANALYTICS_RETENTION_DAYS", 365))


def normalize_query(text: str) -> tuple[str, str]:
    """The query as stored (NFC, lowercase, canonical tones, single spaces) and its folded form.

    People sometimes type their own phone, ID card or account number, or an e-mail
    address: those are replaced by ``***`` before anything is stored.
    """
    normalized = analysis.normalize(text or "")
    normalized = _PERSONAL_RE.sub(REDACTED, normalized)
    normalized = _SPACES_RE.sub(" ", normalized).strip()[:MAX_QUERY_CHARS]
    return normalized, analysis.fold(normalized)


def filters_label(filters: dict[str, list[str]] | None) -> str:
    """A stable text form of the selected filters: ``doc_type=Luật; year=2019``."""
    parts = []
    for key in sorted(filters or {}):
        values = sorted(v for v in filters[key] if v)
        if values:
            parts.append(f"{key}={', '.join(values)}")
    return "; ".join(parts)[:500]


def _hour(when: datetime.datetime | None) -> datetime.datetime:
    return (when or timezone.now()).replace(minute=0, second=0, microsecond=0)


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8"), usedforsecurity=False).hexdigest()


def _bump(model: type[models.Model], lookup: dict, counter: str, amount: int = 1, **values) -> None:
    """Add ``amount`` to ``counter`` of the row matching ``lookup``, creating it if needed."""
    updates = {counter: F(counter) + amount, **values}
    if model.objects.filter(**lookup).update(**updates):
        return
    try:
        with transaction.atomic():
            model.objects.create(**lookup, **values, **{counter: amount})
    except IntegrityError:  # another request created the row between our update and insert
        model.objects.filter(**lookup).update(**updates)


# Admission keys this process knows the shared cache holds, with when it stops trusting that: a
# client's repeat (a reload, a cached search page hit again, a benchmark) is refused without a round
# trip to Redis, which was 40 % of a worker's time on cached search pages (py-spy). Kept for
# KNOWN_SEEN_S only, well inside the shared window, so a key another process set long ago is asked
# about again before it could have expired there.
KNOWN_SEEN_S = 60.0
KNOWN_SEEN_MAX = 50_000
_known_seen: dict[str, float] = {}


def forget_known_seen() -> None:
    """Drop this process's memory of admission keys (with the shared cache: tests)."""
    _known_seen.clear()


def _seen_before(key: str) -> bool:
    """Whether this event repeats one counted within the window: this process's memory first,
    then the shared cache (which also records it when it is new)."""
    now = time.monotonic()
    if _known_seen.get(key, 0.0) > now:
        return True
    new = cache.add(key, 1, timeout=REPEAT_WINDOW_S)
    if len(_known_seen) >= KNOWN_SEEN_MAX:  # many clients: start afresh rather than grow
        _known_seen.clear()
    _known_seen[key] = now + KNOWN_SEEN_S
    return not new


def _admitted(kind: str, client: str, digest: str) -> bool:
    """Whether this client's event is counted: not a repeat within the window, not over the cap.

    ``client`` is empty for events recorded by the site itself (tests, imports): always counted.
    """
    if not client:
        return True
    if _seen_before(f"search:analytics:{kind}:seen:{client}:{digest}"):
        return False
    return ratelimit.hit(f"search:analytics:{kind}:rate:{client}", 60) <= MAX_WRITES_PER_MINUTE


def _phrase_client(client: str, folded: str) -> str:
    """The stored client value: unlinkable across phrases (hash of client key + phrase)."""
    return hashlib.sha256(f"{client}\x1f{folded}".encode()).hexdigest()[:32]


def record_search(
    text: str,
    filters: dict[str, list[str]] | None,
    result_count: int,
    *,
    client: str = "",
    when: datetime.datetime | None = None,
) -> None:
    """Count one search. Stores the normalised query, its filters and result count — nothing personal.

    ``client`` (``core.ratelimit.client_key`` of the request) limits what one visitor can count
    and makes them one of the distinct people behind a phrase (the public popular list).
    """
    query, folded = normalize_query(text)
    if not query:
        return
    label = filters_label(filters)
    if not _admitted("search", client, _digest(query, label)):
        return
    if client and result_count > 0:
        SearchPhraseClient.objects.bulk_create(
            [SearchPhraseClient(day=_local_day(when or timezone.now()).date(), folded=folded,
                                client=_phrase_client(client, folded))],
            ignore_conflicts=True,
        )
    _bump(
        SearchQueryStat,
        {"granularity": Granularity.HOUR, "period_start": _hour(when), "digest": _digest(query, label)},
        "searches",
        query=query,
        folded=folded,
        filters=label,
        result_count=max(0, int(result_count)),
    )


def record_click(
    text: str, target_key: str, target_url: str, *, client: str = "", when: datetime.datetime | None = None
) -> None:
    """Count one opened result for a query (the query may be empty: a click from elsewhere)."""
    _, folded = normalize_query(text)
    target_key = (target_key or "")[:200]
    target_url = target_url[:500]
    digest = _digest(folded, target_key, target_url)
    if not _admitted("click", client, digest):
        return
    _bump(
        SearchClickStat,
        {"granularity": Granularity.HOUR, "period_start": _hour(when), "digest": digest},
        "clicks",
        folded=folded,
        target_key=target_key,
        target_url=target_url,
    )


def _local_day(moment: datetime.datetime) -> datetime.datetime:
    """Midnight (site time zone) of the day that contains ``moment``, as an aware datetime."""
    local = timezone.localtime(moment)
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


@transaction.atomic
def compact(now: datetime.datetime | None = None) -> int:
    """Roll hourly rows older than 48 hours into one row per day; returns the hourly rows removed."""
    now = now or timezone.now()
    # Only whole days: rows of the day that contains the cut-off stay hourly until tomorrow.
    cutoff = _local_day(now - HOURLY_KEEP)
    removed = 0
    # Per table: the counter summed into the daily row and the columns carried over as they are.
    rollups = (
        (SearchQueryStat, "searches", ("query", "folded", "filters", "result_count")),
        (SearchClickStat, "clicks", ("folded", "target_key", "target_url")),
    )
    for model, counter, carried in rollups:
        rows = model.objects.filter(granularity=Granularity.HOUR, period_start__lt=cutoff)
        for row in rows.iterator():
            day_key = {"granularity": Granularity.DAY, "period_start": _local_day(row.period_start), "digest": row.digest}
            _bump(model, day_key, counter, amount=getattr(row, counter), **{name: getattr(row, name) for name in carried})
            removed += 1
        rows.delete()
    return removed


def purge(now: datetime.datetime | None = None) -> int:
    """Delete analytics rows older than the retention period; returns the number deleted."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=retention_days())
    deleted = SearchQueryStat.objects.filter(period_start__lt=cutoff).delete()[0]
    deleted += SearchClickStat.objects.filter(period_start__lt=cutoff).delete()[0]
    phrase_cutoff = _local_day((now or timezone.now()) - datetime.timedelta(days=PHRASE_CLIENT_DAYS)).date()
    deleted += SearchPhraseClient.objects.filter(day__lt=phrase_cutoff).delete()[0]
    return deleted


def set_phrase_hidden(query: str, hidden: bool) -> SearchPhrase | None:
    """Hide a phrase from (or return it to) the public popular searches; None for an empty query."""
    normalized, folded = normalize_query(query)
    if not folded:
        return None
    phrase, _ = SearchPhrase.objects.update_or_create(
        folded=folded, defaults={"query": normalized, "hidden": hidden}
    )
    cache.delete(POPULAR_CACHE_KEY)
    return phrase


def maintain(now: datetime.datetime | None = None) -> dict[str, int]:
    """The daily job: compact, then purge."""
    return {"compacted": compact(now), "purged": purge(now)}
