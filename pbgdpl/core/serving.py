"""How HTTP requests reach Django inside the uvicorn worker (config/asgi.py).

Django's ASGI handler runs a synchronous view and the synchronous middleware in a thread it starts
for that request, and switches between that thread and the event loop several times on the way
through the middleware: 3.6 ms of CPU for ``/healthz`` alone, measured, and every thread-local
cache (the search index readers, database connections) was started afresh per request. Almost every
view here is synchronous, so HTTP goes to Django's WSGI handler instead, in a fixed pool of
``WEB_THREADS`` threads per process (a2wsgi): 1.2 ms for ``/healthz``. WebSockets stay with Channels
on the event loop.

A view that *waits* (an async view: the chat's long-poll holds a request for 25 s) would hold a
pool thread all that time; its app registers its URL name with :func:`serve_async` from
``AppConfig.ready()``, and those paths keep Django's ASGI handler.

Slow clients: like every threaded server, a thread sends the response, so production keeps nginx in
front (it buffers responses and request bodies; docs/operations.md).

A new web worker awaits :func:`warm_up` before it accepts (config/gunicorn.py): apps register with
:func:`register_warm_up` what their first connections would otherwise pay for (the chat: its database
threads and pool connections, the channel layer, the block list).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable

from django.conf import settings

log = logging.getLogger(__name__)
_async_url_names: list[str] = []
_warm_ups: list[Callable[[], Awaitable[None]]] = []


def serve_async(url_name: str) -> None:
    """Serve this URL (by name) with Django's ASGI handler: its view awaits, it must not hold a thread."""
    if url_name not in _async_url_names:
        _async_url_names.append(url_name)


def register_warm_up(prepare: Callable[[], Awaitable[None]]) -> None:
    """An async function a new web worker awaits before it accepts its first connection."""
    if prepare not in _warm_ups:
        _warm_ups.append(prepare)


async def warm_up(timeout: float = 20) -> float:
    """Every registered warm-up, together, in the worker's event loop; returns the seconds it took.
    A failure is logged and the worker serves anyway (cold: slower first connections, nothing lost)."""
    started = time.monotonic()
    try:
        await asyncio.wait_for(asyncio.gather(*(prepare() for prepare in _warm_ups)), timeout)
    except Exception:
        log.exception("Web worker warm-up failed; serving cold")
    return time.monotonic() - started


def async_paths() -> tuple[str, ...]:
    from django.urls import reverse

    return tuple(reverse(name) for name in _async_url_names)


def http_application(asgi_handler, wsgi_application=None):
    """The ASGI app for HTTP: Django's WSGI handler in a thread pool, except the paths registered
    with :func:`serve_async`, which go to ``asgi_handler``."""
    from a2wsgi import WSGIMiddleware

    if wsgi_application is None:
        from django.core.wsgi import get_wsgi_application

        wsgi_application = get_wsgi_application()
    threaded = WSGIMiddleware(wsgi_application, workers=settings.WEB_THREADS)
    waiting = async_paths()

    async def application(scope, receive, send):
        if scope.get("path", "").startswith(waiting):
            return await asgi_handler(scope, receive, send)
        return await threaded(scope, receive, send)

    return application
