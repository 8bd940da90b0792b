"""/van-ban/ (filters with facet counts) and the named lists (mới ban hành, sắp có hiệu lực, …)."""

from __future__ import annotations

import dataclasses

from django.core.paginator import Page, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from pbgdpl.core import pagecache
from pbgdpl.core.breadcrumbs import trail
from pbgdpl.core.feeds import feed_links
from pbgdpl.core.htmx import is_htmx_partial
from pbgdpl.core.pagecache import fragments

from .. import selectors
from ..models import DocumentType, Field, Issuer, LegalDocument, Validity
from .params import ListingParams, parse_listing

PER_PAGE = 20

# Validity value → the site's badge class (site.css): text and icon, never colour alone.
BADGES = {
    Validity.IN_FORCE: "badge-valid",
    Validity.PARTLY_EXPIRED: "badge-partial",
    Validity.EXPIRED: "badge-expired",
    Validity.NO_LONGER_SUITABLE: "badge-expired",
    Validity.NOT_YET: "badge-pending",
    Validity.SUSPENDED: "badge-suspended",
    Validity.TEMPORARILY_SUSPENDED: "badge-suspended",
}


def badge_class(status: str) -> str:
    return BADGES.get(status, "badge-unknown")


def paginate(queryset, params: ListingParams) -> Page:
    """The requested page; past the end, the last page with a message (never a 404)."""
    paginator = Paginator(queryset, PER_PAGE)
    number = params.page
    if number > paginator.num_pages:
        if paginator.count:
            params.errors.append(
                _("Không có trang %(page)s; đang hiển thị trang cuối (%(last)s).")
                % {"page": number, "last": paginator.num_pages}
            )
        number = paginator.num_pages
    return paginator.page(number)


def _decorate(page: Page) -> list[dict]:
    """Rows with the status at the page's reference date and its badge class."""
    rows = []
    for document in page.object_list:
        status = getattr(document, "validity_at", document.validity)
        rows.append({"document": document, "status": Validity(status).label, "badge": badge_class(status)})
    return rows




def _list_links() -> list[dict]:
    return [{"slug": item.slug, "title": item.title} for item in selectors.LISTS.values()]


def listing_feed(params: ListingParams) -> tuple[dict, dict]:
    """The feed of what the list shows (one field or one type ticked, else all new documents) and
    what a visitor would follow by e-mail from here (``{"kind": …, "slug": …}`` or empty)."""
    fields, types = params.filters.get("linh_vuc"), params.filters.get("loai")
    for values, others, model, url, kind in ((fields, types, Field, "legal:field_{fmt}", "field"),
                                               (types, fields, DocumentType, "legal:type_{fmt}", "type")):
        if len(values) == 1 and not others:
            vocabulary = model.objects.filter(slug=values[0]).first()
            if vocabulary is not None:
                title = _("Văn bản pháp luật mới – %(name)s") % {"name": vocabulary.name}
                return feed_links(title, url, kwargs={"slug": vocabulary.slug}), {"kind": kind, "slug": vocabulary.slug}
    return feed_links(_("Văn bản pháp luật mới"), "legal:{fmt}"), {}


def cached_facet_counts(base, filters: selectors.Filters) -> list[selectors.Facet]:
    """The facet counts, reused until a document or a vocabulary changes (the filters are
    validated values, so the variants are few)."""

    def build() -> list[selectors.Facet]:
        for model in (LegalDocument, DocumentType, Issuer, Field):
            pagecache.record_list(model)
        return selectors.facet_counts(base, filters)

    variant = (filters.on.isoformat(), *(f"{key}={','.join(sorted(filters.get(key)))}" for key in selectors.FACET_KEYS))
    return fragments.cached("document-facets", variant, build)


def cached_page(base, params: ListingParams) -> Page:
    """The requested page of the list, reused until a document or a vocabulary changes: counting,
    filtering with each document's validity at the date and loading the rows is ~11 ms of ORM
    work. The message about a page past the end is kept with it."""

    def build() -> bytes:
        for model in (LegalDocument, DocumentType, Issuer, Field):
            pagecache.record_list(model)
        queryset = selectors.listing_rows(
            selectors.filter_documents(base, params.filters, annotate=True).order_by(*selectors.SORTS[params.sort]))
        building = dataclasses.replace(params, errors=[])
        page = paginate(queryset, building)
        return page.paginator.count, page.number, list(page.object_list), building.errors

    variant = (params.filters.on.isoformat(), params.sort, params.page,
               *(f"{key}={','.join(sorted(values))}" for key, values in sorted(params.filters.values.items())))
    count, number, documents, errors = fragments.cached_copy("document-page", variant, build)
    params.errors.extend(errors)
    paginator = Paginator(documents, PER_PAGE)
    paginator.count = count  # the whole list's count (a cached property of the paginator)
    return Page(documents, number, paginator)


@require_GET
def document_index(request: HttpRequest) -> HttpResponse:
    """Every enacted public document, filterable; facet counts computed in the database."""
    params = parse_listing(request.GET)
    pagecache.record_list(LegalDocument)
    base = selectors.enacted_documents()
    page = cached_page(base, params)
    feed, follow = listing_feed(params)
    context = {
        "params": params,
        "page_obj": page,
        "rows": _decorate(page),
        "feed": feed,
        "follow": follow,
        "facets": cached_facet_counts(base, params.filters),
        "sorts": list(selectors.SORT_LABELS.items()),
        "lists": _list_links(),
        "on_is_today": not params.date_given,
        "trail": trail((_("Văn bản pháp luật"), "")),
    }
    template = "legal/_index_results.html" if is_htmx_partial(request) else "legal/document_index.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_GET
def document_list(request: HttpRequest, slug: str) -> HttpResponse:
    """One of the named lists, at today's date or ``?ngay=``."""
    if slug not in selectors.LISTS:
        raise Http404
    params = parse_listing(request.GET, facets=False)
    pagecache.record_list(LegalDocument)
    queryset = selectors.listing_rows(selectors.list_documents(slug, params.filters.on))
    page = paginate(queryset, params)
    context = {
        "params": params,
        "page_obj": page,
        "rows": _decorate(page),
        "current_list": selectors.LISTS[slug],
        "feed": feed_links(_("Văn bản pháp luật mới"), "legal:{fmt}"),
        "lists": _list_links(),
        "on_is_today": not params.date_given,
        "trail": trail((_("Văn bản pháp luật"), reverse("legal:index")), (str(selectors.LISTS[slug].title), "")),
    }
    return render(request, "legal/document_list.html", context)
