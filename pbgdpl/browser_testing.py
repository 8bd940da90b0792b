"""Helpers for the Playwright browser tests.

Playwright's ``page.wait_for_function`` evaluates its predicate with ``eval`` inside the
page, which our Content-Security-Policy (no 'unsafe-eval') rightly refuses. ``page.evaluate``
goes through the DevTools protocol and is not subject to the page's CSP, so polling with it
keeps the tests running under the production policy.
"""

from __future__ import annotations

import time


def wait_for_js(page, expression: str, *, timeout: float = 10_000, interval: float = 0.1) -> None:
    """Wait until the JavaScript ``expression`` is truthy in ``page`` (timeout in milliseconds)."""
    deadline = time.monotonic() + timeout / 1000
    while True:
        if page.evaluate(expression):
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"Timed out after {timeout:.0f} ms waiting for: {expression}")
        page.wait_for_timeout(interval * 1000)


class AsgiLiveServer:
    """uvicorn serving the whole ASGI application (HTTP, static files and WebSockets) in a thread of
    the test process, on a free loopback port: pytest-django's ``live_server`` speaks WSGI only."""

    def __init__(self):
        import threading

        import uvicorn
        from channels.auth import AuthMiddlewareStack
        from channels.routing import ProtocolTypeRouter, URLRouter
        from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler
        from django.core.asgi import get_asgi_application

        from pbgdpl.chat.routing import websocket_urlpatterns

        application = ProtocolTypeRouter({
            "http": ASGIStaticFilesHandler(get_asgi_application()),
            "websocket": AuthMiddlewareStack(URLRouter(websocket_urlpatterns)),
        })
        config = uvicorn.Config(application, host="127.0.0.1", port=0, log_level="warning", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self):
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        return self

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(timeout=10)
