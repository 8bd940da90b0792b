"""Background tasks of the core app (registered as periodic jobs in ``CoreConfig.ready()``)."""

from __future__ import annotations

import io

from django.core.management import call_command
from django_tasks import task

# The daily prune job deletes successful task results after a day (periodic jobs add one
# row per run, and the scheduler's due-check reads them) and keeps failures two weeks.
SUCCESSFUL_RESULT_RETENTION_DAYS = 1
FAILED_RESULT_RETENTION_DAYS = 14


@task()
def publish_scheduled() -> str:
    """Publish pages and snippets whose go-live time has passed and unpublish expired ones.

    Runs Wagtail's ``publish_scheduled`` command; returns what it printed (usually nothing).
    """
    output = io.StringIO()
    call_command("publish_scheduled", stdout=output)
    return output.getvalue()[-2000:]


@task()
def prune_task_results() -> None:
    """Delete old finished task results so the queue table stays small."""
    from django_tasks_db.backend import DatabaseBackend

    if isinstance(prune_task_results.get_backend(), DatabaseBackend):
        call_command(
            "prune_db_task_results",
            queue_name="*",
            min_age_days=SUCCESSFUL_RESULT_RETENTION_DAYS,
            failed_min_age_days=FAILED_RESULT_RETENTION_DAYS,
            verbosity=0,
        )


@task()
def purge_frontend_caches(urls: list[str]) -> int:
    """Ask every frontend cache (WAGTAILFRONTENDCACHE: each node's nginx, a CDN) to drop ``urls``."""
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    purge_urls_from_cache(urls)
    return len(urls)


@task()
def prune_page_cache_index() -> int:
    """Forget dependency rows of cached pages that have expired on their own."""
    from .pagecache.store import prune_index

    return prune_index()
