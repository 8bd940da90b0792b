"""How the bookshelf enters the site search: book passages (a hit opens the reader at the paragraph),
podcast episodes (description and transcript) and audiobooks."""

from __future__ import annotations

from collections.abc import Iterable

from pbgdpl.search.registry import SearchEntry, SearchSource

from . import selectors
from .models import Audiobook, Episode

PASSAGE_CHARS = 1200  # a passage is a few paragraphs: small enough that its anchor is the place


class BookSource(SearchSource):
    label = "bookshelf.Book"

    def entries_for(self, pk) -> list[SearchEntry]:
        book = selectors.public_books().filter(pk=pk).first()
        if book is None:
            return []
        entries = []
        for section in book.sections.order_by("number"):
            for start, text in _passages(section.text.split("\n")):
                entries.append(SearchEntry(
                    key=f"book:{book.pk}:{section.number}:{start}", kind="book",
                    title=f"{book.title} — {section.title}", body=text,
                    url=f"{section.get_absolute_url()}#p{start}",
                    group_key=f"book:{book.pk}", group_title=book.title, group_url=book.get_absolute_url(),
                    facets={"year": [str(book.year)] if book.year else []},
                ))
        return entries

    def all_pks(self) -> Iterable:
        return selectors.public_books().values_list("pk", flat=True)


def _passages(paragraphs: list[str]) -> Iterable[tuple[int, str]]:
    start, chunk = 0, []
    for index, paragraph in enumerate(paragraphs):
        if not chunk:
            start = index
        chunk.append(paragraph)
        if sum(len(p) for p in chunk) >= PASSAGE_CHARS:
            yield start, "\n".join(chunk)
            chunk = []
    if chunk:
        yield start, "\n".join(chunk)


class EpisodeSource(SearchSource):
    label = "bookshelf.Episode"

    def entries_for(self, pk) -> list[SearchEntry]:
        episode = Episode.objects.filter(pk=pk, live=True, show__live=True).select_related("show").first()
        if episode is None:
            return []
        return [SearchEntry(
            key=f"episode:{episode.pk}", kind="podcast", title=episode.title,
            body=f"{episode.description}\n{episode.transcript}", url=episode.get_absolute_url(),
            group_key=f"episode:{episode.pk}", group_title=episode.title, group_url=episode.get_absolute_url(),
            date=episode.published_at.date(),
        )]

    def all_pks(self) -> Iterable:
        return Episode.objects.filter(live=True, show__live=True).values_list("pk", flat=True)


class AudiobookSource(SearchSource):
    label = "bookshelf.Audiobook"

    def entries_for(self, pk) -> list[SearchEntry]:
        book = selectors.public_audiobooks().filter(pk=pk).first()
        if book is None:
            return []
        chapters = "\n".join(f"{c.title}\n{c.transcript}" for c in book.chapters.all())
        return [SearchEntry(
            key=f"audiobook:{book.pk}", kind="audiobook", title=book.title,
            body=f"{book.description}\n{chapters}", url=book.get_absolute_url(),
            group_key=f"audiobook:{book.pk}", group_title=book.title, group_url=book.get_absolute_url(),
        )]

    def all_pks(self) -> Iterable:
        return Audiobook.objects.filter(live=True).values_list("pk", flat=True)
