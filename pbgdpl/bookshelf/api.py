"""/api/v1/books and /api/v1/podcasts: the public bookshelf, read-only (decision 0024)."""

from __future__ import annotations

import datetime

from django.http import Http404
from ninja import Field, Query, Router, Schema

from pbgdpl.api.pagination import newest_first

from . import selectors

books = Router()
podcasts = Router()


class PageParams(Schema):
    cursor: str | None = None
    limit: int = Field(20, ge=1, le=100)


class ChapterSchema(Schema):
    number: int
    title: str
    url: str


class BookSchema(Schema):
    id: int
    title: str
    kind: str
    author: str
    year: int | None
    description: str
    url: str
    download_url: str
    chapters: list[ChapterSchema]


class BookPage(Schema):
    items: list[BookSchema]
    next_cursor: str | None = None


def _book(request, book) -> dict:
    from django.urls import reverse

    return {"id": book.pk, "title": book.title, "kind": book.kind, "author": book.author, "year": book.year,
            "description": book.description, "url": request.build_absolute_uri(book.get_absolute_url()),
            "download_url": request.build_absolute_uri(reverse("bookshelf:download", args=[book.slug])),
            "chapters": [{"number": s.number, "title": s.title, "url": request.build_absolute_uri(s.get_absolute_url())}
                         for s in book.sections.only("number", "title", "book__slug").select_related("book")]}


@books.get("", response=BookPage, summary="Sách trong tủ sách pháp luật (mới nhất trước)")
def list_books(request, params: Query[PageParams]):
    rows, cursor = newest_first(selectors.public_books(), date_field="created_at", cursor=params.cursor,
                                limit=params.limit)
    return {"items": [_book(request, row) for row in rows], "next_cursor": cursor}


@books.get("/{book_id}", response=BookSchema, summary="Một cuốn sách")
def get_book(request, book_id: int):
    book = selectors.public_books().filter(pk=book_id).first()
    if book is None:
        raise Http404
    return _book(request, book)


class EpisodeSchema(Schema):
    id: int
    title: str
    description: str
    published_at: datetime.datetime
    duration_seconds: int
    audio_url: str
    audio_type: str
    audio_bytes: int
    url: str


class ShowSchema(Schema):
    id: int
    title: str
    description: str
    author: str
    url: str
    feed_url: str
    episodes: list[EpisodeSchema]


def _show(request, show) -> dict:
    from django.urls import reverse

    absolute = request.build_absolute_uri
    return {"id": show.pk, "title": show.title, "description": show.description, "author": show.author,
            "url": absolute(show.get_absolute_url()), "feed_url": absolute(reverse("bookshelf:feed", args=[show.slug])),
            "episodes": [{"id": e.pk, "title": e.title, "description": e.description, "published_at": e.published_at,
                          "duration_seconds": e.duration_seconds, "audio_url": absolute(e.get_audio_url()),
                          "audio_type": e.audio_type, "audio_bytes": e.audio_bytes, "url": absolute(e.get_absolute_url())}
                         for e in selectors.public_episodes(show).select_related("show")]}


@podcasts.get("", response=list[ShowSchema], summary="Chương trình podcast và các số đã phát hành")
def list_shows(request):
    return [_show(request, show) for show in selectors.public_shows()]


@podcasts.get("/{show_id}", response=ShowSchema, summary="Một chương trình podcast")
def get_show(request, show_id: int):
    show = selectors.public_shows().filter(pk=show_id).first()
    if show is None:
        raise Http404
    return _show(request, show)
