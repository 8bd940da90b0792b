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
        from pbgdpl.classroom.routing import websocket_urlpatterns as classroom_websockets

        application = ProtocolTypeRouter({
            "http": ASGIStaticFilesHandler(get_asgi_application()),
            "websocket": AuthMiddlewareStack(URLRouter(websocket_urlpatterns + classroom_websockets)),
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


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_source() -> str:
    """axe-core as pinned by package.json and installed by ``make js-tools`` (``npm ci``)."""
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
    if not path.exists():
        import pytest

        pytest.skip("axe-core is not installed: run `make js-tools` (npm ci)")
    return path.read_text(encoding="utf-8")


def run_axe(page, source: str) -> dict:
    """Run axe-core in ``page``: WCAG 2.2 A/AA violations and best-practice findings.

    The script is evaluated through the DevTools protocol, which the page's CSP does not cover,
    so the page is checked under the production policy. Returns ``{"violations": [...],
    "best_practice": [...]}``, each item ``{"id", "impact", "help", "targets"}``.
    """
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(source)
    # One run over both tag sets, split afterwards: half the time of two runs on a long page.
    return page.evaluate(
        """async (tags) => {
          const summary = (items) => items.map((v) => ({id: v.id, impact: v.impact, help: v.help,
            targets: v.nodes.slice(0, 5).map((n) => n.target.join(" "))}));
          const result = await axe.run(document, {runOnly: {type: "tag", values: tags.concat(["best-practice"])},
                                                  resultTypes: ["violations"]});
          const wcag = result.violations.filter((v) => v.tags.some((t) => tags.includes(t)));
          const bp = result.violations.filter((v) => !v.tags.some((t) => tags.includes(t)));
          return {violations: summary(wcag), best_practice: summary(bp)};
        }""",
        AXE_TAGS,
    )
