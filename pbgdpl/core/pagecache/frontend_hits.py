"""Visits and searches that nginx answered from its own copy of the page cache.

A page nginx answers from ``proxy_cache`` never reaches the application, so neither the visit
counter nor the search statistics would see it. nginx logs those answers (and only those: misses
reach the application, which counts them itself) as JSON lines in the ``portal_hits`` format of
docs/operations.md; :func:`count_new_hits` reads the lines added since its last call and runs the
same hit hooks as the application's own cache hits, with what the page stored when it was rendered
(the application's copy of the page, looked up under the same key).

The position read so far is kept in a small state file beside the application's data, per log
file (its inode), so a restarted reader neither counts a line twice nor skips one; a rotated log is
read from its start.
"""

from __future__ import annotations

import json
import logging
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings

from . import hits, keys, store

log = logging.getLogger(__name__)

MAX_LINES_PER_PASS = 200_000  # a backlog is read in slices, so one pass never holds it all in memory


@dataclass
class Pass:
    lines: int = 0
    counted: int = 0
    unreadable: int = 0
    without_stored_page: int = 0  # counted as visits; their search statistics are lost (page purged since)


def state_path(log_path: Path) -> Path:
    name = "frontend-hits-" + "".join(c if c.isalnum() else "-" for c in str(log_path.resolve())).strip("-")
    return Path(settings.VAR_DIR) / "state" / f"{name}.json"


def _read_state(path: Path) -> dict:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return {}


def _scope(line: dict) -> dict:
    """The request as the application's fast path would have seen it."""
    parts = urlsplit(line.get("uri") or "/")
    headers = [(b"host", line.get("host", "").encode("latin-1", "replace"))]
    for field, header in (("agent", b"user-agent"), ("referer", b"referer"), ("language", b"accept-language"),
                          ("fetch_dest", b"sec-fetch-dest")):
        if line.get(field):
            headers.append((header, line[field].encode("latin-1", "replace")))
    if line.get("language_cookie"):
        headers.append((b"cookie", f"{settings.LANGUAGE_COOKIE_NAME}={line['language_cookie']}".encode("latin-1", "replace")))
    # nginx logs the URI as sent (percent-encoded); an ASGI scope's path is decoded, its query is not.
    return {"type": "http", "method": line.get("method", "GET"), "path": unquote(parts.path), "root_path": "",
            "query_string": parts.query.encode("latin-1", "replace"), "headers": headers,
            "scheme": line.get("scheme") or "https", "client": (line.get("address", ""), 0)}


def _stored_extras(scope: dict, line: dict, seen: dict) -> dict | None:
    key = keys.variant_key(
        scope["scheme"], line.get("host", ""), keys.full_path(scope["path"], scope["query_string"].decode("latin-1")),
        keys.resolve_language(line.get("language_cookie", ""), line.get("language", "")),
        tuple("" for _name in keys.HTMX_HEADERS), keys.local_date())
    if key not in seen:  # a busy page is many lines: one cache read per pass
        entry = store.get(key)
        seen[key] = None if entry is None else entry.extras
    return seen[key]


def count_new_hits(log_path: Path) -> Pass:
    """Counts the hits logged since the last call; returns what this pass read."""
    result = Pass()
    try:
        stat = log_path.stat()
    except FileNotFoundError:
        return result
    state_file = state_path(log_path)
    state = _read_state(state_file)
    offset = state.get("offset", 0) if state.get("inode") == stat.st_ino and state.get("offset", 0) <= stat.st_size else 0
    # The same request repeated (a busy page, one visitor's reloads) is parsed and counted once with
    # its number: a line is the same request whatever its time, which is its first field.
    same: Counter[bytes] = Counter()
    with log_path.open("rb") as handle:
        handle.seek(offset)
        for raw in handle:
            if not raw.endswith(b"\n") or result.lines >= MAX_LINES_PER_PASS:
                break  # a line nginx is still writing, or enough for one pass
            offset += len(raw)
            result.lines += 1
            same[raw.split(b",", 1)[-1]] += 1
    seen: dict[str, dict | None] = {}
    for request, count in same.items():
        try:
            line = json.loads(b"{" + request if not request.startswith(b"{") else request)
            scope = _scope(line)
        except (ValueError, AttributeError, TypeError):
            result.unreadable += count
            continue
        extras = _stored_extras(scope, line, seen)
        if extras is None:
            result.without_stored_page += count
        hits.run_hooks(hits.HitRequest(scope, count), extras or {})
        result.counted += count
    state_file.parent.mkdir(parents=True, exist_ok=True)
    temporary = state_file.with_suffix(".tmp")
    temporary.write_text(json.dumps({"inode": stat.st_ino, "offset": offset}))
    os.replace(temporary, state_file)  # the position moves only once the pass is counted
    if result.unreadable:
        log.warning("Frontend hit log %s: %d unreadable lines skipped", log_path, result.unreadable)
    return result
