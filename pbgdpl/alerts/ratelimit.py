"""How many follow requests one client and one address may make (ALERTS_RATE_LIMIT_*).

Per client: against a bot posting many addresses. Per address: against a stranger making the
portal send confirmation mails to someone who did not ask (the address is hashed in the key).
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.http import HttpRequest

from pbgdpl.core import ratelimit

HOUR, DAY = 3600, 86400


def _email_key(email: str) -> str:
    return hashlib.sha256(f"{settings.SECRET_KEY}:alerts:{email}".encode()).hexdigest()[:32]


def is_limited(request: HttpRequest, email: str) -> bool:
    client = ratelimit.client_key(request)
    return (ratelimit.count(f"alerts-client:{client}") >= settings.ALERTS_RATE_LIMIT_CLIENT_HOUR
            or ratelimit.count(f"alerts-email:{_email_key(email)}") >= settings.ALERTS_RATE_LIMIT_EMAIL_DAY)


def record(request: HttpRequest, email: str) -> None:
    ratelimit.hit(f"alerts-client:{ratelimit.client_key(request)}", HOUR)
    ratelimit.hit(f"alerts-email:{_email_key(email)}", DAY)
