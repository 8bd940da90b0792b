"""The machine's ceiling for bench-web: the smallest WSGI and ASGI apps, served like the portal."""

import os

BODY = b"Hello, world"
HEADERS = [(b"content-type", b"text/plain"), (b"content-length", str(len(BODY)).encode())]


def application(environ, start_response):
    start_response("200 OK", [(k.decode(), v.decode()) for k, v in HEADERS])
    return [BODY]


# A second ceiling: the same app answering with as many bytes as a cached page (the bench sets
# HELLO_BODY_BYTES and HELLO_HEADER_BYTES from the home page it measures): sending a 6 KB answer
# costs the server more than sending 12 bytes, whatever produced it.
_SIZED_BODY = b"x" * int(os.environ.get("HELLO_BODY_BYTES", "0") or 0)
_SIZED_HEADERS = [(b"content-type", b"text/html; charset=utf-8"), (b"content-length", str(len(_SIZED_BODY)).encode()),
                  (b"x-padding", b"p" * max(0, int(os.environ.get("HELLO_HEADER_BYTES", "0") or 0) - 80))]


async def sized(scope, receive, send):
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200, "headers": _SIZED_HEADERS})
    await send({"type": "http.response.body", "body": _SIZED_BODY})


async def asgi(scope, receive, send):
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200, "headers": HEADERS})
    await send({"type": "http.response.body", "body": BODY})
