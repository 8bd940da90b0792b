"""/tra-cuu/ban-an/: published judgments and precedents, searchable and filterable, names masked."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from pbgdpl.core.breadcrumbs import trail
from pbgdpl.core.htmx import is_htmx_partial
from pbgdpl.core.numbers import parse_ascii_int
from pbgdpl.core.text import search_key

from ..forms import JudgmentSearchForm
from ..models import Judgment
from ..models.judgments import NATIONAL_PORTAL

FRAME_WORDS = {"ban", "an", "le", "ve", "cua", "toa"}


def judgments(request: HttpRequest) -> HttpResponse:
    form = JudgmentSearchForm(request.GET or None)
    rows = Judgment.objects.published()
    if form.is_valid():
        data = form.cleaned_data
        words = [w for w in search_key(data["q"]).split() if w not in FRAME_WORDS]
        for word in words:
            rows = rows.filter(search_text__contains=word)
        if data["loai"]:
            rows = rows.filter(kind=data["loai"])
        if data["linh_vuc"]:
            rows = rows.filter(case_type=data["linh_vuc"])
        if data["toa_an"]:
            rows = rows.filter(court=data["toa_an"])
        if data["nam"]:
            rows = rows.filter(judged_on__year=data["nam"])
    results = Paginator(rows, 20).get_page(parse_ascii_int(request.GET.get("page", ""), minimum=1) or 1)
    context = {"form": form, "results": results, "national_portal": NATIONAL_PORTAL,
               "trail": trail(("Tra cứu", reverse("lookups:index")), ("Bản án, án lệ", ""))}
    template = "lookups/_judgment_results.html" if is_htmx_partial(request) else "lookups/judgments.html"
    return render(request, template, context)


def judgment(request: HttpRequest, pk: int) -> HttpResponse:
    found = Judgment.objects.published().prefetch_related("provisions__document__doc_type").filter(pk=pk).first()
    if found is None:
        raise Http404
    context = {"judgment": found, "national_portal": NATIONAL_PORTAL,
               "trail": trail(("Tra cứu", reverse("lookups:index")), ("Bản án, án lệ", reverse("lookups:judgments")),
                              (f"{found.get_kind_display()} số {found.number}", ""))}
    return render(request, "lookups/judgment.html", context)
