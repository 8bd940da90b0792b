"""The public search: /tim-kiem/ (page and htmx partial), suggestions, JSON, click redirect."""

from __future__ import annotations

import functools
import hashlib
import logging
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from pbgdpl.core import pagecache
from pbgdpl.core.feeds import feed_links
from pbgdpl.core.htmx import is_htmx_partial
from pbgdpl.core.pagecache import fragments, hits
from pbgdpl.core.ratelimit import client_key

from . import answers, engine
from .analytics import selectors as analytics_selectors
from .analytics import services as analytics
from .forms import FACET_KEYS, FACET_LABELS, SORT_CHOICES, SearchParams, parse_params
from .index import SEARCH_RESULTS_TAG

log = logging.getLogger(__name__)

# Display names of content kinds (the "kind" facet and result labels).
KIND_LABELS = {
    "document": gettext_lazy("Văn bản"),
    "provision": gettext_lazy("Điều khoản"),
    "news": gettext_lazy("Tin bài"),
    "page": gettext_lazy("Trang giới thiệu"),
    "question": gettext_lazy("Hỏi đáp"),
    "media": gettext_lazy("Đa phương tiện"),
    "contest": gettext_lazy("Cuộc thi"),
}


def _kind_label(kind: str, default: str = "") -> str:
    """The built-in kinds' labels, then the ones other apps registered."""
    return str(KIND_LABELS[kind]) if kind in KIND_LABELS else answers.kind_label(kind, default)


# Validity status (as the legal app labels it) → the site's badge class.
VALIDITY_BADGES = {
    "Còn hiệu lực": "badge-valid",
    "Hết hiệu lực một phần": "badge-partial",
    "Hết hiệu lực toàn bộ": "badge-expired",
    "Không còn phù hợp": "badge-expired",
    "Chưa có hiệu lực": "badge-pending",
    "Ngưng hiệu lực": "badge-suspended",
    "Tạm ngưng hiệu lực": "badge-suspended",
}
SUGGEST_LIMIT = 8
FACET_VISIBLE = 8  # values shown before "Thêm n mục"
SEARCH_UNAVAILABLE = gettext_lazy("Chức năng tìm kiếm đang tạm gián đoạn. Vui lòng thử lại sau ít phút.")


def _facet_filters(params: SearchParams) -> dict[str, list[str]] | None:
    return {k: v for k, v in params.filters.items() if v} or None


def _run_search(params: SearchParams) -> engine.SearchPage | None:
    """The engine's answer, or None when the index cannot be read (logged, shown as a notice).

    Kept with the cached page parts until the index changes (the engine records the index's tag),
    each view decorating its own copy: a repeated search (staff, visitors with a
    session, the page cache off) skips the engine's ~5 ms."""
    filters = _facet_filters(params)
    variant = (params.q, params.sort, params.page, params.per_page,
               *(f"{key}={','.join(sorted(values))}" for key, values in sorted((filters or {}).items())))

    def build() -> engine.SearchPage:
        return engine.search(params.q, filters=filters, sort=params.sort, page=params.page, per_page=params.per_page)

    try:
        return fragments.cached_copy("search-results", variant, build)
    except Exception:
        log.exception("Search index unavailable for %r", params.q)
        return None


def _record(request: HttpRequest, params: SearchParams, result: engine.SearchPage) -> None:
    """Count a first-page search for the editors' statistics; never lets analytics break search."""
    if params.page != 1 or result.error:
        return
    # A cached copy of this page counts too; what it counts is kept with it (no parsing on each hit).
    hits.remember(request, search_total=result.total, search_q=params.q, search_filters=params.filters)
    try:
        analytics.record_search(params.q, params.filters, result.total, client=client_key(request))
    except Exception:
        log.exception("Could not record search analytics")


@functools.cache
def _counted_paths() -> tuple[str, str]:
    return reverse("search:search"), reverse("search:api")


def record_cached_search(request: HttpRequest, extras: dict) -> None:
    """Page cache hit hook: a search answered from the cache still counts in the statistics."""
    if "search_total" not in extras or request.path not in _counted_paths():
        return
    if is_htmx_partial(request) and request.headers.get("HX-Trigger") == "search-results":
        return
    if "search_q" in extras:
        query, filters = extras["search_q"], extras["search_filters"]
    else:  # stored before the parsed query was kept with the page
        params = parse_params(request.GET)
        query, filters = params.q, params.filters
    analytics.record_search(query, filters, extras["search_total"], client=client_key(request))


