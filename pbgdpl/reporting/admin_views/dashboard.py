"""Totals of the user's unit (the province for the department) for one period: comparison with the
previous period, a chart per chosen indicator across the units below, and the XLSX export."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View

from .. import selectors
from ..aggregation import compare_with_previous, rollup
from ..charts import Bar, bar_chart
from ..models import Aggregation, Unit
from ..services.pdf import PdfUnavailable, xlsx_to_pdf
from ..services.spreadsheets import XLSX_TYPE, totals_workbook
from .base import ReportingMixin, refuse

CHART_UNITS = 20


class DashboardMixin(ReportingMixin):
    def dispatch(self, request, *args, **kwargs):
        self.root = selectors.top_unit_for(request.user) if request.user.is_authenticated else None
        return super().dispatch(request, *args, **kwargs)

    def units_below(self) -> list[Unit]:
        return list(Unit.objects.filter(parent=self.root, is_active=True).order_by("path"))


class DashboardView(DashboardMixin, TemplateView):
    template_name = "reporting/admin/dashboard.html"

    @property
    def page_title(self):
        return _("Tổng hợp – %(period)s") % {"period": self.period.label}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.root is None:
            refuse(self.request, "dashboard", self.period.pk)
        result = rollup(self.period, self.root)
        compared = compare_with_previous(self.period, self.root, result.of(self.root.pk))
        indicators = [i for i in result.indicators]
        wanted = self.request.GET.get("chi_tieu", "")
        chosen = next((i for i in indicators if i.code == wanted), indicators[0] if indicators else None)
        chart_rows = []
        chart = None
        if chosen is not None:
            previous = self.period.previous()
            before = rollup(previous, self.root) if previous else None
            for unit in self.units_below():
                value = result.of(unit.pk).get(chosen.code)
                if value is None:
                    continue
                chart_rows.append(Bar(unit.name, value, before.of(unit.pk).get(chosen.code) if before else None))
            chart_rows.sort(key=lambda bar: bar.value, reverse=True)
            chart_rows = chart_rows[:CHART_UNITS]
            chart = bar_chart(chart_rows, title=f"{chosen.code} – {chosen.name}")
        context.update({
            "period": self.period, "root": self.root, "compared": compared, "chosen": chosen,
            "indicators": indicators, "chart": chart, "chart_rows": chart_rows,
            "reporting_units": result.reporting_units.get(self.root.pk, 0),
            "expected_units": selectors.expected_units(self.period, self.root).exclude(pk=self.root.pk).count(),
            "previous": self.period.previous(), "Aggregation": Aggregation,
            "late": selectors.late_units(self.period, self.root),
        })
        return context


class ExportView(DashboardMixin, View):
    """The totals as XLSX (summary and per-unit sheets) or as PDF (the summary sheet printed by
    LibreOffice, so both files share one layout)."""

    as_pdf = False

    def get(self, request, *args, **kwargs):
        if self.root is None:
            refuse(request, "export", self.period.pk)
        result = rollup(self.period, self.root)
        data = totals_workbook(self.period, self.root, result, self.units_below(), per_unit=not self.as_pdf)
        name = f"tong-hop-{self.period.form.code}-{self.period.pk}".lower()
        if self.as_pdf:
            try:
                data = xlsx_to_pdf(data)
            except PdfUnavailable:
                messages.error(request, _("Chưa tạo được tệp PDF, hãy thử lại sau hoặc tải bảng Excel."))
                return HttpResponseRedirect(reverse("reporting_admin:dashboard", args=[self.period.pk]))
            response = HttpResponse(data, content_type="application/pdf")
            response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
            return response
        response = HttpResponse(data, content_type=XLSX_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response
