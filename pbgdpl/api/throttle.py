"""Rate limits of the API, counted in the shared cache: per client address, or per partner key."""

from __future__ import annotations

from django.conf import settings
from ninja.security import HttpBearer
from ninja.throttling import BaseThrottle

from pbgdpl.core import ratelimit

from .models import ApiKey

WINDOW = 60


def partner_key(request) -> ApiKey | None:
    """The active key sent as ``Authorization: Bearer …`` or ``X-API-Key`` (cached on the request)."""
    if not hasattr(request, "_api_key"):
        header = request.headers.get("Authorization")
        if header is not None:  # any Authorization header is an attempt to authenticate: judge it
            raw = (header[7:] if header.lower().startswith("bearer ") else header).strip() or "-"
        else:
            raw = request.headers.get("X-API-Key", "").strip()
        request._api_key = ApiKey.find(raw) if raw else None
        request._api_key_sent = bool(raw)
    return request._api_key


class ClientOrKeyThrottle(BaseThrottle):
    """Anonymous clients share ``API_ANON_PER_MINUTE``; a partner key has its own ``per_minute``."""

    def allow_request(self, request) -> bool:
        key = partner_key(request)
        if key is not None:
            limit, bucket = key.per_minute, f"api:key:{key.pk}"
        else:
            limit, bucket = settings.API_ANON_PER_MINUTE, f"api:client:{ratelimit.client_key(request)}"
        self._wait = WINDOW
        return ratelimit.hit(bucket, WINDOW) <= limit

    def wait(self):
        return getattr(self, "_wait", WINDOW)


class OptionalPartnerKey(HttpBearer):
    """Reading needs no key; a key that is sent must be valid (a wrong or revoked one is a 401,
    not an anonymous call with a lower limit)."""

    def __call__(self, request):
        key = partner_key(request)
        if request._api_key_sent:
            return key
        return "anonymous"

    def authenticate(self, request, token):  # pragma: no cover - __call__ decides
        return partner_key(request)
