"""Counters for rate limits on public forms, kept only in the cache (Redis when several app
servers share it). Clients are identified by a salted hash of their address, never stored."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_key(request: HttpRequest) -> str:
    """A salted hash of the client's address. REMOTE_ADDR only: behind a proxy the operator sets it
    from X-Forwarded-For (uvicorn --proxy-headers, docs/operations.md)."""
    return address_key(request.META.get("REMOTE_ADDR", ""))


def address_key(ip: str) -> str:
    """The same salted hash for an address known outside a request (a WebSocket's ASGI scope)."""
    return hashlib.sha256(f"{settings.SECRET_KEY}:{ip}".encode()).hexdigest()[:32]


def count(key: str) -> int:
    """Events counted under ``key`` in its current window."""
    return cache.get(key) or 0


def hit(key: str, window: int, store=None) -> int:
    """Count one event under ``key`` for ``window`` seconds; return the new count. ``store``: a
    cache handle the caller keeps (by default the current context's ``django.core.cache.cache``)."""
    store = store or cache
    if store.add(key, 1, timeout=window):
        return 1
    try:
        return store.incr(key)
    except ValueError:  # expired between add() and incr()
        store.set(key, 1, timeout=window)
        return 1
