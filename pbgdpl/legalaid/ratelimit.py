"""How many legal-aid requests one client may send per hour and per day (LEGALAID_RATE_LIMIT_*)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from pbgdpl.core import ratelimit

WINDOWS = (("hour", 3600, "LEGALAID_RATE_LIMIT_HOUR"), ("day", 86400, "LEGALAID_RATE_LIMIT_DAY"))


def is_limited(request: HttpRequest) -> bool:
    key = ratelimit.client_key(request)
    return any(ratelimit.count(f"legalaid-rate:{name}:{key}") >= getattr(settings, setting)
               for name, _seconds, setting in WINDOWS)


def record(request: HttpRequest) -> None:
    key = ratelimit.client_key(request)
    for name, seconds, _setting in WINDOWS:
        ratelimit.hit(f"legalaid-rate:{name}:{key}", seconds)
