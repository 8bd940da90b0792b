"""The machine's ceiling for bench-web: the smallest WSGI and ASGI apps, served like the portal."""

BODY = b"Hello, world"
HEADERS = [(b"content-type", b"text/plain"), (b"content-length", str(len(BODY)).encode())]


def application(environ, start_response):
    start_response("200 OK", [(k.decode(), v.decode()) for k, v in HEADERS])
    return [BODY]


async def asgi(scope, receive, send):
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200, "headers": HEADERS})
    await send({"type": "http.response.body", "body": BODY})
