from django_tasks import task

from .services import prune


@task()
def prune_audit_log() -> int:
    """Daily: drop audit entries older than AUDIT_RETENTION_DAYS."""
    return prune()