def _facet_panels(params: SearchParams, result: engine.SearchPage | None) -> list[dict]:
    """Facet groups to show: each value with its count, label and checkbox id."""
    panels = []
    facets = result.facets if result else {}
    for key in FACET_KEYS:
        values = list(facets.get(key) or [])
        selected = set(params.filters.get(key, []))
        known = {fv.value for fv in values}
        # A selected value the engine no longer reports stays visible so it can be unticked.
        values += [engine.FacetValue(value=v, count=0, selected=True) for v in sorted(selected - known)]
        if not values:
            continue
        if key == "year":
            values.sort(key=lambda fv: fv.value, reverse=True)
        items = [
            {
                "value": fv.value,
                "label": _kind_label(fv.value, fv.value) if key == "kind" else fv.value,
                "count": fv.count,
                "selected": fv.selected or fv.value in selected,
                # Stable across requests so htmx can give focus back to the box just ticked.
                "id": f"f-{key}-{hashlib.blake2s(fv.value.encode(), digest_size=4).hexdigest()}",
            }
            for fv in values
        ]
        panels.append(
            {
                "key": key,
                "label": FACET_LABELS[key],
                "items": items,
                "visible": FACET_VISIBLE,
                "more": max(0, len(items) - FACET_VISIBLE),
                # The hidden tail opens by itself when one of its values is ticked.
                "open": any(item["selected"] for item in items[FACET_VISIBLE:]),
            }
        )
    return panels


def _open_url(url: str, key: str, q: str) -> str:
    """A result link through the click counter (/tim-kiem/mo/), or the URL itself if not local."""
    if not _is_local_path(url):
        return url
    return reverse("search:open") + "?" + urlencode({"to": url, "key": key, "q": q})


def _decorate(result: engine.SearchPage | None, q: str) -> list[dict]:
    """Groups with what the template needs: badge, kind label, click-tracking links."""
    if result is None:
        return []
    groups = []
    for group in result.groups:
        validity = (group.facets.get("validity") or [""])[0]
        groups.append(
            {
                "group": group,
                "validity": validity,
                "badge": VALIDITY_BADGES.get(validity, "badge-unknown"),
                "kind_label": _kind_label(group.kind),
                "doc_type": (group.facets.get("doc_type") or [""])[0],
                "issuer": (group.facets.get("issuer") or [""])[0],
                "open_url": _open_url(group.url, group.key, q),
                "hits": [
                    {
                        "hit": hit,
                        "kind_label": _kind_label(hit.kind),
                        "open_url": _open_url(hit.url, hit.key, q),
                    }
                    for hit in group.hits
                ],
            }
        )
    return groups


def _answer(result: engine.SearchPage | None, q: str) -> dict | None:
    """The answer card: the provision that clearly answers, its validity badge, and the
    published Q&As that rank near it."""
    if result is None or result.answer is None:
        return None
    hit = result.answer
    return {
        "hit": hit,
        "open_url": _open_url(hit.url, hit.key, q),
        "badge": VALIDITY_BADGES.get(hit.validity, "badge-unknown"),
        "questions": [{"hit": qa, "open_url": _open_url(qa.url, qa.key, q)} for qa in result.answer_questions],
    }


def _pages(params: SearchParams, result: engine.SearchPage | None) -> dict | None:
    """Previous/next and nearby page numbers, as links that keep the query and filters."""
    if result is None or result.num_pages <= 1:
        return None
    last = min(result.num_pages, 100)
    current = min(params.page, last)
    numbers = sorted({1, last, *range(max(1, current - 1), min(last, current + 1) + 1)})
    items, previous = [], 0
    for number in numbers:
        if number - previous > 1:
            items.append({"gap": True})
        items.append({"number": number, "current": number == current, "href": "?" + params.querydict(page=number).urlencode()})
        previous = number
    return {
        "items": items,
        "previous": "?" + params.querydict(page=current - 1).urlencode() if current > 1 else "",
        "next": "?" + params.querydict(page=current + 1).urlencode() if current < last else "",
    }


