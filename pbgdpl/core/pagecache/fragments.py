"""Parts of pages cached per content version: what a render may reuse even when the whole page
cannot be shared (a staff session, a page with a form, the page cache switched off).

A fragment (the menu's entries, the footer, the body of the home page or of an article) is stored
in the shared ``pages`` cache with the tags recorded while it was built, and indexed under them
like a page (:mod:`.store`), so the purge that removes the pages showing a change removes the
fragments built from it too, on every node. A fragment never holds anything personal: it is
built from what the public sees, and one that came out with a CSRF token or the request's CSP
nonce in it is not stored.

A hit adds the fragment's tags to the page being rendered, so a page built from cached fragments
is still purged exactly.
"""

from __future__ import annotations

import logging
import pickle
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.functional import empty
from django.utils.translation import get_language

from . import local, store
from .deps import collecting, record

log = logging.getLogger(__name__)

# Index rows of fragments carry this instead of a URL: they are never sent to frontend caches.
URL_PREFIX = store.FRAGMENT_URL_PREFIX
_UNSHAREABLE_MARKERS = ("csrfmiddlewaretoken",)


@dataclass(frozen=True)
class Fragment:
    value: object
    tags: tuple[str, ...]


def enabled() -> bool:
    return bool(getattr(settings, "FRAGMENT_CACHE_ENABLED", False))


def _key(name: str, parts: tuple) -> str:
    # Language and date as for pages: text is translated, and lists "in force today" change at midnight.
    return store.variant_key("fragment", name, *(str(part) for part in parts), get_language() or "",
                             timezone.localdate().isoformat())


def cached(name: str, parts: tuple, build: Callable[[], object],
           shareable: Callable[[object], bool] | None = None) -> object:
    """The value ``build()`` returns, reused until a change purges one of the tags it recorded.

    ``parts`` are what the value varies by besides language and date (a page id, a path);
    ``shareable(value)`` may refuse to store a particular result.
    """
    if not enabled():
        return build()
    key = _key(name, parts)
    entry = local.parts.get(key)
    if entry is None:
        entry = store.get(key)
        if isinstance(entry, Fragment):
            local.parts.keep(key, entry)
    if isinstance(entry, Fragment):
        record(*entry.tags)
        return entry.value
    started = time.time()
    with collecting() as tags:
        value = build()
    record(*tags)
    if tags and (shareable is None or shareable(value)):
        fragment = Fragment(value, tuple(sorted(tags)))
        if store.put(key, URL_PREFIX + name, fragment, set(tags), started):
            local.parts.keep(key, fragment)
    return value


def cached_copy(name: str, parts: tuple, build: Callable[[], object]) -> object:
    """:func:`cached` for objects a view may change (model instances, results it decorates): kept
    pickled, so each call gets its own copy, in this process's memory as in the shared cache.
    ``None`` (nothing found) is returned as it is."""
    packed = cached(name, parts, lambda: _pickled(build()))
    return None if packed is None else pickle.loads(packed)  # noqa: S301 - written by this application


def _pickled(value: object) -> bytes | None:
    return None if value is None else pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def html_is_shareable(request) -> Callable[[object], bool]:
    """A check (made before the render) that the HTML holds neither a CSRF token nor the
    request's CSP nonce. The nonce is created lazily: if the render created it, it used it."""
    lazy_nonce = getattr(request, "csp_nonce", None) if request is not None else None
    nonce_existed = _evaluated(lazy_nonce)

    def check(html: object) -> bool:
        text = str(html)
        if _evaluated(lazy_nonce) and (not nonce_existed or str(lazy_nonce) in text):
            return False
        return not any(marker in text for marker in _UNSHAREABLE_MARKERS)

    return check


def _evaluated(lazy) -> bool:
    if type(lazy) is str:  # not isinstance(): that would evaluate a lazy nonce (its __class__ is proxied)
        return bool(lazy)
    return lazy is not None and getattr(lazy, "_wrapped", empty) is not empty


def is_fragment(url: str) -> bool:
    return url.startswith(URL_PREFIX)


__all__ = ["Fragment", "URL_PREFIX", "cached", "cached_copy", "enabled", "html_is_shareable", "is_fragment"]
