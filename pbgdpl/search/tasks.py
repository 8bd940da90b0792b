"""Background tasks of the search app."""

from __future__ import annotations

from django_tasks import task


@task()
def apply_outbox_task() -> int:
    """Bring this node's index up to date with the outbox."""
    from .indexer import apply_outbox

    return apply_outbox()


# The daily search-analytics job lives with the analytics module; importing it registers it.
from .analytics import tasks as _analytics_tasks  # noqa: E402, F401

try:  # the periodic catch-up (every node's worker keeps its replica current)
    from pbgdpl.core.periodic import register_periodic
except ImportError:  # pragma: no cover - core without periodic jobs
    register_periodic = None

if register_periodic is not None:
    register_periodic("search-apply-outbox", every=5, task=apply_outbox_task)
