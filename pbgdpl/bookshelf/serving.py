"""Serving audio files with one byte range per request (RFC 9110), which players need to seek.

Podcast apps check the enclosure with HEAD or GET and read Content-Length and Content-Type; the
browsers' audio element asks for ``Range: bytes=N-`` when the listener jumps ±15 s.
"""

from __future__ import annotations

import os
import re

from django.http import FileResponse, HttpRequest, HttpResponse

RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
MAX_CHUNK = 4 * 1024 * 1024  # an open-ended range is answered in pieces; players ask for the rest


def audio_response(request: HttpRequest, path: str, content_type: str) -> HttpResponse:
    size = os.path.getsize(path)
    match = RANGE.match(request.headers.get("Range", "").strip())
    if not match or not any(match.groups()):
        response = FileResponse(open(path, "rb"), content_type=content_type)
        response["Content-Length"] = str(size)
    else:
        first, last = match.groups()
        if first:
            start, end = int(first), min(int(last), size - 1) if last else size - 1
        else:  # "bytes=-N": the last N bytes
            start, end = max(size - int(last), 0), size - 1
        if start >= size or start > end:
            response = HttpResponse(status=416)
            response["Content-Range"] = f"bytes */{size}"
            return response
        end = min(end, start + MAX_CHUNK - 1)
        with open(path, "rb") as handle:
            handle.seek(start)
            body = handle.read(end - start + 1)
        response = HttpResponse(body, status=206, content_type=content_type)
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
        response["Content-Length"] = str(len(body))
    response["Accept-Ranges"] = "bytes"
    response["Cache-Control"] = "public, max-age=86400"
    return response
