"""Every save or delete of a media item queues it for the search index (its source decides if it is public)."""

from __future__ import annotations

from pbgdpl.search.services import mark_changed


def item_changed(sender, instance, **kwargs) -> None:
    mark_changed(sender._meta.label, instance.pk)


def lesson_changed(sender, instance, **kwargs) -> None:
    mark_changed("media.Course", instance.course_id)
