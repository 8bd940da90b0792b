"""Operational endpoints and error pages."""

import logging

from django.db import connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import captcha
from .breadcrumbs import trail

logger = logging.getLogger(__name__)


@never_cache
def healthz(request):
    """Report whether the database answers; load balancers and monitors poll this."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        logger.exception("health check: database unreachable")
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok", "vendor": connection.vendor})


@never_cache
@require_GET
def altcha_challenge(request):
    """A fresh ALTCHA challenge for the widget on any public form (includes/altcha_field.html)."""
    return JsonResponse(captcha.create_challenge())



def open_data(request):
    """"Dữ liệu mở": the feeds, the documents' JSON and the sitemap, explained for people."""
    example = "/van-ban/91-2015-qh13.json"
    from . import pagecache
    from .open_data import bulk_datasets, datasets
    from .open_data_bulk import BULK_TAG, published_files

    pagecache.record(BULK_TAG)  # regenerating the bulk files purges this page
    return render(request, "core/open_data.html", {
        "example": example,
        "datasets": datasets(),
        "bulk": [{"dataset": d, "files": published_files(d)} for d in bulk_datasets()],
        "trail": trail(("Dữ liệu mở", "")),
    })


def robots_txt(request):
    sitemap_url = request.build_absolute_uri("/sitemap.xml")
    lines = ["User-agent: *", "Disallow: /quan-tri/", "Disallow: /tim-kiem/", f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """Render the 500 page without context processors: the database may be what failed."""
    try:
        html = loader.get_template("500.html").render()
    except Exception:
        logger.exception("the 500 template itself failed to render")
        html = "<!doctype html><title>Lỗi hệ thống</title><h1>Xin lỗi, hệ thống đang gặp sự cố</h1>"
    return HttpResponseServerError(html)
