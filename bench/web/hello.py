"""The machine's ceiling for bench-web: the smallest WSGI and ASGI apps, served like the portal."""

import json
import os

BODY = b"Hello, world"
HEADERS = [(b"content-type", b"text/plain"), (b"content-length", str(len(BODY)).encode())]


def application(environ, start_response):
    start_response("200 OK", [(k.decode(), v.decode()) for k, v in HEADERS])
    return [BODY]


# A second ceiling: the same app answering with the very response of a cached page (its headers and
# as many body bytes; the bench passes them in HELLO_RESPONSE): a page must carry a dozen security
# and caching headers, and the server's work grows with them and with the bytes, whatever made them.
_RESPONSE = json.loads(os.environ.get("HELLO_RESPONSE", "") or '{"headers": [], "body": 0}')
_SIZED_BODY = b"x" * int(_RESPONSE["body"])
_SIZED_HEADERS = [(name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in _RESPONSE["headers"]
                  if name.lower() != "content-length"] + [(b"content-length", str(len(_SIZED_BODY)).encode())]


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
