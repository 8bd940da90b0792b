"""System checks for deployment safety (``manage.py check``, ``check --deploy``).

* ``core.E001``: a per-process cache while more than one web worker may run (issue 10, finding 6).
  ``config/asgi.py`` calls :func:`require_shared_cache` too, because uvicorn runs no system checks.
* ``core.E002`` (deploy): the default Wagtail site still says ``localhost``, so the sitemap and
  every absolute page link would point there (finding 16).
"""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError

from config.settings.safety import is_loopback, per_process_cache_problem


def _cache_problem() -> str | None:
    return per_process_cache_problem(settings.CACHES, settings.WEB_CONCURRENCY)


def require_shared_cache() -> None:
    """Refuse to serve when rate limits would be counted per worker process."""
    problem = _cache_problem()
    if problem:
        raise ImproperlyConfigured(problem)


@register(Tags.caches)
def check_shared_cache(app_configs, **kwargs) -> list[Error]:
    problem = _cache_problem()
    return [Error(problem, id="core.E001")] if problem else []


@register(Tags.sites, deploy=True)
def check_site_hostname(app_configs, **kwargs) -> list[Error]:
    from wagtail.models import Site

    try:
        site = Site.objects.filter(is_default_site=True).first()
    except DatabaseError:  # not migrated yet: nothing to check
        return []
    if site is None or not is_loopback(site.hostname):
        return []
    return [Error(
        f"The default site's host name is {site.hostname!r}: the sitemap and page links would point there.",
        hint="Set BASE_URL and run 'manage.py bootstrap', or edit the site under Cài đặt › Trang web.",
        id="core.E002",
    )]