def _feed(params: SearchParams) -> dict:
    """This search as a feed (same query and filters, newest first)."""
    query = params.querydict(page=1, sort="relevance").urlencode()
    return feed_links(_("Kết quả tìm kiếm “%(q)s”") % {"q": params.q}, "search:feed_{fmt}", query=query)


@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    """/tim-kiem/: the search page, or only its results region for an htmx request."""
    params = parse_params(request.GET)
    params.per_page = engine.PAGE_SIZE
    result = None
    unavailable = False
    if params.q and "q" not in params.errors:
        result = _run_search(params)
        unavailable = result is None
        # Ticking a filter or changing the sort with htmx refines the same search: count it once.
        refining = is_htmx_partial(request) and request.headers.get("HX-Trigger") == "search-results"
        if result is not None and not refining:
            _record(request, params, result)
        if result is not None and result.total and params.page > result.num_pages:
            # An old or edited link past the end: show the last page and say so, not an empty list
            # (after counting: a later page is not a new search, even when it becomes page 1).
            params.errors.setdefault("page", []).append(
                _("Chỉ có %(pages)d trang kết quả; đang hiển thị trang cuối.") % {"pages": result.num_pages})
            params.page = result.num_pages
            result = _run_search(params)
    context = {
        "params": params,
        "result": result,
        "groups": _decorate(result, params.q),
        "answer": _answer(result, params.q),
        "instant_answers": answers.instant_answers(params.q) if result is not None and params.page == 1 else [],
        "facet_panels": _facet_panels(params, result),
        "sort_choices": SORT_CHOICES,
        "pages": _pages(params, result),
        "popular": [
            {"query": query, "url": reverse("search:search") + "?" + urlencode({"q": query})}
            for query in (analytics_selectors.popular_queries() if not params.q else [])
        ],
        "direct_hit_url": _open_url(result.direct_hit.url, result.direct_hit.key, params.q)
        if result and result.direct_hit
        else "",
        "suggestion_url": "?" + params.querydict(q=result.suggestion, page=1).urlencode()
        if result and result.suggestion
        else "",
        "without_filters_url": "?" + urlencode({"q": params.q}) if params.has_filters else "",
        "form_error": params.errors.get("q", [""])[0],
        # A bad page number or sort falls back to the default; say so rather than guess silently.
        "param_error": next((msgs[0] for name, msgs in params.errors.items() if name != "q" and msgs), ""),
        "unavailable_message": SEARCH_UNAVAILABLE if unavailable else "",
        "feed": _feed(params) if result is not None and not result.error else None,
    }
    template = "search/_results.html" if is_htmx_partial(request) else "search/search.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_GET
