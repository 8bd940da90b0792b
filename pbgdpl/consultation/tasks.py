"""Background work of consultation: the daily clean-up of comments never verified."""

from __future__ import annotations

from django_tasks import task


@task()
def consultation_unverified_cleanup() -> int:
    from .services import delete_unverified

    return delete_unverified()
