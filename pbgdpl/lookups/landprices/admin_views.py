"""Admin: import a land price table from the XLSX template (all rows or none), download the template."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from pbgdpl.geo.communes import portal_communes

from ..forms import LandPriceImportForm
from .importer import import_table, template_workbook

PERMISSION = "lookups.add_landpricetable"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _require(request: HttpRequest) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def download_template(request: HttpRequest) -> HttpResponse:
    _require(request)
    response = HttpResponse(template_workbook(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="mau-bang-gia-dat.xlsx"'
    return response


def import_view(request: HttpRequest) -> HttpResponse:
    _require(request)
    form = LandPriceImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        result = import_table(
            data["file"].read(), title=data["title"], valid_from=data["valid_from"], valid_to=data["valid_to"],
            decision=data["decision_number"], position_rules=data["position_rules"], is_sample=data["is_sample"],
            source_file=data["file"].name, communes=portal_communes(request),
        )
        if result.ok:
            messages.success(request, f"Đã nhập {result.rows} dòng vào “{result.table.title}”.")
            return redirect("lookups_land_tables:index")
        errors = result.errors
    return TemplateResponse(request, "lookups/admin/land_import.html", {"form": form, "errors": errors})
