"""/tai-lieu-tuyen-truyen/: outreach materials, filterable and searchable without diacritics."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from pbgdpl.core.breadcrumbs import trail
from pbgdpl.core.htmx import is_htmx_partial
from pbgdpl.core.pagecache import list_tag
from pbgdpl.core.pagecache.deps import depends_on
from pbgdpl.core.text import vietnamese_slug

from ..forms import MaterialFilterForm
from ..models import Material
from .common import filter_words, paginate, section_page, serve_file

TITLE = "Tài liệu tuyên truyền"


@require_GET
@depends_on(list_tag("media.Material"))
def index(request: HttpRequest) -> HttpResponse:
    form = MaterialFilterForm(request.GET or None)
    rows = Material.objects.published().select_related("field")
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        rows = filter_words(rows, data["q"])
        for key, column in (("loai", "kind"), ("linh_vuc", "field_id"), ("doi_tuong", "audience"), ("nam", "year")):
            if data[key]:
                rows = rows.filter(**{column: data[key]})
    context = {"form": form, "results": paginate(request, rows), "section": section_page("/tai-lieu-tuyen-truyen/"),
               "trail": trail((TITLE, ""))}
    template = "media/_material_results.html" if is_htmx_partial(request) else "media/materials.html"
    return render(request, template, context)


def _published(pk: int) -> Material:
    material = Material.objects.published().select_related("field").filter(pk=pk).first()
    if material is None:
        raise Http404
    return material


@require_GET
def detail(request: HttpRequest, pk: int, slug: str = "") -> HttpResponse:
    material = _published(pk)
    if slug != material.slug:
        return redirect(material.get_absolute_url(), permanent=True)
    context = {"material": material,
               "trail": trail((TITLE, reverse("media:materials")), (material.title, ""))}
    return render(request, "media/material.html", context)


@require_GET
def download(request: HttpRequest, pk: int) -> HttpResponse:
    material = _published(pk)
    name = f"{vietnamese_slug(material.title, 80) or 'tai-lieu'}.{material.extension.lower()}"
    return serve_file(material.file, download_name=name)


@require_GET
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    return serve_file(_published(pk).preview, content_type="image/jpeg")


@require_GET
def pdf(request: HttpRequest, pk: int) -> HttpResponse:
    return serve_file(_published(pk).pdf, content_type="application/pdf")
