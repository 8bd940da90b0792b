"""One read of Wagtail's site root paths per request instead of one per page link.

``page.url`` in a template (menus, cards, breadcrumbs) asks the cache for the site root paths
each time, since the page has no request to keep them on: 14 cache round trips for the home page.
During a request this middleware keeps them once and hands them to every page instance loaded
(``post_init``), which is where Wagtail looks first.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable

from django.db.models.signals import post_init
from django.http import HttpRequest, HttpResponse

_holder: contextvars.ContextVar[list | None] = contextvars.ContextVar("site_root_paths", default=None)


def _give_paths(sender, instance, **kwargs) -> None:
    holder = _holder.get()
    if holder is None:
        return
    if not holder:
        from wagtail.models import Site

        holder.append(None)  # reading the paths loads pages too: do not come back here meanwhile
        holder[0] = Site.get_site_root_paths()
    if holder[0] is not None:
        instance._wagtail_cached_site_root_paths = holder[0]


def connect(page_models) -> None:
    for model in page_models:
        post_init.connect(_give_paths, sender=model, weak=False, dispatch_uid=f"site-paths-{model._meta.label}")


class SiteRootPathsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _holder.set([])
        try:
            return self.get_response(request)
        finally:
            _holder.reset(token)
