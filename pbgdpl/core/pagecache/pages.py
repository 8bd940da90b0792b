"""Wagtail's side of the page cache: page and setting tags, and what publishing purges.

* Every page instance loaded while a cacheable response renders adds ``page:<id>`` (the page
  itself, a menu item, a breadcrumb step, a card in a list).
* Code that lists a page's children adds ``children:<parent id>`` (:func:`record_children`).
* Publishing, unpublishing, moving or deleting a page purges ``page:<id>`` (everything that
  showed it) and ``children:<parent id>`` (lists it enters or leaves), plus ``pages:all``
  (the sitemap). Scheduled publication goes through the same ``page_published`` signal.
* Site settings (``PortalSettings``, shown by every page's header and footer) add their tag
  when read and purge it when saved.
"""

from __future__ import annotations

from django.db.models.signals import post_delete
from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import deps, invalidation

ALL_PAGES = "pages:all"


def page_tag(page_id) -> str:
    return f"page:{page_id}"


def children_tag(page_id) -> str:
    return f"children:{page_id}"


def record_children(parent) -> None:
    """The response lists ``parent``'s children (a menu, a section's sub-pages, an index)."""
    deps.record(children_tag(parent.pk))


def _parent_id(page) -> int | None:
    if page.depth is None or page.depth <= 1:
        return None
    parent_path = page.path[: -Page.steplen]
    return Page.objects.filter(path=parent_path).values_list("pk", flat=True).first()


def _page_tags(page) -> list[str]:
    tags = [page_tag(page.pk), ALL_PAGES]
    parent_id = _parent_id(page)
    if parent_id is not None:
        tags.append(children_tag(parent_id))
    for extra in getattr(page.specific_deferred, "page_cache_tags", lambda: [])():
        tags.append(extra)
    return tags


def _on_publish_change(sender, instance, **kwargs) -> None:
    invalidation.purge(*_page_tags(instance))


def _on_move(sender, instance, parent_page_before=None, parent_page_after=None, **kwargs) -> None:
    tags = [page_tag(instance.pk), ALL_PAGES]
    for parent in (parent_page_before, parent_page_after):
        if parent is not None:
            tags.append(children_tag(parent.pk))
    invalidation.purge(*tags)


def _on_delete(sender, instance, **kwargs) -> None:
    if getattr(instance, "live", False):
        invalidation.purge(*_page_tags(instance))


def _page_instance_tags(page) -> tuple[str]:
    return (page_tag(page.pk),)


def connect(setting_models=()) -> None:
    """Track every page type and the given site settings; purge on publishing changes."""
    for model in {Page, *get_page_models()}:
        deps.track_model(model, _page_instance_tags)
    page_published.connect(_on_publish_change, dispatch_uid="pagecache-page-published")
    page_unpublished.connect(_on_publish_change, dispatch_uid="pagecache-page-unpublished")
    post_page_move.connect(_on_move, dispatch_uid="pagecache-page-moved")
    post_delete.connect(_on_delete, sender=Page, dispatch_uid="pagecache-page-deleted")
    for model in setting_models:
        deps.track_model(model)
        invalidation.register_model(model)
    # A page made private (or public again) must leave or enter the public cache at once, with its
    # subtree: pages below it recorded its tag when their route was walked.
    invalidation.register_model(PageViewRestriction, lambda restriction, event: [page_tag(restriction.page_id), ALL_PAGES])
