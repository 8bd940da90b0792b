"""Which routers make up /api/v1/: each app registers its own from ``AppConfig.ready()``.

    from pbgdpl.api.registry import register_router
    register_router("documents", "pbgdpl.legal.api:router", tag="Văn bản pháp luật")

The router is named by a dotted path and imported only when the API is built (at URL loading),
so registering costs nothing and an app's API module may import the app's models freely.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.module_loading import import_string


@dataclass(frozen=True)
class RouterEntry:
    prefix: str
    path: str
    tag: str


_routers: dict[str, RouterEntry] = {}


def register_router(prefix: str, path: str, *, tag: str) -> None:
    _routers[prefix] = RouterEntry(prefix, path.replace(":", "."), tag)


def routers() -> list[tuple[RouterEntry, object]]:
    """(entry, router) pairs in prefix order."""
    return [(entry, import_string(entry.path)) for entry in sorted(_routers.values(), key=lambda e: e.prefix)]
