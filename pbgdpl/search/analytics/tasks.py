"""Daily maintenance of search analytics, run by the worker (registered in ``SearchConfig.ready()``)."""

from django_tasks import task

from . import services


@task()
def maintain_search_analytics() -> dict[str, int]:
    """Roll hourly rows into daily ones and delete rows past the retention period."""
    return services.maintain()
