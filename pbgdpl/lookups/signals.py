"""A published penalty decree is read into violations by the worker; unpublishing hides them."""

from __future__ import annotations

from django.db import transaction


def document_published(sender, instance, **kwargs) -> None:
    from .penalties.services import is_penalty_decree
    from .tasks import sync_penalty_decree

    if is_penalty_decree(instance):
        # After commit: the worker must see the new version and its provisions.
        transaction.on_commit(lambda: sync_penalty_decree.enqueue(instance.pk))


def document_unpublished(sender, instance, **kwargs) -> None:
    from .penalties.lookup import bump_version

    transaction.on_commit(bump_version)
