"""The anonymous page cache: answers strangers from the shared cache, with validators and 304s.

First in ``MIDDLEWARE``: a hit skips everything else. A miss runs the whole stack, and the final
response (security headers included) is stored. Only pages that used no CSP nonce are stored, so
a hit is sent with a policy that allows no nonce at all: no inline code runs on a cached page. Logged-in staff and other personal requests pass through
untouched, and their answers are marked ``private`` so that no shared cache keeps them.
Under ASGI, :mod:`.asgi` answers most hits before Django is even entered.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from . import hits, keys, policy, store
from .deps import collecting

# Headers the cache sets itself on every answer.
_OWN_HEADERS = frozenset({"etag", "last-modified", "cache-control", "x-accel-expires", "x-page-cache"})
CSP = "content-security-policy"


def validator_headers(etag: str, last_modified: float) -> list[tuple[str, str]]:
    """ETag, Last-Modified and the caching rules of a shared page (both answer paths use them)."""
    seconds = store.seconds_to_keep()
    return [
        ("ETag", etag),
        ("Last-Modified", http_date(last_modified)),
        # Browsers revalidate every time (a change shows at once, an unchanged page costs a 304);
        # shared caches keep the page until a purge, or ``seconds`` at most.
        ("Cache-Control", f"public, max-age=0, must-revalidate, s-maxage={seconds}"),
        ("X-Accel-Expires", str(seconds)),  # nginx's proxy_cache honours it before Cache-Control
    ]


def without_nonce(policy: str, nonce: str) -> str:
    """The policy without this response's nonce source: a stored page used none (else it was not
    stored), so every copy of it is sent with a policy that allows no inline code at all."""
    return policy.replace(f" 'nonce-{nonce}'", "").replace(f"'nonce-{nonce}'", "")


def _stored_headers(response: HttpResponse, nonce: str) -> list[tuple[str, str]]:
    stored = []
    for name, value in response.items():
        lower = name.lower()
        if lower in _OWN_HEADERS:
            continue
        if lower == CSP and nonce:
            value = without_nonce(value, nonce)
        stored.append((name, value))
    return stored


def accepts_gzip(accept_encoding: str) -> bool:
    return "gzip" in accept_encoding.lower()


def encoding_headers(entry: store.Entry, gzipped: bool) -> list[tuple[str, str]]:
    """The body's encoding and the ``Vary`` that says it depends on Accept-Encoding."""
    vary = next((value for name, value in entry.headers if name.lower() == "vary"), "")
    if entry.gzipped is not None and "accept-encoding" not in vary.lower():
        vary = f"{vary}, Accept-Encoding" if vary else "Accept-Encoding"
    out = [("Vary", vary)] if vary else []
    if gzipped:
        out.append(("Content-Encoding", "gzip"))
    return out


def choose_body(entry: store.Entry, accept_encoding: str) -> tuple[bytes, str, bool]:
    """(body, etag, gzipped) for a client sending ``accept_encoding``."""
    if entry.gzipped is not None and accepts_gzip(accept_encoding):
        return entry.gzipped, entry.gzip_etag, True
    return entry.content, entry.etag, False


def _from_entry(request: HttpRequest, entry: store.Entry) -> tuple[HttpResponse, str]:
    body, etag, gzipped = choose_body(entry, request.META.get("HTTP_ACCEPT_ENCODING", ""))
    response = HttpResponse(b"" if request.method == "HEAD" else body, status=entry.status)
    for name, value in entry.headers:
        if name.lower() not in ("vary", "content-length"):
            response[name] = value
    for name, value in [*encoding_headers(entry, gzipped), *validator_headers(etag, entry.last_modified)]:
        response[name] = value
    response["Content-Length"] = str(len(body))
    response["X-Page-Cache"] = "hit"
    return response, etag


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
        key = keys.key_for_request(request)
        entry = store.get(key)
        if entry is not None:
            hits.run_hooks(request, entry.extras)
            response, etag = _from_entry(request, entry)
            return get_conditional_response(
                request, etag=etag, last_modified=int(entry.last_modified), response=response)
        started = time.time()
        with collecting() as tags:
            response = self.get_response(request)
        if not policy.response_is_storable(request, response):
            return response
        etag = '"' + hashlib.sha1(response.content, usedforsecurity=False).hexdigest() + '"'
        nonce = str(request.csp_nonce) if hasattr(request, "csp_nonce") else ""
        entry = store.Entry(
            status=response.status_code,
            headers=_stored_headers(response, nonce),
            content=response.content,
            etag=etag,
            last_modified=started,
            extras=hits.take_extras(request),
            gzipped=store.compress(response.content, response.get("Content-Type", "")),
        )
        stored = store.put(key, _url(request), entry, set(tags), started)
        # Answered exactly as the hits after it will be (compressed, the stored headers): a frontend
        # cache (nginx) that keeps this first answer then holds the compressed copy.
        response, etag = _from_entry(request, entry)
        response["X-Page-Cache"] = "miss" if stored else "skip"
        return get_conditional_response(request, etag=etag, last_modified=int(started), response=response)


def _url(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
