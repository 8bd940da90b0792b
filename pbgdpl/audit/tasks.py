from django_tasks import task

from pbgdpl.core.periodic import register_periodic

from .services import prune


@task()
def prune_audit_log() -> int:
    """Daily: drop audit entries older than AUDIT_RETENTION_DAYS."""
    return prune()


register_periodic("audit-prune", every=24 * 3600, task=prune_audit_log)
