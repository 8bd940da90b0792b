"""Public pages of the bookshelf: the shelf, the book reader (chapters, search inside, download),
podcast shows and episodes with their RSS feed, audiobooks."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from pbgdpl.core.breadcrumbs import trail
from pbgdpl.core.pagecache.deps import depends_on
from pbgdpl.core.ranged_files import ranged_field_file_response

from . import selectors
from .feeds import podcast_feed
from .models import AudiobookChapter, Book, Episode
from .pagecache_tags import LIBRARY_TAG

SECTION_TITLE = "Tủ sách pháp luật"


def _section_page():
    """The SectionPage at /tu-sach-phap-luat/ the seed creates (title and intro), if there is one."""
    from wagtail.models import Page

    return Page.objects.live().filter(url_path__endswith="/tu-sach-phap-luat/").specific().first()


def _shelf_trail(*steps):
    return trail((SECTION_TITLE, reverse("bookshelf:index")), *steps)


@require_safe
@depends_on(LIBRARY_TAG)
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "bookshelf/index.html", {
        "section": _section_page(),
        "books": selectors.public_books().order_by("-year", "title"),
        "audiobooks": selectors.public_audiobooks().order_by("title"),
        "shows": selectors.public_shows(),
        "episodes": selectors.latest_episodes(),
        "trail": trail((SECTION_TITLE, "")),
    })


def _public_book(slug: str) -> Book:
    book = selectors.public_books().filter(slug=slug).first()
    if book is None:
        raise Http404
    return book


@require_safe
@depends_on(LIBRARY_TAG)
def chapter(request: HttpRequest, slug: str, number: int = 1) -> HttpResponse:
    """One chapter of the reader; the book's own address is its first chapter."""
    book = _public_book(slug)
    sections = list(book.sections.only("number", "title"))
    current = book.sections.filter(number=number).first()
    if current is None:
        raise Http404
    previous = next((s for s in sections if s.number == number - 1), None)
    following = next((s for s in sections if s.number == number + 1), None)
    return render(request, "bookshelf/reader.html", {
        "book": book, "sections": sections, "current": current, "previous": previous, "next": following,
        "is_start": request.resolver_match.url_name == "book",
        "trail": _shelf_trail((book.title, book.get_absolute_url()), (current.title, "")),
    })


@require_safe
@depends_on(LIBRARY_TAG)
def search_in_book(request: HttpRequest, slug: str) -> HttpResponse:
    book = _public_book(slug)
    query = request.GET.get("q", "").strip()[:200]
    hits = selectors.search_in_book(book, query) if query else []
    return render(request, "bookshelf/search.html", {
        "book": book, "query": query, "hits": hits,
        "trail": _shelf_trail((book.title, book.get_absolute_url()), ("Tìm trong sách", "")),
    })


@require_safe
def download(request: HttpRequest, slug: str) -> FileResponse:
    book = _public_book(slug)
    name = f"{book.slug}.{book.file_extension}"
    return FileResponse(book.file.open("rb"), as_attachment=True, filename=name)


@require_safe
@depends_on(LIBRARY_TAG)
def show(request: HttpRequest, slug: str) -> HttpResponse:
    podcast = get_object_or_404(selectors.public_shows(), slug=slug)
    return render(request, "bookshelf/show.html", {
        "show": podcast, "episodes": selectors.public_episodes(podcast),
        "trail": _shelf_trail((podcast.title, "")),
    })


@require_safe
@depends_on(LIBRARY_TAG)
def episode(request: HttpRequest, show_slug: str, slug: str) -> HttpResponse:
    podcast = get_object_or_404(selectors.public_shows(), slug=show_slug)
    item = get_object_or_404(selectors.public_episodes(podcast), slug=slug)
    return render(request, "bookshelf/episode.html", {
        "show": podcast, "episode": item,
        "trail": _shelf_trail((podcast.title, podcast.get_absolute_url()), (item.title, "")),
    })


@require_safe
@depends_on(LIBRARY_TAG)
def feed(request: HttpRequest, slug: str) -> HttpResponse:
    podcast = get_object_or_404(selectors.public_shows(), slug=slug)
    return HttpResponse(podcast_feed(request, podcast, selectors.public_episodes(podcast)),
                        content_type="application/rss+xml; charset=utf-8")


@require_safe
@depends_on(LIBRARY_TAG)
def audiobook(request: HttpRequest, slug: str) -> HttpResponse:
    book = get_object_or_404(selectors.public_audiobooks(), slug=slug)
    return render(request, "bookshelf/audiobook.html", {
        "audiobook": book, "chapters": book.chapters.exclude(audio=""),
        "trail": _shelf_trail((book.title, "")),
    })


@require_safe
def audio(request: HttpRequest, kind: str, pk: str, ext: str) -> HttpResponse:
    """The audio of a public episode or audiobook chapter, with byte ranges (seeking in players)."""
    if kind == "podcast":
        item = Episode.objects.filter(pk=pk, live=True, show__live=True).first()
    else:
        item = AudiobookChapter.objects.filter(pk=pk, audiobook__live=True).first()
    if item is None or not item.audio or item.audio.name.rsplit(".", 1)[-1] != ext:
        raise Http404
    return ranged_field_file_response(request, item.audio, item.audio_type)

