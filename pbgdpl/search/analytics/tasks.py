"""Daily maintenance of search analytics, run by the worker."""

from django_tasks import task

from . import services


@task()
def maintain_search_analytics() -> dict[str, int]:
    """Roll hourly rows into daily ones and delete rows past the retention period."""
    return services.maintain()


def register() -> None:
    """Register the daily job with the worker's scheduler (when the core app provides one)."""
    try:
        from pbgdpl.core.periodic import register_periodic
    except ImportError:
        return
    register_periodic("search-analytics-maintain", every=24 * 3600, task=maintain_search_analytics)
