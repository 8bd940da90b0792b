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
from django.utils.datastructures import CaseInsensitiveMapping

log = logging.getLogger(__name__)

_hooks: list[tuple[str, Callable[[HttpRequest, dict], None]]] = []
_ATTRIBUTE = "_pagecache_extras"


class HitRequest:
    """What a hook may read of a request the ASGI fast path answered without building a Django
    request (a few microseconds instead of tens): ``method``, ``path``, ``GET``, ``headers``,
    ``META["REMOTE_ADDR"]`` and ``get_host()``; ``hit_count`` is how many identical requests it
    stands for (a Django request stands for one)."""

    def __init__(self, scope: dict, hit_count: int = 1):
        self.hit_count = hit_count
        self.method = scope.get("method", "GET")
        self.path = scope.get("root_path", "") + scope.get("path", "")
        self.headers = CaseInsensitiveMapping({name.decode("latin-1"): value.decode("latin-1")
                                               for name, value in scope.get("headers", ())})
        client = scope.get("client") or ("", 0)
        self.META = {"REMOTE_ADDR": client[0] or ""}
        self._query = scope.get("query_string", b"")

    @property
    def GET(self):  # noqa: N802 (Django's name)
        from django.http import QueryDict

        return QueryDict(self._query.decode("latin-1"))

    def get_host(self) -> str:
        return self.headers.get("host", "")


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


def run_batch(batch: list[tuple[dict, dict]]) -> None:
    """Runs the hooks for many hits at once, given as (ASGI scope, extras): the same request repeated
    within the batch (a reload, a refreshing tab) is one call with its count. Used by the ASGI fast
    path and by the frontend cache's hit log."""
    from django.db import close_old_connections

    same: dict[tuple, list] = {}
    for scope, extras in batch:
        signature = (scope.get("method"), scope.get("root_path", ""), scope.get("path"), scope.get("query_string"),
                     tuple(scope.get("headers", ())), (scope.get("client") or ("",))[0])
        if signature in same:
            same[signature][2] += 1
        else:
            same[signature] = [scope, extras, 1]
    close_old_connections()
    try:
        for scope, extras, count in same.values():
            run_hooks(HitRequest(scope, count), extras)
    finally:
        close_old_connections()
