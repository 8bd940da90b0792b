"""Background tasks of the search app (registered as periodic jobs in ``SearchConfig.ready()``)."""

from __future__ import annotations

from django_tasks import task

# One run of the embedding job stays short so the worker's other jobs keep their rhythm.
EMBED_SECONDS_PER_RUN = 20


@task()
def apply_outbox_task() -> int:
    """Bring this node's index up to date with the outbox."""
    from .indexer import apply_outbox

    return apply_outbox()


@task()
def embed_pending_task() -> int:
    """Compute waiting entry vectors for the semantic signal (a bounded slice per run)."""
    from .semantic import model
    from .semantic.embedding import embed_pending
    from .semantic.signal import site_store

    if not model.enabled():
        return 0
    return embed_pending(site_store(), max_seconds=EMBED_SECONDS_PER_RUN)
