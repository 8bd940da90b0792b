"""HTTP under uvicorn: views run in Django's WSGI handler on a fixed pool of threads; views that wait
(the chat's long-poll) keep Django's ASGI handler."""

from __future__ import annotations

import asyncio
import threading

from django.urls import reverse

from pbgdpl.core.serving import http_application


def _get(app, path: str) -> tuple[int, bytes]:
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": path, "raw_path": path.encode(), "root_path": "", "query_string": b"",
             "headers": [(b"host", b"testserver")], "client": ("127.0.0.1", 5000), "server": ("testserver", 80)}
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    return status, b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")


def test_pages_run_on_the_thread_pool_and_waiting_views_on_the_asgi_handler():
    threads: set[int] = set()
    asgi_paths: list[str] = []

    def wsgi_app(environ, start_response):
        threads.add(threading.get_ident())
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [environ["PATH_INFO"].encode()]

    async def asgi_handler(scope, receive, send):
        asgi_paths.append(scope["path"])
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"asgi"})

    app = http_application(asgi_handler, wsgi_application=wsgi_app)
    poll = reverse("chat:poll")

    assert _get(app, "/healthz") == (200, b"/healthz")
    assert _get(app, "/tim-kiem/") == (200, b"/tim-kiem/")
    assert _get(app, poll) == (200, b"asgi")
    assert asgi_paths == [poll]  # only the registered long-poll reached the ASGI handler
    assert threading.get_ident() not in threads  # views never ran on the event loop's thread


def test_the_real_site_answers_through_the_thread_pool():
    # robots.txt needs no database: a pool thread's connection would outlive the test database.
    from config.asgi import http_application as site

    status, body = _get(site, "/robots.txt")
    assert status == 200 and b"Disallow: /quan-tri/" in body
