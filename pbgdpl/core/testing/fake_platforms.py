"""A fake external platform (Zalo, Messenger, Facebook Graph, the Ministry's exchange) on loopback:
records what the portal sends, answers as told.

Started by the tests (``with FakePlatform() as fake``); the platform base URL settings point at it.
``answers[path]`` is a list of ``(status, body)`` used in order (the last one repeats), or a
callable ``(request) -> (status, body)`` for servers whose answer depends on the request (a
token endpoint, a paged list). Each recorded request is ``{"method", "path", "query", "headers", "body"}``.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


class FakePlatform:
    def __init__(self):
        self.requests: list[dict] = []
        self.answers: dict = {}
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self, method: str):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode()
                try:
                    body = json.loads(raw) if raw else {}
                except ValueError:
                    body = {k: v[0] for k, v in parse_qs(raw).items()}
                parts = urlsplit(self.path)
                request = {"method": method, "path": parts.path, "headers": dict(self.headers), "body": body,
                           "query": {k: v[0] for k, v in parse_qs(parts.query).items()}}
                fake.requests.append(request)
                queue = fake.answers.get(parts.path) or [(200, {"error": 0})]
                if callable(queue):
                    status, answer = queue(request)
                else:
                    status, answer = queue.pop(0) if len(queue) > 1 else queue[0]
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self):
                self._answer("POST")

            def do_GET(self):
                self._answer("GET")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakePlatform:
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def sent_to(self, path: str) -> list[dict]:
        return [r for r in self.requests if r["path"] == path]
