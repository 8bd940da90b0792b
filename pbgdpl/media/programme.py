"""The "Chương trình nghe nhìn" listing is open to other apps: each registers a kind of item.

The media app registers its videos; an audio app registers its podcast episodes or audiobooks the
same way in its ``AppConfig.ready()``::

    from pbgdpl.media.programme import ProgrammeItem, register_programme_kind

    register_programme_kind("podcast", "Podcast", latest_episodes,  # latest_episodes(limit) -> items
                            cache_tags=[LIBRARY_TAG])  # the cached page is purged with these tags

The page shows every kind's newest items mixed by date, filterable by kind.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class ProgrammeItem:
    title: str
    url: str
    kind: str
    date: datetime.date
    image_url: str = ""
    image_alt: str = ""
    duration_label: str = ""
    summary: str = ""


@dataclass(frozen=True)
class ProgrammeKind:
    kind: str
    label: str
    items: Callable[[int], Iterable[ProgrammeItem]]
    cache_tags: tuple[str, ...] = ()  # page-cache tags purged when the kind's items change (decision 0014)


_kinds: dict[str, ProgrammeKind] = {}


def register_programme_kind(kind: str, label: str, items: Callable[[int], Iterable[ProgrammeItem]],
                            cache_tags: Iterable[str] = ()) -> None:
    _kinds[kind] = ProgrammeKind(kind, label, items, tuple(cache_tags))


def programme_kinds() -> list[ProgrammeKind]:
    return list(_kinds.values())


def programme(kind: str = "", limit: int = 200) -> list[ProgrammeItem]:
    """The newest items of one kind, or of all kinds mixed, newest first."""
    chosen = [_kinds[kind]] if kind in _kinds else list(_kinds.values())
    items = [item for entry in chosen for item in entry.items(limit)]
    return sorted(items, key=lambda item: item.date, reverse=True)[:limit]
