"""Helpers shared by the media app's public views."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import FileResponse, Http404

from pbgdpl.core.numbers import parse_ascii_int

PER_PAGE = 12


def section_page(path: str):
    """The Wagtail SectionPage that keeps the menu entry (its title and intro show on the app's page)."""
    from wagtail.models import Page

    return Page.objects.live().filter(url_path__endswith=path).specific().first()


def paginate(request, rows, per_page: int = PER_PAGE):
    return Paginator(rows, per_page).get_page(parse_ascii_int(request.GET.get("page", ""), minimum=1) or 1)


def words(query: str) -> list[str]:
    from pbgdpl.core.text import search_key

    return search_key(query).split()[:12]


def filter_words(rows, query: str):
    """No-diacritics search: every word of the query in the item's folded text ("dat dai" finds "đất đai")."""
    for word in words(query):
        rows = rows.filter(search_text__contains=word)
    return rows


def serve_file(field_file, *, download_name: str = "", content_type: str | None = None) -> FileResponse:
    """A public item's stored file; a missing file is a 404, never an error page."""
    if not field_file:
        raise Http404
    try:
        handle = field_file.open("rb")
    except (FileNotFoundError, OSError) as exc:
        raise Http404 from exc
    response = FileResponse(handle, as_attachment=bool(download_name), filename=download_name or None,
                            content_type=content_type)
    response["Cache-Control"] = "public, max-age=86400"
    return response
