"""Public pages: the registries inside their section pages, and the open data at /du-lieu-mo/.

Search ignores diacritics ("hoa giai" finds "Hòa giải"); every list filters by commune. Nothing
personal is shown but what a person consented to publish (a reporter's contact).
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from pbgdpl.core.numbers import parse_ascii_int

from .models import AccessFramework, AccessResult, Bookshelf, MediationTeam, Reporter, Unit, UnitKind
from .models.registries import folded
from .pagecache import shows

PER_PAGE = 30


def _section(slug: str):
    from wagtail.models import Page

    return Page.objects.live().filter(url_path__endswith=f"/{slug}/").specific().first()


def _filtered(request, queryset, commune_field: str):
    q = request.GET.get("q", "").strip()[:100]
    commune = parse_ascii_int(request.GET.get("xa", ""))
    for word in folded(q).split():
        queryset = queryset.filter(search_text__contains=word)
    if commune is not None:
        queryset = queryset.filter(**{commune_field: commune})
    page = Paginator(queryset, PER_PAGE).get_page(parse_ascii_int(request.GET.get("page"), minimum=1) or 1)
    return page, q, commune


def _render(request, slug: str, title: str, template: str, page, q, commune, **extra):
    section = _section(slug)
    communes = Unit.objects.filter(kind=UnitKind.COMMUNE, is_active=True).order_by("name")
    trail = [{"title": _("Trang chủ"), "url": "/"}, {"title": section.title if section else title, "url": ""}]
    return render(request, template, {"section": section, "title": title, "page_obj": page, "q": q,
                                      "commune": commune, "communes": communes, "trail": trail, **extra})


def reporters(request):
    shows(Reporter, Unit)
    queryset = Reporter.objects.filter(is_active=True).select_related("unit")
    kind = request.GET.get("loai", "")
    if kind in Reporter.Kind.values:
        queryset = queryset.filter(kind=kind)
    page, q, commune = _filtered(request, queryset, "unit_id")
    return _render(request, "bao-cao-vien-phap-luat", _("Báo cáo viên pháp luật"), "reporting/reporters.html",
                   page, q, commune, kind=kind, kinds=Reporter.Kind.choices)


def mediation(request):
    shows(MediationTeam, Bookshelf, Unit)
    page, q, commune = _filtered(request, MediationTeam.objects.select_related("commune"), "commune_id")
    shelves = Bookshelf.objects.select_related("commune")
    if commune is not None:
        shelves = shelves.filter(commune_id=commune)
    return _render(request, "hoa-giai-o-co-so", _("Hòa giải ở cơ sở"), "reporting/mediation.html", page, q,
                   commune, bookshelves_count=shelves.count())


def access(request):
    shows(AccessResult, AccessFramework, Unit)
    queryset = AccessResult.objects.select_related("commune", "framework")
    year = parse_ascii_int(request.GET.get("nam", ""), minimum=2000, maximum=2100)
    if year is not None:
        queryset = queryset.filter(year=year)
    page, q, commune = _filtered(request, queryset, "commune_id")
    years = AccessResult.objects.order_by("-year").values_list("year", flat=True).distinct()
    return _render(request, "chuan-tiep-can-phap-luat", _("Chuẩn tiếp cận pháp luật"), "reporting/access.html",
                   page, q, commune, year=year, years=list(years))
