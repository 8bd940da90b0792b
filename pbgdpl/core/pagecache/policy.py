"""Which requests the page cache may answer and which responses it may keep.

Only strangers' requests: GET/HEAD, outside the admin and the excluded paths, carrying no
cookie but the CSRF and language ones (a session, a contestant's cookie or a flash message
means a personal page). Only public responses: 200, not streamed, setting no cookie (a form
with a CSRF token sets one), not ``private``/``no-store``, and without an inline script or
style that uses this response's CSP nonce.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import cc_delim_re

DEFAULT_EXCLUDED_PREFIXES = ("/quan-tri/", "/django-admin/", "/healthz", "/xac-minh/", "/static/", "/media/", "/tai-lieu/")
_excluded: list[str] = []


def exclude_prefix(prefix: str) -> None:
    """Never cache paths starting with ``prefix`` (apps call this from ``ready()``)."""
    if prefix not in _excluded:
        _excluded.append(prefix)


def excluded_prefixes() -> tuple[str, ...]:
    return (*DEFAULT_EXCLUDED_PREFIXES, *getattr(settings, "PAGE_CACHE_EXCLUDED_PREFIXES", ()), *_excluded)


def _allowed_cookies() -> frozenset[str]:
    return frozenset({settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME})


def has_personal_cookie(request: HttpRequest) -> bool:
    allowed = _allowed_cookies()
    return any(name not in allowed for name in request.COOKIES)


def request_is_cacheable(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(excluded_prefixes()):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    return not has_personal_cookie(request)


def _cache_control_forbids(response: HttpResponse) -> bool:
    directives = {d.strip().split("=")[0].lower() for d in cc_delim_re.split(response.get("Cache-Control", ""))}
    return bool(directives & {"private", "no-store", "no-cache"})


def nonce_used(request: HttpRequest) -> bool:
    return bool(getattr(request, "csp_nonce_used_by_page", False))


def response_is_storable(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not _cache_control_forbids(response)
        and not nonce_used(request)
    )
