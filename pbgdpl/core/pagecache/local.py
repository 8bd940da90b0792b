"""This process's copy of the page parts it read lately, so a render does not pay one round trip
to the shared cache per part (about ten per page: menu, footer, share tags, the body, the route…).

The copy is only used while a request is being answered, and is checked once per request (when the
request first reads a part) against
the shared cache's generation, which every purge bumps (:func:`.store.bump_generation`): a request
that starts after a purge anywhere never sees a part from before it, exactly as with the shared
cache alone. Outside requests (tasks, commands) parts come from the shared cache only. A part is
kept at most ``MAX_AGE_S`` (never longer than the shared cache keeps it) and the copy holds at most
``MAX_ENTRIES`` parts.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from . import store

MAX_AGE_S = 30.0
MAX_ENTRIES = 5000


class LocalParts:
    def __init__(self) -> None:
        self.values: dict[str, tuple[float, object]] = {}
        self.generation: object = object()  # equal to no generation the shared cache holds
        self.answering = threading.local()  # set while this thread answers a request

    def begin(self) -> None:
        self.answering.active = True
        self.answering.checked = False

    def end(self) -> None:
        self.answering.active = False

    def _usable(self) -> bool:
        """Whether this thread answers a request; on its first use in the request, drops the copy if a
        purge happened since (a request that reads no part pays nothing)."""
        if not getattr(self.answering, "active", False):
            return False
        if not self.answering.checked:
            self.answering.checked = True
            generation = store.generation()
            if generation is None:  # a new or emptied shared cache: start one every process can compare
                generation = store.start_generation()
            if generation != self.generation:
                self.values = {}
                self.generation = generation
        return True

    def get(self, key: str) -> object | None:
        if not self._usable():
            return None
        kept = self.values.get(key)
        if kept is None or kept[0] < time.monotonic():
            return None
        return kept[1]

    def keep(self, key: str, value: object) -> None:
        if not self._usable():
            return
        if len(self.values) >= MAX_ENTRIES:
            self.values = {}
        self.values[key] = (time.monotonic() + min(MAX_AGE_S, store.seconds_to_keep()), value)

    def clear(self) -> None:
        self.values = {}
        self.generation = object()


parts = LocalParts()


class LocalPartsMiddleware:
    """Checks this process's copy of page parts against the shared generation once per request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from .fragments import enabled

        if not enabled():
            return self.get_response(request)
        parts.begin()
        try:
            return self.get_response(request)
        finally:
            parts.end()
