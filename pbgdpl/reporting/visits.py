"""Counting page views without cookies or stored addresses (see ``models/visits.py``).

``VisitCounterMiddleware`` must sit in MIDDLEWARE *before* (above) any page-cache middleware, so a
page served from the cache is still counted. It does no database work per request: views are kept
in a per-process buffer and written in one batch every ``VISIT_STATS_FLUSH_SECONDS`` (or
``VISIT_STATS_FLUSH_SIZE`` views); a process that dies loses at most that window.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import threading
import time
from collections import Counter
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

log = logging.getLogger(__name__)

SKIPPED_PREFIXES = ("/quan-tri/", "/static/", "/media/", "/tai-lieu/", "/healthz", "/robots.txt", "/sitemap.xml",
                    "/favicon")
BOTS = ("bot", "crawl", "spider", "slurp", "headless", "lighthouse", "monitor", "curl", "wget", "python-requests")


def device_of(user_agent: str) -> str:
    ua = user_agent.lower()
    if "ipad" in ua or "tablet" in ua:
        return "tablet"
    return "mobile" if "mobi" in ua or "android" in ua else "desktop"


_salts: dict = {}  # this process's copy of today's salt: the shared cache is read once a day


def _daily_salt(day) -> str:
    """A random salt shared by every process for one day (then forgotten with the cache entry)."""
    salt = _salts.get(day)
    if salt is None:
        key = f"reporting:visit-salt:{day.isoformat()}"
        cache.add(key, secrets.token_hex(16), 2 * 24 * 3600)
        salt = cache.get(key) or secrets.token_hex(16)
        _salts.clear()
        _salts[day] = salt
    return salt


def visitor_hash(day, address: str, user_agent: str) -> str:
    return hashlib.sha256(f"{_daily_salt(day)}|{address}|{user_agent}".encode()).hexdigest()[:32]


class _Buffer:
    """This process's views since the last write, identical views counted together (a busy page
    read by the same visitor, or a benchmark, is one row with a count, not thousands of rows)."""

    def __init__(self) -> None:
        self.rows: Counter = Counter()
        self.size = 0
        self.since = time.monotonic()
        self.lock = threading.Lock()

    def clear(self) -> None:
        with self.lock:
            self.rows, self.size, self.since = Counter(), 0, time.monotonic()

    def add(self, row: dict, views: int = 1) -> list[dict] | None:
        """Add ``views`` identical views; returns the rows to write when the buffer is due, else None."""
        with self.lock:
            self.rows[tuple(row.items())] += views
            self.size += views
            size = int(getattr(settings, "VISIT_STATS_FLUSH_SIZE", 200))
            seconds = float(getattr(settings, "VISIT_STATS_FLUSH_SECONDS", 60))
            if self.size >= size or time.monotonic() - self.since >= seconds:
                due, self.rows, self.size, self.since = self.rows, Counter(), 0, time.monotonic()
                return [{**dict(items), "views": views} for items, views in due.items()]
        return None


buffer = _Buffer()


def write_views(rows: list[dict]) -> None:
    from .models import PageView

    try:
        PageView.objects.bulk_create([PageView(**row) for row in rows], batch_size=500)
    except Exception:  # statistics must never break a page
        log.exception("Could not write %d page views", len(rows))


def countable(request, response) -> bool:
    if request.method != "GET" or response.status_code != 200:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    return _countable_request(request)


def _countable_request(request) -> bool:
    if request.method != "GET" or request.path.startswith(SKIPPED_PREFIXES) or request.headers.get("HX-Request"):
        return False
    # A visit is a page the browser navigates to: a part a script fetches into the page (the next
    # page of a long legal text, a filter's results) is not one more visit. Browsers name what a
    # request is for in Sec-Fetch-Dest; one that does not send it is counted as before.
    if request.headers.get("Sec-Fetch-Dest", "document") not in ("document", ""):
        return False
    agent = request.headers.get("User-Agent", "").lower()
    return bool(agent) and not any(bot in agent for bot in BOTS)


def record_visit(request, views: int = 1) -> None:
    day = timezone.localdate()
    agent = request.headers.get("User-Agent", "")
    referrer = urlsplit(request.headers.get("Referer", "")).hostname or ""
    if referrer == request.get_host().split(":")[0]:
        referrer = ""  # a move inside the site is not a referrer
    path = request.path[:300]
    row = {"day": day, "path": path, "section": path.strip("/").split("/")[0][:100] or "trang-chu",
           "referrer_host": referrer[:200], "device": device_of(agent),
           "visitor": visitor_hash(day, request.META.get("REMOTE_ADDR", ""), agent)}
    due = buffer.add(row, views)
    if due:
        write_views(due)


def count_cached_hit(request, extras: dict) -> None:
    """Page-cache hit hook: a page answered from the cache is a visit too (registered in ready())."""
    if _countable_request(request):
        record_visit(request, getattr(request, "hit_count", 1))


class VisitCounterMiddleware:
    """Counts pages Django renders; pages answered from the page cache are counted by
    :func:`count_cached_hit`, which the page cache calls on every hit."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        try:
            if countable(request, response):
                record_visit(request)
        except Exception:
            log.exception("Visit counting failed")
        return response
