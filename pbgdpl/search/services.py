"""Writes of the search app that other apps call."""

import logging

from django.db import transaction

from .models import OutboxEntry

log = logging.getLogger(__name__)


def mark_changed(source_label: str, pk) -> None:
    """Queue an object for (re)indexing; call inside the transaction that changed it.

    Removal is the same call: the indexer asks the source for entries and drops the
    object's old entries when it returns none. Once the transaction commits, the indexer
    task is enqueued so the change is searchable within seconds.
    """
    OutboxEntry.objects.create(source=source_label, object_pk=str(pk))
    transaction.on_commit(_enqueue_indexer)


def _enqueue_indexer() -> None:
    from .tasks import apply_outbox_task

    try:
        apply_outbox_task.enqueue()
    except Exception:  # the periodic run catches up; never fail the editor's save
        log.exception("Could not enqueue the search indexer")
