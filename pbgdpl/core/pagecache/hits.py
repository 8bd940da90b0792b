"""Work that must still happen when a page is answered from the cache.

A view that counts something per visit (search analytics) keeps what it needs with
:func:`remember` while rendering; its app registers a hook for its path prefix from
``ready()``, called on every cache hit with the request and what was remembered::

    hits.register_hook("/tim-kiem/", record_cached_search)
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.http import HttpRequest

log = logging.getLogger(__name__)

_hooks: list[tuple[str, Callable[[HttpRequest, dict], None]]] = []
_ATTRIBUTE = "_pagecache_extras"


def register_hook(prefix: str, hook: Callable[[HttpRequest, dict], None]) -> None:
    if (prefix, hook) not in _hooks:
        _hooks.append((prefix, hook))


def remember(request: HttpRequest, **values) -> None:
    """Keep ``values`` with the cached page, for the hit hooks of its path."""
    extras = getattr(request, _ATTRIBUTE, None)
    if extras is None:
        extras = {}
        setattr(request, _ATTRIBUTE, extras)
    extras.update(values)


def take_extras(request: HttpRequest) -> dict:
    return dict(getattr(request, _ATTRIBUTE, {}) or {})


def run_hooks(request: HttpRequest, extras: dict) -> None:
    for prefix, hook in _hooks:
        if request.path.startswith(prefix):
            try:
                hook(request, extras)
            except Exception:  # counting a visit must never cost the visitor the page
                log.exception("Page cache hit hook failed for %s", prefix)
