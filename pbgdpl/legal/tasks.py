"""Background jobs of the legal registry (registered as periodic jobs in ``LegalConfig.ready()``)."""

from django_tasks import task

from .services import refresh_all_validity


@task()
def refresh_validity() -> int:
    """Daily: statuses change as dates pass (a law comes into force, a replacement takes effect)."""
    return len(refresh_all_validity())
