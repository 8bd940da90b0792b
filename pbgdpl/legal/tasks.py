"""Background jobs of the legal registry."""

from django_tasks import task

from pbgdpl.core.periodic import register_periodic

from .services import refresh_all_validity


@task()
def refresh_validity() -> int:
    """Daily: statuses change as dates pass (a law comes into force, a replacement takes effect)."""
    return len(refresh_all_validity())


register_periodic("legal-refresh-validity", every=24 * 3600, task=refresh_validity)
