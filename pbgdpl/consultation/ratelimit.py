"""How many comments one client, and one e-mail address, may send (CONSULTATION_RATE_LIMIT_*)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from pbgdpl.core import ratelimit

HOUR, DAY = 3600, 86400


def _keys(request: HttpRequest, email: str) -> list[tuple[str, int, int]]:
    client = ratelimit.client_key(request)
    keys = [
        (f"consult-rate:hour:{client}", HOUR, settings.CONSULTATION_RATE_LIMIT_HOUR),
        (f"consult-rate:day:{client}", DAY, settings.CONSULTATION_RATE_LIMIT_DAY),
    ]
    if email:
        # The address is hashed like the client's, so the cache holds no e-mail in clear.
        keys.append((f"consult-rate:email:{ratelimit.address_key(email.lower())}", DAY,
                     settings.CONSULTATION_RATE_LIMIT_EMAIL_DAY))
    return keys


def is_limited(request: HttpRequest, email: str = "") -> bool:
    return any(ratelimit.count(key) >= limit for key, _window, limit in _keys(request, email))


def record(request: HttpRequest, email: str) -> None:
    for key, window, _limit in _keys(request, email):
        ratelimit.hit(key, window)
