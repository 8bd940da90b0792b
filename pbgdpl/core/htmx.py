"""htmx request helpers shared by every view that answers with a partial."""

from __future__ import annotations

from django.http import HttpRequest


def is_htmx_partial(request: HttpRequest) -> bool:
    """True when htmx asked for a fragment (not a history restore, which needs the whole page)."""
    return request.headers.get("HX-Request") == "true" and request.headers.get("HX-History-Restore-Request") != "true"
