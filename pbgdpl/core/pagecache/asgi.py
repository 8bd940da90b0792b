"""The page cache's fast path under ASGI: a hit is answered before Django is entered.

Django's ASGI handler runs the synchronous middleware in a worker thread; for a page that is
already in the cache that hop and the middleware cost more than the answer itself. This wrapper
reads the ``pages`` cache directly (``redis.asyncio`` when ``REDIS_URL`` is set) for requests the
policy allows, and answers with the stored headers (encoded once per page), validators and 304s;
work a hit must still do (visit counting, search statistics) runs afterwards in batches off the
event loop. Anything else — a miss, a cookie, a cache error — goes to Django unchanged, where
:mod:`.middleware` applies the same rules.
"""

from __future__ import annotations

import asyncio
import logging
import pickle
import time
from dataclasses import dataclass
from http.cookies import SimpleCookie

from django.conf import settings

from . import hits, keys, policy, store
from .middleware import encoding_headers, validator_headers

log = logging.getLogger(__name__)

# Each process keeps the pages it served lately in memory: a hit then costs no round trip to
# Redis. A purge anywhere bumps the shared generation; processes look at it this often.
LOCAL_CHECK_S = 0.5
LOCAL_MAX_AGE_S = 30.0
LOCAL_MAX_BYTES = 48 * 1024 * 1024


# The request headers the fast path reads (everything else is ignored without being decoded).
_WANTED = frozenset({b"host", b"cookie", b"authorization", b"accept-language", b"accept-encoding", b"if-none-match",
                     *(name.lower().encode("latin-1") for name in keys.HTMX_HEADERS)})


def _headers(scope, wanted: frozenset[bytes] = _WANTED) -> dict[str, str]:
    """The headers the fast path needs, lower-cased names (one pass, no decoding of the others)."""
    return {name.decode("latin-1"): value.decode("latin-1")
            for name, value in scope.get("headers", ()) if name in wanted}


def _cookies(header: str) -> dict[str, str]:
    if not header:
        return {}
    jar = SimpleCookie()
    try:
        jar.load(header)
    except Exception:
        return {"unparsable": "1"}
    return {name: morsel.value for name, morsel in jar.items()}


def _scheme(scope, headers: dict[str, str], proxy_header: str | None, secure_value: str) -> str:
    """``request.scheme`` as Django computes it (SECURE_PROXY_SSL_HEADER first)."""
    if proxy_header:
        value = headers.get(proxy_header)
        if value is not None:
            return "https" if value.split(",", 1)[0].strip() == secure_value else "http"
    return scope.get("scheme") or "http"


@dataclass
class _Prepared:
    """A stored page ready to send: header lines encoded once, for each way of answering."""

    seconds: int
    full: dict[bool, list[tuple[bytes, bytes]]]  # gzipped? → headers of a 200
    not_modified: dict[bool, list[tuple[bytes, bytes]]]  # gzipped? → headers of a 304


