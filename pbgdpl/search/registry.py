"""The one small interface through which apps make their content searchable.

An app describes how to turn one of its objects into index entries (a legal document
gives one entry per article, a news article gives one entry) and registers that
description once, usually in its ``AppConfig.ready()``::

    from pbgdpl.search.registry import SearchEntry, SearchSource, register

    class NewsSource(SearchSource):
        label = "news.ArticlePage"

        def entries_for(self, pk):
            ...  # return [] when the object is gone or not public
        def all_pks(self):
            ...

    register(NewsSource())

Writers then call ``pbgdpl.search.services.mark_changed(label, pk)`` inside the
transaction that changes the object; the indexer reads the outbox and asks the source
for fresh entries. Nothing else about the index leaks out of the search app.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class SearchEntry:
    """One searchable unit: an article (Điều) of a document, a news article, a Q&A, ….

    ``group_key`` ties entries that the results page shows together (the articles of one
    legal document); ``facets`` holds filter values such as ``doc_type``, ``issuer``,
    ``field``, ``validity``, ``scope`` and ``year`` (lists of display strings).
    """

    key: str
    kind: str
    title: str
    body: str
    url: str
    group_key: str = ""
    group_title: str = ""
    group_url: str = ""
    doc_number: str = ""
    date: datetime.date | None = None
    facets: dict[str, list[str]] = field(default_factory=dict)


class SearchSource:
    """Describes one model's searchable content. Subclass and set ``label``."""

    label: str = ""

    def entries_for(self, pk) -> list[SearchEntry]:
        """Entries for the object with this primary key; [] if it is missing or not public."""
        raise NotImplementedError

    def all_pks(self) -> Iterable:
        """Primary keys of every object that may be public (used by a full rebuild)."""
        raise NotImplementedError


_sources: dict[str, SearchSource] = {}


def register(source: SearchSource) -> SearchSource:
    if not source.label:
        raise ValueError("A search source needs a label such as 'legal.LegalDocument'.")
    _sources[source.label] = source
    return source


def get_source(label: str) -> SearchSource | None:
    return _sources.get(label)


def all_sources() -> list[SearchSource]:
    return list(_sources.values())
