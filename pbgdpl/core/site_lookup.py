"""The request's Wagtail site without a query on every request.

Wagtail finds the site of each request with a query (hostname, port, default site): about a tenth
of the CPU of a search page. Sites change almost never: each process remembers, per host and
port, the site Wagtail found for ``SITE_LOOKUP_SECONDS`` and hands it to later requests (a site
edited in the admin is forgotten at once in the process that saved it, within that time in the
others). A request that never asks for its site (``/healthz``, static files) costs nothing.
The portal settings, read by every page, come from the cache of page parts
(``PortalSettings.for_request``).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from wagtail.models import Site

_sites: dict[tuple[str, int | str], tuple[float, Site | None]] = {}
_MAX_HOSTS = 100  # many host names: an attack or a misconfiguration; stay small


def _forget_sites(**kwargs) -> None:
    _sites.clear()


post_save.connect(_forget_sites, sender=Site, dispatch_uid="site-lookup-forget-saved")
post_delete.connect(_forget_sites, sender=Site, dispatch_uid="site-lookup-forget-deleted")


class SiteLookupMiddleware:
    """Gives the request the site remembered for its host (``request._wagtail_site``, where Wagtail
    looks first), and remembers the one Wagtail found for a host not seen lately."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        key = (split_domain_port(request._get_raw_host())[0], request.get_port())
        now = time.monotonic()
        remembered = _sites.get(key)
        if remembered is not None and remembered[0] > now:
            request._wagtail_site = remembered[1]
            return self.get_response(request)
        response = self.get_response(request)
        seconds = getattr(settings, "SITE_LOOKUP_SECONDS", 30)
        if seconds > 0 and hasattr(request, "_wagtail_site"):
            if len(_sites) >= _MAX_HOSTS:
                _sites.clear()
            _sites[key] = (now + seconds, request._wagtail_site)
        return response