def _encode(headers: list[tuple[str, str]]) -> list[tuple[bytes, bytes]]:
    return [(name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in headers]


def _prepare(entry: store.Entry, seconds: int) -> _Prepared:
    full, not_modified = {}, {}
    for gzipped in (False, True):
        if gzipped and entry.gzipped is None:
            continue
        body = entry.gzipped if gzipped else entry.content
        etag = entry.gzip_etag if gzipped else entry.etag
        validators = validator_headers(etag, entry.last_modified)
        own = [(n, v) for n, v in entry.headers if n.lower() not in ("content-length", "vary")]
        full[gzipped] = _encode([*own, *encoding_headers(entry, gzipped), *validators,
                                 ("Content-Length", str(len(body))), ("X-Page-Cache", "hit")])
        not_modified[gzipped] = _encode([*encoding_headers(entry, False)[:1], *validators, ("X-Page-Cache", "hit")])
    return _Prepared(seconds, full, not_modified)


# Hit hooks (visit counting, search statistics) run off the event loop in batches: one trip to
# the thread pool per this many hits, or this long after the first hit of a batch.
HOOK_BATCH = 64
HOOK_DELAY_S = 1.0


class PageCacheASGI:
    def __init__(self, app):
        self.app = app
        self.enabled = bool(getattr(settings, "PAGE_CACHE_ENABLED", False))
        # key → (entry, kept until, the entry prepared for sending or None)
        self._local: dict[str, list] = {}
        self._keys: dict[tuple, str] = {}  # what a key is computed from → the key (hashing is costly)
        self._local_bytes = 0
        self._checked_at = -LOCAL_CHECK_S
        self._generation_seen = None
        # Read once: the hot path must not go through the settings object on every request.
        self.excluded = policy.excluded_prefixes()
        self.hooked = tuple(prefix for prefix, _hook in hits._hooks)
        self.allowed_cookies = frozenset({settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME})
        self.language_cookie = settings.LANGUAGE_COOKIE_NAME
        proxy = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
        self.proxy_header = proxy[0].removeprefix("HTTP_").replace("_", "-").lower() if proxy else None
        self.proxy_secure_value = proxy[1] if proxy else ""
        self.wanted_headers = _WANTED | ({self.proxy_header.encode("latin-1")} if proxy else set())
        self._pending_hooks: list[tuple[dict, dict]] = []
        self.redis = None
        cache_settings = settings.CACHES.get(store.CACHE_ALIAS, {})
        if self.enabled and cache_settings.get("BACKEND", "").endswith("RedisCache"):
            import redis.asyncio

            self.redis = redis.asyncio.Redis.from_url(cache_settings["LOCATION"])
            self.key_prefix = cache_settings.get("KEY_PREFIX", "")
            self.key_version = cache_settings.get("VERSION", 1)

    def _redis_key(self, key: str) -> str:
        return f"{self.key_prefix}:{self.key_version}:{key}"

    async def _shared_get(self, key: str):
        if self.redis is None:  # the embedded (file) cache: a short read in a thread
            return await asyncio.to_thread(store.get, key)
        raw = await self.redis.get(self._redis_key(key))
        return None if raw is None else pickle.loads(raw)  # noqa: S301 - written by this application only

    async def _generation(self):
        if self.redis is None:
            return await asyncio.to_thread(store.generation)
        raw = await self.redis.get(self._redis_key(store.GENERATION_KEY))
        return None if raw is None else int(raw)

    async def _get(self, key: str) -> list | None:
        """[entry, kept until, prepared] from this process's memory when no purge happened since
        (checked every LOCAL_CHECK_S at most, so a purge reaches every process within that time),
        else from the shared cache."""
        now = time.monotonic()
        if now - self._checked_at >= LOCAL_CHECK_S:
            self._checked_at = now
            generation = await self._generation()
            if generation != self._generation_seen:
                self._local.clear()
                self._local_bytes = 0
                self._generation_seen = generation
        kept = self._local.get(key)
        if kept is not None and kept[1] > now:
            return kept
        entry = await self._shared_get(key)
        if entry is None:
            return None
        size = len(entry.content)
        if self._local_bytes + size > LOCAL_MAX_BYTES:
            self._local.clear()
            self._local_bytes = 0
        kept = self._local[key] = [entry, now + LOCAL_MAX_AGE_S, None]
        self._local_bytes += size
        return kept

    async def __call__(self, scope, receive, send):
        if self.enabled and scope["type"] == "http":
            try:
                answered = await self._answer(scope, send)
            except Exception:
                log.exception("Page cache fast path failed; Django answers")
                answered = False
            if answered:
                return
        await self.app(scope, receive, send)

    def _key(self, scope, headers: dict[str, str]) -> str | None:
        method = scope.get("method", "GET")
        path = scope.get("root_path", "") + scope.get("path", "")
        if method not in ("GET", "HEAD") or path.startswith(self.excluded):
            return None
        if "authorization" in headers or "host" not in headers:
            return None
        cookies = _cookies(headers.get("cookie", ""))
        if any(name not in self.allowed_cookies for name in cookies):
            return None
        parts = (_scheme(scope, headers, self.proxy_header, self.proxy_secure_value), headers["host"], path,
                 scope.get("query_string", b""), cookies.get(self.language_cookie, ""),
                 headers.get("accept-language", ""),
                 tuple(headers.get(name.lower(), "") for name in keys.HTMX_HEADERS), keys.local_date())
        key = self._keys.get(parts)
        if key is None:
            if len(self._keys) > 20000:  # many distinct URLs (a crawler): start afresh rather than grow
                self._keys.clear()
            scheme, host, path, query, language_cookie, accept_language, htmx, today = parts
            key = self._keys[parts] = keys.variant_key(
                scheme, host, keys.full_path(path, query.decode("latin-1")),
                keys.resolve_language(language_cookie, accept_language), htmx, today)
        return key

    async def _answer(self, scope, send) -> bool:
        headers = _headers(scope, self.wanted_headers)
        key = self._key(scope, headers)
        if key is None:
            return False
        kept = await self._get(key)
        if kept is None:
            return False
        entry, _until, prepared = kept
        seconds = store.seconds_to_keep()
        if prepared is None or prepared.seconds != seconds:
            prepared = kept[2] = _prepare(entry, seconds)
        gzipped = entry.gzipped is not None and "gzip" in headers.get("accept-encoding", "").lower()
        etag = entry.gzip_etag if gzipped else entry.etag
        if etag in headers.get("if-none-match", ""):
            status, body, out = 304, b"", prepared.not_modified[gzipped]
        else:
            status, out = entry.status, prepared.full[gzipped]
            body = b"" if scope.get("method") == "HEAD" else (entry.gzipped if gzipped else entry.content)
        await send({"type": "http.response.start", "status": status, "headers": out})
        await send({"type": "http.response.body", "body": body})
        if scope.get("path", "").startswith(self.hooked):
            self._queue_hooks(scope, entry.extras)
        return True

    def _queue_hooks(self, scope, extras: dict) -> None:
        """Work a hit must still do (counting a visit, a search) runs after the answer, off the
        event loop, many hits per trip to the thread pool."""
        self._pending_hooks.append((scope, extras))
        if len(self._pending_hooks) >= HOOK_BATCH:
            self._drain_hooks()
        elif len(self._pending_hooks) == 1:
            asyncio.get_running_loop().call_later(HOOK_DELAY_S, self._drain_hooks)

    def _drain_hooks(self) -> None:
        if self._pending_hooks:
            batch, self._pending_hooks = self._pending_hooks, []
            asyncio.get_running_loop().run_in_executor(None, hits.run_batch, batch)
