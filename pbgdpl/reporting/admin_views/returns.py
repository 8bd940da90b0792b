"""A unit's return: entry (form or Excel), submission, review by the level above, history."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View

from .. import selectors
from ..models import ReturnEvent, ReturnStatus
from ..services import returns as services
from ..services.spreadsheets import XLSX_TYPE, UploadRefused, parse_upload, return_template
from ..validation import Checked
from .base import ReportingMixin, refuse


class HomeView(ReportingMixin, TemplateView):
    """The user's unit and its returns by period; periods to review for a unit with units below."""

    template_name = "reporting/admin/home.html"
    page_title = _("Báo cáo thống kê")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        unit = selectors.unit_of(user)
        rows = []
        if unit is not None:
            periods = selectors.periods_for(unit)
            by_period = {r.period_id: r for r in unit.returns.filter(period__in=periods)}
            rows = [(p, by_period.get(p.pk)) for p in periods]
        reviewable = selectors.reviewable_units(user).exists()
        context.update({"unit": unit, "rows": rows, "today": timezone.localdate(), "can_review": reviewable,
                        "access_year": timezone.localdate().year,
                        "review_periods": selectors.all_periods() if reviewable else []})
        return context


def _raw_from_post(post, indicators) -> dict[str, str]:
    return {i.code: post.get(f"v_{i.code}", "") for i in indicators if not i.is_computed}


class ReturnView(ReportingMixin, TemplateView):
    template_name = "reporting/admin/return.html"

    @property
    def page_title(self):
        return f"{self.unit.name} – {self.period.label}"

    def get_return(self):
        if not hasattr(self, "_return"):
            self._return = services.existing_or_blank(self.unit, self.period)
        return self._return

    def get_context_data(self, raw=None, checked: Checked | None = None, row_errors=None, **kwargs):
        context = super().get_context_data(**kwargs)
        ret = self.get_return()
        user = self.request.user
        indicators = self.period.form.ordered_indicators()
        stored = services.stored_figures(ret)
        errors = checked.errors if checked else {}
        fields = []
        for indicator in indicators:
            if raw is not None and not indicator.is_computed:
                value = raw.get(indicator.code, "")
            else:
                value = stored.get(indicator.code)
                value = "" if value is None else services.display_value(value, indicator)
            fields.append({"indicator": indicator, "value": value, "error": errors.get(indicator.code, "")})
        can_enter = selectors.can_enter(user, self.unit) and ret.is_editable
        context.update({
            "ret": ret, "period": self.period, "unit": self.unit, "fields": fields,
            "error_count": len(errors), "row_errors": row_errors or [],
            "can_enter": can_enter,
            "can_review": ret.status == ReturnStatus.SUBMITTED and selectors.can_review(user, self.unit),
            "events": ret.events.select_related("actor")[:50] if ret.pk else [],
            "late": timezone.localdate() > self.period.deadline and ret.status in (ReturnStatus.DRAFT,
                                                                                     ReturnStatus.RETURNED),
            "Status": ReturnStatus,
        })
        return context

    def post(self, request, *args, **kwargs):
        ret = self.get_return()
        action = request.POST.get("action", "")
        indicators = self.period.form.ordered_indicators()
        try:
            if action in ("accept", "send_back"):
                if not selectors.can_review(request.user, self.unit):
                    refuse(request, "review of unit", self.unit.pk)
                services.review(ret, request.user, accept=action == "accept", comment=request.POST.get("comment", ""))
                messages.success(request, _("Đã chấp nhận báo cáo.") if action == "accept"
                                 else _("Đã trả lại báo cáo cho đơn vị kèm ý kiến."))
                return HttpResponseRedirect(request.path)
            if not selectors.can_enter(request.user, self.unit):
                refuse(request, "entry for unit", self.unit.pk)
            ret = services.return_for(self.unit, self.period)  # the unit's own write: now it may exist
            if action == "upload":
                return self._upload(request, ret)
            raw = _raw_from_post(request.POST, indicators)
            if action == "autosave":
                checked = services.save_figures(ret, request.user, raw)
                return JsonResponse({"saved": checked.ok, "errors": checked.errors,
                                     "at": timezone.localtime().strftime("%H:%M")})
            if action == "submit":
                checked = services.submit(ret, request.user, raw)
            else:
                checked = services.save_figures(ret, request.user, raw)
        except services.WorkflowError as error:
            messages.error(request, str(error))
            return HttpResponseRedirect(request.path)
        if not checked.ok:
            messages.error(request, _("Chưa lưu: có %(n)s ô cần sửa (ghi rõ dưới từng ô).") % {"n": len(checked.errors)})
            return self.render_to_response(self.get_context_data(raw=raw, checked=checked), status=400)
        if action == "submit":
            ret.refresh_from_db()
            text = _("Đã nộp báo cáo. Cấp trên sẽ xem và duyệt.")
            if ret.submitted_late:
                text = _("Đã nộp báo cáo (sau hạn %(date)s). Cấp trên sẽ xem và duyệt.") % {
                    "date": self.period.deadline.strftime("%d/%m/%Y")}
            messages.success(request, text)
        else:
            messages.success(request, _("Đã lưu bản nháp."))
        return HttpResponseRedirect(request.path)

    def _upload(self, request, ret):
        upload = request.FILES.get("file")
        if upload is None:
            messages.error(request, _("Hãy chọn tệp Excel để tải lên."))
            return HttpResponseRedirect(request.path)
        try:
            parsed = parse_upload(ret, upload.read(4 * 1024 * 1024 + 1))
        except UploadRefused as error:
            messages.error(request, str(error))
            return HttpResponseRedirect(request.path)
        if parsed.row_errors:
            messages.error(request, _("Tệp có lỗi, chưa lưu số liệu nào. Sửa các dòng dưới đây rồi tải lên lại."))
            return self.render_to_response(self.get_context_data(row_errors=parsed.row_errors), status=400)
        checked = services.save_figures(ret, request.user, parsed.raw, action=ReturnEvent.Action.UPLOADED)
        if not checked.ok:  # the parser checked the same rules: only a race could get here
            messages.error(request, _("Tệp có lỗi, chưa lưu số liệu nào."))
        else:
            messages.success(request, _("Đã lưu số liệu từ tệp Excel. Kiểm tra lại rồi bấm «Nộp báo cáo»."))
        return HttpResponseRedirect(request.path)


class TemplateDownloadView(ReportingMixin, View):
    def get(self, request, *args, **kwargs):
        ret = services.existing_or_blank(self.unit, self.period)
        data = return_template(ret, services.stored_figures(ret))
        response = HttpResponse(data, content_type=XLSX_TYPE)
        name = f"bao-cao-{self.period.form.code}-{self.period.pk}-{self.unit.code}.xlsx".lower()
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


class ReviewListView(ReportingMixin, TemplateView):
    """Every unit below the user's for one period: status, late, links to review."""

    template_name = "reporting/admin/review_list.html"

    @property
    def page_title(self):
        return f"{self.period.form.code} – {self.period.label}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = selectors.returns_for_review(self.request.user, self.period)
        status = self.request.GET.get("status", "")
        today = timezone.localdate()
        late_ids = {u.pk for u in selectors.late_units(self.period, today=today)}
        if status == "late":
            rows = [(u, r) for u, r in rows if u.pk in late_ids]
        elif status in ReturnStatus.values:
            rows = [(u, r) for u, r in rows if (r.status if r else ReturnStatus.DRAFT) == status]
        context.update({"period": self.period, "rows": rows, "late_ids": late_ids, "status": status,
                        "statuses": ReturnStatus.choices, "deadline_passed": today > self.period.deadline})
        return context
