"""Writes of the search app that other apps call."""

from .models import OutboxEntry


def mark_changed(source_label: str, pk) -> None:
    """Queue an object for (re)indexing; call inside the transaction that changed it.

    Removal is the same call: the indexer asks the source for entries and drops the
    object's old entries when it returns none.
    """
    OutboxEntry.objects.create(source=source_label, object_pk=str(pk))
