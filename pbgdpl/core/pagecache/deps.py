"""What a response depends on, recorded while it is rendered.

A request that may be cached opens a collector (:func:`collecting`); while the view and the
templates run, every tracked model instance that is loaded from the database adds its tag
(``post_init``), and list code adds collection tags with :func:`record`. The stored page is
indexed under those tags, so a change purges exactly the pages that loaded what changed.

Tags are short strings: ``page:12`` (a Wagtail page), ``children:7`` (a list of page 7's
children), ``legal.LegalDocument:5`` (one object), ``legal.LegalDocument:list`` (a list or
count of those objects), ``search:index`` (results of the search index).
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterable
from contextlib import contextmanager

from django.db.models.signals import post_init

_collector: contextvars.ContextVar[set[str] | None] = contextvars.ContextVar("pagecache_tags", default=None)
_tracked: dict[type, Callable[[object], Iterable[str]]] = {}


def object_tag(label: str, pk) -> str:
    """The tag of one object: ``<app_label.ModelName>:<pk>``."""
    return f"{label}:{pk}"


def list_tag(label: str) -> str:
    """The tag of every list, count or facet over a model's objects."""
    return f"{label}:list"


def record(*tags: str) -> None:
    """Add tags to the response being rendered (no-op outside a cacheable request)."""
    tags_seen = _collector.get()
    if tags_seen is not None:
        tags_seen.update(tags)


def record_list(model) -> None:
    """The response shows a list (or count) of ``model``'s objects."""
    record(list_tag(model._meta.label))


def depends_on(*tags: str):
    """Decorate a view whose response depends on ``tags`` beyond the objects it loads."""
    import functools

    def decorate(view):
        @functools.wraps(view)
        def wrapper(*args, **kwargs):
            record(*tags)
            return view(*args, **kwargs)

        return wrapper

    return decorate


def active() -> bool:
    return _collector.get() is not None


@contextmanager
def collecting():
    """Collect tags for the duration of the block; yields the (live) set of tags."""
    tags: set[str] = set()
    token = _collector.set(tags)
    try:
        yield tags
    finally:
        _collector.reset(token)


def _default_tags(instance) -> Iterable[str]:
    return (object_tag(instance._meta.label, instance.pk),)


def _on_init(sender, instance, **kwargs) -> None:
    tags_seen = _collector.get()
    if tags_seen is None or instance.pk is None:
        return
    tags_seen.update(_tracked[sender](instance))


def track_model(model, tags: Callable[[object], Iterable[str]] | None = None) -> None:
    """Record a tag for every instance of ``model`` loaded while a cacheable page renders.

    ``tags`` maps an instance to its tags (default ``<label>:<pk>``). Subclasses (multi-table
    inheritance, e.g. Wagtail page types) must be tracked one by one: ``post_init`` is sent
    with the concrete class.
    """
    _tracked[model] = tags or _default_tags
    post_init.connect(_on_init, sender=model, weak=False, dispatch_uid=f"pagecache-track-{model._meta.label}")


def tags_of(instance) -> tuple[str, ...]:
    """The tags a change to ``instance`` purges (its tracked tags, else ``<label>:<pk>``)."""
    return tuple(_tracked.get(type(instance), _default_tags)(instance))


def tracked_models() -> list[type]:
    return list(_tracked)