def suggest_view(request: HttpRequest) -> HttpResponse:
    """/tim-kiem/goi-y/?q=: document titles and numbers as you type (JSON, or HTML for htmx)."""
    prefix = (request.GET.get("q") or "").strip()[:100]
    pagecache.record(SEARCH_RESULTS_TAG)
    try:
        suggestions = engine.suggest(prefix, limit=SUGGEST_LIMIT) if len(prefix) >= 2 else []
    except Exception:
        log.exception("Suggest failed for %r", prefix)
        suggestions = []
    if is_htmx_partial(request) or request.GET.get("format") == "html":
        return render(request, "search/_suggest.html", {"suggestions": suggestions, "q": prefix})
    if request.GET.get("format") == "opensearch":
        # Browsers' search bars: [query, [completions], [descriptions], [urls]].
        data = [
            prefix,
            [s.title for s in suggestions],
            [s.doc_number for s in suggestions],
            [request.build_absolute_uri(s.url) if s.url else "" for s in suggestions],
        ]
        response = JsonResponse(data, safe=False, json_dumps_params={"ensure_ascii": False})
        response["Content-Type"] = "application/x-suggestions+json; charset=utf-8"
        return response
    data = [
        {"title": s.title, "url": s.url, "doc_number": s.doc_number, "kind": s.kind, "kind_label": _kind_label(s.kind)}
        for s in suggestions
    ]
    response = JsonResponse({"q": prefix, "suggestions": data}, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "public, max-age=60"
    return response


def _hit_json(request: HttpRequest, hit: engine.ResultHit) -> dict:
    return {
        "key": hit.key,
        "kind": hit.kind,
        "title": hit.title,
        "url": request.build_absolute_uri(hit.url) if hit.url else "",
        "snippet_html": hit.snippet_html,
        "score": round(hit.score, 4),
    }


@require_GET
def api_view(request: HttpRequest) -> JsonResponse:
    """/tim-kiem/api/: the same search as JSON. Bad parameters give a 400 with a Vietnamese message."""
    params = parse_params(request.GET)
    if not params.is_valid:
        return JsonResponse(
            {"error": params.first_error(), "errors": params.errors}, status=400, json_dumps_params={"ensure_ascii": False}
        )
    if not params.q:
        return JsonResponse(
            {"error": _("Thiếu từ khóa tìm kiếm (tham số q)."), "errors": {"q": [_("Bắt buộc.")]}},
            status=400,
            json_dumps_params={"ensure_ascii": False},
        )
    result = _run_search(params)
    if result is None:
        return JsonResponse({"error": str(SEARCH_UNAVAILABLE)}, status=503, json_dumps_params={"ensure_ascii": False})
    if result.error:
        return JsonResponse({"error": result.error}, status=400, json_dumps_params={"ensure_ascii": False})
    _record(request, params, result)
    pq = result.query
    data = {
        "query": {
            "text": params.q,
            "normalized": getattr(pq, "normalized", ""),
            "folded": getattr(pq, "folded", ""),
            "doc_number": getattr(pq, "doc_number", None),
            "provision_ref": getattr(pq, "provision_ref", None),
            "filters": params.filters,
            "sort": params.sort,
        },
        "total": result.total,
        "page": params.page,
        "per_page": params.per_page,
        "num_pages": result.num_pages,
        "groups": [
            {
                "key": group.key,
                "title": group.title,
                "url": request.build_absolute_uri(group.url) if group.url else "",
                "doc_number": group.doc_number,
                "kind": group.kind,
                "date": group.date.isoformat() if group.date else None,
                "facets": group.facets,
                "score": round(group.score, 4),
                "hits": [_hit_json(request, hit) for hit in group.hits],
            }
            for group in result.groups
        ],
        "facets": {
            key: [{"value": fv.value, "count": fv.count, "selected": fv.selected} for fv in values]
            for key, values in result.facets.items()
        },
        "direct_hit": _hit_json(request, result.direct_hit) if result.direct_hit else None,
        "answer": _hit_json(request, result.answer) | {"validity": result.answer.validity} if result.answer else None,
        "answer_questions": [_hit_json(request, qa) for qa in result.answer_questions],
        "suggestion": result.suggestion,
        "elapsed_ms": round(result.elapsed_ms, 1),
    }
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


def _is_local_path(target: str) -> bool:
    """Only paths on this site: no scheme, no host, no protocol-relative or backslash tricks."""
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        return False
    if any(ord(ch) < 32 for ch in target):
        return False
    return url_has_allowed_host_and_scheme(target, allowed_hosts=None)


@require_GET
def open_result(request: HttpRequest) -> HttpResponse:
    """/tim-kiem/mo/?to=…&key=…&q=…: count a click on a result, then go there (local paths only)."""
    target = request.GET.get("to", "")
    if not _is_local_path(target):
        return HttpResponseBadRequest(
            _("Liên kết không hợp lệ: chỉ mở được các trang của cổng thông tin này."),
            content_type="text/plain; charset=utf-8",
        )
    try:
        analytics.record_click(request.GET.get("q", ""), request.GET.get("key", ""), target, client=client_key(request))
    except Exception:
        log.exception("Could not record a search click")
    response = HttpResponseRedirect(target)
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
def opensearch(request: HttpRequest) -> HttpResponse:
    """/tim-kiem/opensearch.xml: lets browsers add the portal's search to their search bar."""
    from django.conf import settings

    context = {
        "short_name": _("Tìm kiếm pháp luật"),
        "description": settings.WAGTAIL_SITE_NAME,
        "search_url": request.build_absolute_uri(reverse("search:search")),
        "suggest_url": request.build_absolute_uri(reverse("search:suggest")),
    }
    response = render(request, "search/opensearch.xml", context, content_type="application/opensearchdescription+xml")
    response["Cache-Control"] = "public, max-age=86400"
    return response
