"""Background tasks of the search app (registered as periodic jobs in ``SearchConfig.ready()``)."""

from __future__ import annotations

from django_tasks import task


@task()
def apply_outbox_task() -> int:
    """Bring this node's index up to date with the outbox."""
    from .indexer import apply_outbox

    return apply_outbox()
