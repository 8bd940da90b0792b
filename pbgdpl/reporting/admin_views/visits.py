"""Visit statistics in the admin: views and visitors per day (chart + table), sections, pages,
devices and referrers over a chosen range, exportable as CSV."""

from __future__ import annotations

import csv
import datetime
from collections import Counter

from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from pbgdpl.core.exports import csv_row
from pbgdpl.core.numbers import parse_ascii_int

from ..charts import Bar, bar_chart
from ..models import DailyVisits

DEVICE_NAMES = {"mobile": _("Điện thoại"), "desktop": _("Máy tính"), "tablet": _("Máy tính bảng")}


def can_view_visits(user) -> bool:
    return user.has_perm("reporting.view_dailyvisits")


class VisitsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "reporting/admin/visits.html"
    page_title = _("Thống kê truy cập")
    header_icon = "view"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_visits(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def period(self) -> tuple[datetime.date, datetime.date, int]:
        days = parse_ascii_int(self.request.GET.get("ngay", ""), minimum=1, maximum=366) or 30
        end = timezone.localdate() - datetime.timedelta(days=1)
        return end - datetime.timedelta(days=days - 1), end, days

    def get(self, request, *args, **kwargs):
        if request.GET.get("dang") == "csv":
            return self.csv()
        return super().get(request, *args, **kwargs)

    def csv(self):
        start, end, _days = self.period()
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="truy-cap-{start}-{end}.csv"'
        response.write("\ufeff")
        writer = csv.writer(response)
        writer.writerow(["ngay", "trang", "chuyen_muc", "luot_xem", "nguoi_truy_cap"])
        for row in DailyVisits.objects.filter(day__range=(start, end)).order_by("day", "path"):
            writer.writerow(csv_row([row.day.isoformat(), row.path or "(toàn trang)", row.section, row.views,
                                     row.visitors]))
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        start, end, days = self.period()
        rows = DailyVisits.objects.filter(day__range=(start, end))
        totals = list(rows.filter(path="").order_by("day"))
        devices, referrers = Counter(), Counter()
        for row in totals:
            devices.update(row.devices)
            referrers.update(row.referrers)
        sections = (rows.exclude(path="").values("section").annotate(views=Sum("views")).order_by("-views")[:15])
        pages = rows.exclude(path="").values("path").annotate(views=Sum("views")).order_by("-views")[:20]
        bars = [Bar(row.day.strftime("%d/%m"), row.views) for row in totals]
        context.update({
            "start": start, "end": end, "days": days, "totals": totals,
            "views": sum(r.views for r in totals), "visitors": sum(r.visitors for r in totals),
            "chart": bar_chart(bars, title=str(_("Lượt xem theo ngày"))) if bars else None,
            "sections": sections, "pages": pages,
            "devices": [(DEVICE_NAMES.get(k, k), v) for k, v in devices.most_common()],
            "referrers": referrers.most_common(15),
        })
        return context
