"""Purging: what a change invalidates, and how it reaches every cache.

Apps say what their changes invalidate from ``AppConfig.ready()``::

    from pbgdpl.core.pagecache import invalidation

    invalidation.register_model(Question, tags=lambda q, event: [...])  # on save and delete
    invalidation.purge("qa.Question:list")                              # from a service

A purge runs once the transaction commits (before, a re-render would still read the old
rows): it deletes the entries from the shared ``pages`` cache, which every node reads, and
then asks each configured frontend cache (``WAGTAILFRONTENDCACHE``: the nginx of every node,
a CDN) to drop the same URLs, in a background task so an editor's save never waits on them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_init, post_save

from . import store
from .deps import list_tag, object_tag
from .fragments import is_fragment

log = logging.getLogger(__name__)

CREATED, SAVED, DELETED = "created", "saved", "deleted"
_model_rules: dict[type, Callable[[object, str], Iterable[str]]] = {}
# Everything purged in this process, for tests and the cluster check ({tags}, {urls}).
purge_log: list[tuple[frozenset[str], frozenset[str]]] = []


def default_tags(instance, event: str) -> list[str]:
    """The object itself; and every list of its model when it appears or disappears."""
    label = instance._meta.label
    tags = [object_tag(label, instance.pk)]
    if event in (CREATED, DELETED):
        tags.append(list_tag(label))
    return tags


def enabled() -> bool:
    """Whether anything is cached that purges must reach (pages, or parts of pages)."""
    return bool(getattr(settings, "PAGE_CACHE_ENABLED", False) or getattr(settings, "FRAGMENT_CACHE_ENABLED", False))


def purge_now(tags: Iterable[str]) -> set[str]:
    """Purge at once (after commit); returns the URLs purged."""
    tags = frozenset(tags)
    try:
        urls = store.purge_tags(tags)
    except Exception:
        log.exception("Page cache purge failed for %s", sorted(tags)[:5])
        return set()
    purge_log.append((tags, frozenset(urls)))
    del purge_log[:-200]
    page_urls = sorted(url for url in urls if not is_fragment(url))
    if page_urls and getattr(settings, "WAGTAILFRONTENDCACHE", None):
        from pbgdpl.core.tasks import purge_frontend_caches

        try:
            purge_frontend_caches.enqueue(page_urls)
        except Exception:
            log.exception("Could not enqueue the frontend cache purge")
    return urls


def purge(*tags: str) -> None:
    """Purge pages depending on ``tags`` once the current transaction commits."""
    if not tags:
        return
    transaction.on_commit(lambda: purge_now(tags))


def purge_object(label: str, pk, *, listed: bool = True) -> None:
    """One object changed (``listed``: and lists showing its model may change)."""
    tags = [object_tag(label, pk)]
    if listed:
        tags.append(list_tag(label))
    purge(*tags)


_public_rules: dict[type, Callable[[object], bool]] = {}
_ignored_fields: dict[type, frozenset[str]] = {}
_WAS_PUBLIC = "_pagecache_was_public"


def _remember_public(sender, instance, **kwargs) -> None:
    setattr(instance, _WAS_PUBLIC, _public_rules[sender](instance) if instance.pk is not None else False)


def _shown_publicly(sender, instance) -> bool:
    rule = _public_rules.get(sender)
    if rule is None:
        return True
    return bool(getattr(instance, _WAS_PUBLIC, False) or rule(instance))


def visibility_changed(instance, public_now: bool) -> bool:
    """Whether a save of ``instance`` (registered with ``public=``) put it on or took it off the site."""
    return bool(getattr(instance, _WAS_PUBLIC, False)) != bool(public_now)


def _on_save(sender, instance, created: bool, raw: bool = False, update_fields=None, **kwargs) -> None:
    if raw or not _shown_publicly(sender, instance):
        return
    if update_fields and set(update_fields) <= _ignored_fields.get(sender, frozenset()):
        return
    purge(*_model_rules[sender](instance, CREATED if created else SAVED))


def _on_delete(sender, instance, **kwargs) -> None:
    if _shown_publicly(sender, instance):
        purge(*_model_rules[sender](instance, DELETED))


def register_model(model, tags: Callable[[object, str], Iterable[str]] | None = None, *,
                   public: Callable[[object], bool] | None = None, ignore_fields: Iterable[str] = ()) -> None:
    """Purge on every save and delete of ``model``: ``tags(instance, event)`` says what.

    ``public(instance)``: whether the public site shows the object; a change to one that is
    not shown, and was not when loaded, purges nothing (a draft, a question not yet answered).
    ``ignore_fields``: saves that write only these (bookkeeping) purge nothing either.
    """
    _model_rules[model] = tags or default_tags
    _ignored_fields[model] = frozenset(ignore_fields)
    uid = f"pagecache-{model._meta.label}"
    if public is not None:
        _public_rules[model] = public
        post_init.connect(_remember_public, sender=model, weak=False, dispatch_uid=uid)
    post_save.connect(_on_save, sender=model, weak=False, dispatch_uid=uid)
    post_delete.connect(_on_delete, sender=model, weak=False, dispatch_uid=uid)
