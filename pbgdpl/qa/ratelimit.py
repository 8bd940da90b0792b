"""Per-client submission limits kept only in the cache, keyed by a salted hash of the IP address."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

WINDOWS = (("hour", 3600, "QA_RATE_LIMIT_HOUR"), ("day", 86400, "QA_RATE_LIMIT_DAY"))


def client_key(request: HttpRequest) -> str:
    # REMOTE_ADDR only: behind a proxy the operator sets it from X-Forwarded-For (docs/operations.md).
    ip = request.META.get("REMOTE_ADDR", "")
    return hashlib.sha256(f"{settings.SECRET_KEY}:{ip}".encode()).hexdigest()[:32]


def is_limited(request: HttpRequest) -> bool:
    """True when this client already sent the allowed number of questions in any window."""
    key = client_key(request)
    return any(
        (cache.get(f"qa-rate:{name}:{key}") or 0) >= getattr(settings, setting)
        for name, _seconds, setting in WINDOWS
    )


def record(request: HttpRequest) -> None:
    key = client_key(request)
    for name, seconds, _setting in WINDOWS:
        cache_key = f"qa-rate:{name}:{key}"
        if not cache.add(cache_key, 1, timeout=seconds):
            try:
                cache.incr(cache_key)
            except ValueError:
                cache.set(cache_key, 1, timeout=seconds)
