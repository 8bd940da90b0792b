"""Serving a stored file with one byte range per request (RFC 9110 §14), the one place for it.

Phones and Safari refuse to play (or to seek in) a video whose server ignores ``Range``: they ask
for ``bytes=0-1`` first and expect ``206 Partial Content``. Audio players ask for ``bytes=N-`` when
the listener jumps ±15 s, and podcast apps check an enclosure with HEAD or GET and read
Content-Length and Content-Type. A Range header with several ranges is answered with the whole
file (200), which RFC 9110 allows; a range that starts past the end is 416 with ``bytes */size``.
"""

from __future__ import annotations

import os
import re

from django.http import FileResponse, Http404, HttpRequest, HttpResponse

RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
# An open-ended range ("bytes=N-") is answered in pieces of at most this size; players ask for the
# rest, and a web worker never holds more than this in memory for one request.
MAX_CHUNK = 4 * 1024 * 1024
PUBLIC_DAY = "public, max-age=86400"


def _requested_range(request: HttpRequest, size: int) -> tuple[int, int] | None | bool:
    """(start, end) inclusive, ``None`` when the whole file is wanted, ``False`` when unsatisfiable."""
    match = RANGE.match(request.headers.get("Range", "").strip())
    if not match or not any(match.groups()):
        return None
    first, last = match.groups()
    if first:
        start = int(first)
        end = min(int(last), size - 1) if last else size - 1
    else:  # "bytes=-N": the last N bytes
        start, end = max(size - int(last), 0), size - 1
    if start >= size or start > end:
        return False
    return start, min(end, start + MAX_CHUNK - 1)


def ranged_file_response(request: HttpRequest, path: str, content_type: str, *,
                         cache_control: str = PUBLIC_DAY) -> HttpResponse:
    """The file at ``path`` whole (200) or the one range the request asks for (206); a missing file is 404."""
    try:
        size = os.path.getsize(path)
    except OSError as exc:
        raise Http404 from exc
    wanted = _requested_range(request, size)
    if wanted is False:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
    elif wanted is None:
        response = FileResponse(open(path, "rb"), content_type=content_type)
        response["Content-Length"] = str(size)
    else:
        start, end = wanted
        with open(path, "rb") as handle:
            handle.seek(start)
            body = handle.read(end - start + 1)
        response = HttpResponse(body, status=206, content_type=content_type)
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
        response["Content-Length"] = str(len(body))
    response["Accept-Ranges"] = "bytes"
    response["Cache-Control"] = cache_control
    return response


def ranged_field_file_response(request: HttpRequest, field_file, content_type: str, **options) -> HttpResponse:
    """A model's stored file (FileField on the local storage); an empty field is 404."""
    if not field_file:
        raise Http404
    return ranged_file_response(request, field_file.path, content_type, **options)
