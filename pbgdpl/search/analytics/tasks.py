"""Daily maintenance of search analytics, run by the worker (imported by ``pbgdpl.search.tasks``)."""

from django_tasks import task

from pbgdpl.core.periodic import register_periodic

from . import services


@task()
def maintain_search_analytics() -> dict[str, int]:
    """Roll hourly rows into daily ones and delete rows past the retention period."""
    return services.maintain()


register_periodic("search-analytics-maintain", every=24 * 3600, task=maintain_search_analytics)
