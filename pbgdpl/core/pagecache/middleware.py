"""The anonymous page cache: answers strangers from the shared cache, with validators and 304s.

Sits after the security middleware (so every answer gets fresh security headers and CSP) and
before sessions, CSRF and authentication (a hit skips all of them). Logged-in staff and other
personal requests pass through untouched, and their answers are marked ``private`` so no
shared cache keeps them.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import get_language_from_request

from . import hits, policy, store
from .deps import collecting

# Headers the cache sets itself or that the outer middleware adds per response.
_SKIPPED_HEADERS = frozenset({"content-security-policy", "permissions-policy", "cross-origin-resource-policy",
                              "etag", "last-modified", "cache-control", "x-accel-expires", "x-page-cache"})


def _key(request: HttpRequest) -> str:
    return store.variant_key(
        request.get_host(),
        request.get_full_path(),
        get_language_from_request(request),
        request.headers.get("HX-Request", ""),
        request.headers.get("HX-Target", ""),
        request.headers.get("HX-History-Restore-Request", ""),
        # Lists "in force today", "coming into force" change at midnight with no edit at all.
        timezone.localdate().isoformat(),
    )


def _url(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}{request.get_full_path()}"


def _set_validators(response: HttpResponse, etag: str, last_modified: float) -> None:
    seconds = store.seconds_to_keep()
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    # Browsers revalidate every time (a change shows at once, unchanged pages cost a 304);
    # shared caches keep the page until a purge, or ``seconds`` at most.
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True, s_maxage=seconds)
    response["X-Accel-Expires"] = str(seconds)  # nginx's proxy_cache honours it before Cache-Control


def _from_entry(request: HttpRequest, entry: store.Entry) -> HttpResponse:
    response = HttpResponse(b"" if request.method == "HEAD" else entry.content, status=entry.status)
    for name, value in entry.headers:
        response[name] = value
    if request.method == "HEAD":
        response["Content-Length"] = str(len(entry.content))
    _set_validators(response, entry.etag, entry.last_modified)
    response["X-Page-Cache"] = "hit"
    return response


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.enabled = bool(getattr(settings, "PAGE_CACHE_ENABLED", False))

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self.enabled or not policy.request_is_cacheable(request):
            response = self.get_response(request)
            if policy.has_personal_cookie(request) and "Cache-Control" not in response:
                patch_cache_control(response, private=True)
            return response
        key = _key(request)
        entry = store.get(key)
        if entry is not None:
            hits.run_hooks(request, entry.extras)
            response = _from_entry(request, entry)
            return get_conditional_response(
                request, etag=entry.etag, last_modified=int(entry.last_modified), response=response)
        started = time.time()
        with collecting() as tags:
            response = self.get_response(request)
        if not policy.response_is_storable(request, response):
            return response
        etag = '"' + hashlib.sha1(response.content, usedforsecurity=False).hexdigest() + '"'
        entry = store.Entry(
            status=response.status_code,
            headers=[(k, v) for k, v in response.items() if k.lower() not in _SKIPPED_HEADERS],
            content=response.content,
            etag=etag,
            last_modified=started,
            extras=hits.take_extras(request),
        )
        stored = store.put(key, _url(request), entry, set(tags), started)
        _set_validators(response, etag, started)
        response["X-Page-Cache"] = "miss" if stored else "skip"
        return get_conditional_response(request, etag=etag, last_modified=int(started), response=response)
