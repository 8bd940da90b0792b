"""The cache key of a request, computed the same way from a Django request and from an ASGI scope.

A page differs by scheme (an http request must still be redirected), host, full path, language
(Django's choice from the language cookie and ``Accept-Language``), the htmx headers (fragments)
and the local date (lists "in force today" change at midnight with no edit).
"""

from __future__ import annotations

import functools
import time

from django.conf import settings
from django.utils import timezone
from django.utils.encoding import escape_uri_path, iri_to_uri
from django.utils.translation import get_supported_language_variant
from django.utils.translation.trans_real import parse_accept_lang_header

from . import store

HTMX_HEADERS = ("HX-Request", "HX-Target", "HX-History-Restore-Request")


@functools.lru_cache(maxsize=256)
def resolve_language(cookie_value: str, accept_language: str) -> str:
    """The language Django's LocaleMiddleware picks (no language prefix in URLs on this site)."""
    for candidate in [cookie_value] if cookie_value else []:
        try:
            return get_supported_language_variant(candidate)
        except LookupError:
            pass
    for code, _quality in parse_accept_lang_header(accept_language[:255]):
        if code == "*":
            break
        try:
            return get_supported_language_variant(code)
        except LookupError:
            continue
    try:
        return get_supported_language_variant(settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE


def full_path(path: str, query_string: str) -> str:
    return escape_uri_path(path) + (("?" + iri_to_uri(query_string)) if query_string else "")


_today: tuple[int, str] = (-1, "")


def local_date() -> str:
    """Today in the site's time zone, recomputed at most once a (wall-clock) second: the ASGI fast
    path asks on every hit."""
    global _today
    second = int(time.time())
    if second != _today[0]:
        _today = (second, timezone.localdate().isoformat())
    return _today[1]


def variant_key(scheme: str, host: str, path_and_query: str, language: str, htmx: tuple[str, ...],
                today: str) -> str:
    return store.variant_key(scheme, host, path_and_query, language, *htmx, today)


def key_for_request(request) -> str:
    return variant_key(
        request.scheme,
        request.get_host(),
        request.get_full_path(),
        resolve_language(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, ""),
                         request.META.get("HTTP_ACCEPT_LANGUAGE", "")),
        tuple(request.headers.get(name, "") for name in HTMX_HEADERS),
        timezone.localdate().isoformat(),
    )
