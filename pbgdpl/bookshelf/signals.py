"""Side effects of saving bookshelf objects: search outbox, page-cache purge, book (re)building.

Admin forms and the demo loader both save models directly, so these live on the models' signals:
a new or replaced book file is built by the worker after commit; every change marks the object for
the search index and purges the shelf's cached pages.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save

from pbgdpl.search.services import mark_changed

from .models import Audiobook, AudiobookChapter, Book, BookStatus, Episode, PodcastShow
from .pagecache_tags import LIBRARY_TAG


def _file_changed(sender, instance: Book, **kwargs) -> None:
    old = Book.objects.filter(pk=instance.pk).values_list("file", flat=True).first() if instance.pk else None
    instance._rebuild = old != instance.file.name
    if instance._rebuild:
        instance.status = BookStatus.PENDING  # the worker builds it; the old chapters stay until then


def _book_saved(sender, instance: Book, created=False, update_fields=None, **kwargs) -> None:
    mark_changed("bookshelf.Book", instance.pk)
    if getattr(instance, "_rebuild", False):
        instance._rebuild = False
        from .tasks import build_book_task

        transaction.on_commit(lambda: build_book_task.enqueue(instance.pk))


def _episode_changed(sender, instance, **kwargs) -> None:
    mark_changed("bookshelf.Episode", instance.pk)


def _show_changed(sender, instance, **kwargs) -> None:
    for pk in Episode.objects.filter(show_id=instance.pk).values_list("pk", flat=True):
        mark_changed("bookshelf.Episode", pk)


def _audiobook_changed(sender, instance, **kwargs) -> None:
    mark_changed("bookshelf.Audiobook", getattr(instance, "audiobook_id", instance.pk))


def connect() -> None:
    from pbgdpl.core import pagecache

    pre_save.connect(_file_changed, sender=Book, dispatch_uid="bookshelf-book-file")
    post_save.connect(_book_saved, sender=Book, dispatch_uid="bookshelf-book-saved")
    post_delete.connect(_book_saved, sender=Book, dispatch_uid="bookshelf-book-deleted")
    for model, handler in ((Episode, _episode_changed), (PodcastShow, _show_changed),
                           (Audiobook, _audiobook_changed), (AudiobookChapter, _audiobook_changed)):
        post_save.connect(handler, sender=model, dispatch_uid=f"bookshelf-{model.__name__}-saved")
        post_delete.connect(handler, sender=model, dispatch_uid=f"bookshelf-{model.__name__}-deleted")
    for model in (Book, PodcastShow, Episode, Audiobook, AudiobookChapter):
        pagecache.register_model(model, lambda instance, event: [LIBRARY_TAG])
