"""Wagtail's page serving with each path's route remembered until the pages on it change.

Wagtail finds the page of a URL by walking the tree from the site's root, one query for each
level and one more for each page's specific type: five queries for a news article, on every
request. The page a path leads to only changes when a page on the way is published, unpublished,
moved or deleted, and each of those purges the ``page:<id>`` tags that the walk recorded
(:mod:`pbgdpl.core.pagecache.pages`). So the walk's result (the page's model and id) is kept with
the cached parts of pages (:mod:`pbgdpl.core.pagecache.fragments`), and a request then loads the
page with one query; whether the page is open to everyone (no view restriction on the way) is kept
too, so Wagtail's restriction check costs nothing for it. Routes with extra arguments (sub-pages of routable pages), missing pages and
anything but GET/HEAD take Wagtail's own way.
"""

from __future__ import annotations

from django.apps import apps
from django.http import HttpRequest, HttpResponse
from django.urls import re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

from pbgdpl.core.pagecache import fragments


def _walk(request: HttpRequest, path: str) -> tuple[str, int, bool] | None:
    """(model, id, open to everyone) of the page at ``path``; "open" means no view restriction on
    it or above it and no alias on the way (an alias takes its source's restrictions)."""
    route = Page.route_for_request(request, path)  # Wagtail's walk; it keeps the result on the request
    if route is None:
        return None
    page, args, kwargs = route
    if args or kwargs:
        return None
    on_the_way = page.get_ancestors(inclusive=True)
    open_to_all = not on_the_way.filter(alias_of__isnull=False).exists() and not page.get_view_restrictions().exists()
    return page._meta.label, page.pk, open_to_all


def _remembered_route(request: HttpRequest, site: Site, path: str):
    found = fragments.cached("page-route", (site.pk, path), lambda: _walk(request, path),
                             shareable=lambda value: value is not None)
    if found is None or len(found) != 3 or hasattr(request, "_wagtail_route_for_request"):
        return None  # not cacheable, the walk just ran for this request, or an entry of another shape
    label, pk, open_to_all = found
    page = apps.get_model(label).objects.filter(pk=pk, live=True).first()
    if page is None:
        return None
    if open_to_all:
        # Wagtail's before-serve check asks for the restrictions again (two queries); adding one
        # purges this route (pagecache.pages purges page:<id> on any restriction change).
        page.get_view_restrictions = PageViewRestriction.objects.none
    return RouteResult(page)


def serve(request: HttpRequest, path: str) -> HttpResponse:
    if (fragments.enabled() and request.method in ("GET", "HEAD")
            and not hasattr(request, "_wagtail_route_for_request")):
        site = Site.find_for_request(request)
        route = _remembered_route(request, site, path) if site is not None else None
        if route is not None:
            request._wagtail_route_for_request = route
    return wagtail_views.serve(request, path)


# Wagtail's own URLs, with its page-serving pattern pointing here (config/urls.py includes this).
urlpatterns = [pattern for pattern in wagtail_urls.urlpatterns if getattr(pattern, "name", "") != "wagtail_serve"]
urlpatterns.append(re_path(wagtail_urls.serve_pattern, serve, name="wagtail_serve"))
