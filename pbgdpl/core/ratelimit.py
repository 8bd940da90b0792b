"""Counters for rate limits on public forms, kept only in the cache (Redis when several app
servers share it). Clients are identified by a salted hash of their address, never stored.

Every counter goes through one cache handle per process (:func:`counter_store`).
``django.core.cache.cache`` is kept per thread and, under ASGI, per asyncio context: each request
handler and each WebSocket consumer got its own Redis client with its own connection (200 chat
consumers: 200 connections, measured). Django's cache backends are safe to share between threads
(redis-py's connection pool, LocMemCache's lock, the database cache's per-thread connections).
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest

_store = None
_store_lock = threading.Lock()


def counter_store():
    """The process's one handle on the ``default`` cache, made on first use."""
    global _store
    if _store is None:
        with _store_lock:
            if _store is None:
                _store = caches.create_connection("default")
    return _store


@receiver(setting_changed)
def _forget_store_when_caches_change(setting, **kwargs):
    global _store
    if setting == "CACHES":
        with _store_lock:
            _store = None


def client_key(request: HttpRequest) -> str:
    """A salted hash of the client's address. REMOTE_ADDR only: behind a proxy the operator sets it
    from X-Forwarded-For (uvicorn --proxy-headers, docs/operations.md)."""
    return address_key(request.META.get("REMOTE_ADDR", ""))


def address_key(ip: str) -> str:
    """The same salted hash for an address known outside a request (a WebSocket's ASGI scope)."""
    return hashlib.sha256(f"{settings.SECRET_KEY}:{ip}".encode()).hexdigest()[:32]


def count(key: str) -> int:
    """Events counted under ``key`` in its current window."""
    return counter_store().get(key) or 0


def _redis_client(store, key: str):
    """The redis-py client behind Django's Redis cache backend for ``key``, else None."""
    from django.core.cache.backends.redis import RedisCache

    return store._cache.get_client(key, write=True) if isinstance(store, RedisCache) else None


def hit(key: str, window: int) -> int:
    """Count one event under ``key`` for ``window`` seconds; return the new count."""
    store = counter_store()
    made = store.make_and_validate_key(key)
    client = _redis_client(store, made)
    if client is not None:
        # One round trip instead of two (add, then incr): INCR, then a lifetime only if the key has
        # none, so a key that expired in between gets one too (EXPIRE … NX, Redis 7). Live chat
        # counts every message this way.
        pipe = client.pipeline(transaction=False)
        pipe.incr(made)
        pipe.expire(made, window, nx=True)
        return pipe.execute()[0]
    if store.add(key, 1, timeout=window):
        return 1
    try:
        return store.incr(key)
    except ValueError:  # expired between add() and incr()
        store.set(key, 1, timeout=window)
        return 1


@dataclass(frozen=True)
class ClientWindows:
    """How many times one client may post a form in each of several windows (an hour, a day, …).

    ``windows``: (name, seconds, name of the setting holding the limit); the limits are read at each
    check, so an operator's setting (or a test's override) applies at once. Counters are keyed
    ``<prefix>:<window name>:<client key>``."""

    prefix: str
    windows: tuple[tuple[str, int, str], ...]

    def is_limited(self, request: HttpRequest) -> bool:
        """True when this client already posted the allowed number of times in any window."""
        client = client_key(request)
        return any(count(f"{self.prefix}:{name}:{client}") >= getattr(settings, setting)
                   for name, _seconds, setting in self.windows)

    def record(self, request: HttpRequest) -> None:
        client = client_key(request)
        for name, seconds, _setting in self.windows:
            hit(f"{self.prefix}:{name}:{client}", seconds)
