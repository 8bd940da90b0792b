"""Storing, finding and purging cached pages.

Entries live in the ``pages`` cache (Redis when ``REDIS_URL`` is set, files under
``VAR_DIR/page-cache`` otherwise: shared by every process of the machine, the worker included).
The tag → entry index lives in the database (:class:`CachedPageDependency`), so a purge finds
every variant of every page that showed what changed, whichever process stored it.

A render that started before a change committed must not be stored after the change was
purged: each purge notes when it ran per tag, and an entry whose render began earlier than
the latest purge of one of its tags is dropped.
"""

from __future__ import annotations

import datetime
import functools
import gzip
import hashlib
import logging
import secrets
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.utils import timezone

from .models import CachedPageDependency

log = logging.getLogger(__name__)

CACHE_ALIAS = "pages"
ENTRY_PREFIX = "pc:e:"
PURGED_PREFIX = "pc:p:"
# Bumped by every purge: processes keeping recent pages in their own memory (the ASGI fast
# path) drop them when it changes.
GENERATION_KEY = "pc:generation"
# A render slower than this could still store a page its purge missed; none takes that long.
PURGE_MEMORY_SECONDS = 300
MAX_TAGS = 400
# Index rows of cached parts of pages (:mod:`.fragments`) carry this instead of a URL.
FRAGMENT_URL_PREFIX = "fragment:"


def page_cache():
    return caches[CACHE_ALIAS]


def entry_seconds() -> int:
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 600))


_kept_for: tuple[int, int] = (-1, 0)


def seconds_to_keep() -> int:
    """How long a page may be kept: the setting, but never past the coming midnight (local time),
    when pages listing what is in force today change without any edit. Recomputed at most once
    a second (every cache hit asks)."""
    global _kept_for
    second = int(time.time())  # the wall clock, not monotonic: a clock set back (or a test's) must count
    if second != _kept_for[0]:
        _kept_for = (second, _seconds_to_midnight_or_setting())
    return _kept_for[1]


def _seconds_to_midnight_or_setting() -> int:
    now = timezone.localtime()
    midnight = (now + datetime.timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return max(1, min(entry_seconds(), int((midnight - now).total_seconds()) + 1))


def variant_key(*parts: str) -> str:
    digest = hashlib.sha256("\x1f".join((release(), *parts)).encode("utf-8")).hexdigest()[:40]
    return ENTRY_PREFIX + digest


@functools.cache
def release() -> str:
    """What this deployment's pages are built from: ``CACHE_RELEASE`` (set it to the release, e.g.
    the git commit, when several nodes serve one site), else a digest of the code, templates and
    static manifest files' names, sizes and times. A new release therefore never serves a page or
    a part of one that the previous code and templates built."""
    configured = getattr(settings, "CACHE_RELEASE", "")
    if configured:
        return configured
    digest = hashlib.sha1(usedforsecurity=False)
    roots = [Path(settings.BASE_DIR) / "pbgdpl", Path(settings.BASE_DIR) / "templates"]
    files = [path for root in roots for path in root.rglob("*") if path.suffix in (".py", ".html", ".txt", ".xml")]
    files.append(Path(settings.STATIC_ROOT) / "staticfiles.json")
    for path in sorted(files):
        try:
            stat = path.stat()
        except OSError:
            continue
        digest.update(f"{path}\x1f{stat.st_size}\x1f{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


@dataclass
class Entry:
    status: int
    headers: list[tuple[str, str]]
    content: bytes
    etag: str
    last_modified: float
    extras: dict = field(default_factory=dict)
    # The body gzip-compressed once at store time (text over 1 KB), sent to browsers that accept it.
    gzipped: bytes | None = None

    @property
    def gzip_etag(self) -> str:
        return self.etag[:-1] + '-gz"'


COMPRESSIBLE = ("text/", "application/json", "application/xml", "application/rss+xml", "application/atom+xml")


def compress(content: bytes, content_type: str) -> bytes | None:
    if len(content) < 1024 or not content_type.startswith(COMPRESSIBLE):
        return None
    return gzip.compress(content, compresslevel=6, mtime=0)


def get(key: str) -> Entry | None:
    try:
        return page_cache().get(key)
    except Exception:  # a cache outage must cost speed, never the page
        log.exception("Page cache read failed")
        return None


def _purged_after(tags: Iterable[str], started: float) -> bool:
    marks = page_cache().get_many([PURGED_PREFIX + tag for tag in tags])
    return any(mark >= started for mark in marks.values())


def put(key: str, url: str, entry: Entry, tags: set[str], started: float) -> bool:
    """Store ``entry`` under ``key`` indexed by ``tags``; False when a purge overtook the render."""
    if not tags or len(tags) > MAX_TAGS:
        return False  # nothing to invalidate it by, or too broad to index: serve it uncached
    now = timezone.now()
    try:
        with transaction.atomic():
            CachedPageDependency.objects.filter(cache_key=key).delete()
            CachedPageDependency.objects.bulk_create(
                CachedPageDependency(cache_key=key, url=url[:2000], tag=tag[:120], stored_at=now) for tag in tags
            )
        if _purged_after(tags, started):
            return False
        page_cache().set(key, entry, seconds_to_keep())
        # A purge between the check and the write deleted nothing: look once more.
        if _purged_after(tags, started):
            page_cache().delete(key)
            return False
    except Exception:
        log.exception("Page cache write failed")
        return False
    return True


def purge_tags(tags: Iterable[str]) -> set[str]:
    """Delete every cached page depending on any of ``tags`` now; returns their URLs."""
    tags = sorted(set(tags))
    if not tags:
        return set()
    cache = page_cache()
    cache.set_many({PURGED_PREFIX + tag: time.time() for tag in tags}, PURGE_MEMORY_SECONDS)
    rows = CachedPageDependency.objects.filter(tag__in=tags).values_list("cache_key", "url")
    keys: set[str] = set()
    urls: set[str] = set()
    for key, url in rows:
        keys.add(key)
        urls.add(url)
    if keys:
        cache.delete_many(list(keys))
        CachedPageDependency.objects.filter(cache_key__in=keys).delete()
        bump_generation()
    return urls


def bump_generation() -> None:
    cache = page_cache()
    cache.add(GENERATION_KEY, 0, None)
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # evicted between the two calls
        cache.set(GENERATION_KEY, 1, None)


def generation():
    return page_cache().get(GENERATION_KEY)


def start_generation():
    """The generation, started at a random number if the shared cache has none (never 0 or 1, which
    a process that saw an earlier one could remember)."""
    page_cache().add(GENERATION_KEY, secrets.randbelow(2**31) + 2, None)
    return generation()


def cached_urls() -> set[str]:
    """URLs with at least one cached variant (for operators and tests)."""
    return set(CachedPageDependency.objects.exclude(url__startswith=FRAGMENT_URL_PREFIX)
               .values_list("url", flat=True).distinct())


def prune_index(older_than: datetime.timedelta | None = None) -> int:
    """Forget index rows of entries the cache has already expired."""
    age = older_than or datetime.timedelta(seconds=entry_seconds())
    deleted, _ = CachedPageDependency.objects.filter(stored_at__lt=timezone.now() - age).delete()
    return deleted


def clear() -> None:
    from . import local

    page_cache().clear()
    CachedPageDependency.objects.all().delete()
    # A generation no process has seen: every process's copy of page parts is dropped too.
    page_cache().set(GENERATION_KEY, secrets.randbelow(2**31) + 2, None)
    local.parts.clear()
