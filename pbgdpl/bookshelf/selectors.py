"""Read queries of the bookshelf: what the public sees, searching inside a book, reading counts."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Sum

from pbgdpl.core.text import search_key

from .models import Audiobook, Book, BookSection, BookStatus, Episode, PodcastShow

# A book being rebuilt after a new upload keeps showing its previous chapters.
PUBLIC_STATUSES = (BookStatus.READY, BookStatus.FLAGGED, BookStatus.PENDING)
MAX_HITS = 50


def public_books():
    return Book.objects.filter(live=True, status__in=PUBLIC_STATUSES, sections__isnull=False).distinct()


def public_shows():
    return PodcastShow.objects.filter(live=True)


def public_episodes(show: PodcastShow):
    return show.episodes.filter(live=True).exclude(audio="").order_by("-published_at")


def public_audiobooks():
    return Audiobook.objects.filter(live=True, chapters__isnull=False).distinct()


def latest_episodes(limit: int = 6):
    return Episode.objects.filter(live=True, show__live=True).select_related("show").order_by("-published_at")[:limit]


@dataclass(frozen=True)
class Hit:
    section: BookSection
    paragraph: int
    text: str

    @property
    def url(self) -> str:
        return f"{self.section.get_absolute_url()}#p{self.paragraph}"


def search_in_book(book: Book, query: str) -> list[Hit]:
    """Paragraphs holding every word of the query, with or without diacritics, in reading order."""
    words = search_key(query).split()
    if not words:
        return []
    hits: list[Hit] = []
    for section in book.sections.order_by("number"):
        for index, paragraph in enumerate(section.text.split("\n")):
            folded = search_key(paragraph)
            if all(word in folded for word in words):
                hits.append(Hit(section, index, paragraph[:300]))
                if len(hits) >= MAX_HITS:
                    return hits
    return hits


def reading_count(book: Book) -> int:
    """Views of the book's reader pages, counted cookielessly by reporting.visits (all days)."""
    from pbgdpl.reporting.models import DailyVisits, PageView

    prefix = book.get_absolute_url()
    rolled = DailyVisits.objects.filter(path__startswith=prefix).aggregate(total=Sum("views"))["total"] or 0
    return rolled + (PageView.objects.filter(path__startswith=prefix).aggregate(total=Sum("views"))["total"] or 0)


def programme_episodes(limit: int) -> list:
    """Podcast episodes for the "Chương trình nghe nhìn" listing (media.programme registry)."""
    from pbgdpl.media.programme import ProgrammeItem

    return [
        ProgrammeItem(title=f"{episode.show.title}: {episode.title}", url=episode.get_absolute_url(), kind="podcast",
                      date=episode.published_at.date(), duration_label=episode.duration_label,
                      summary=episode.description)
        for episode in latest_episodes(limit)
    ]


def programme_audiobooks(limit: int) -> list:
    """Audiobooks (sách nói) for the same listing."""
    from pbgdpl.media.programme import ProgrammeItem

    return [
        ProgrammeItem(title=book.title, url=book.get_absolute_url(), kind="audiobook", date=book.created_at.date(),
                      summary=book.description)
        for book in public_audiobooks().order_by("-created_at")[:limit]
    ]
