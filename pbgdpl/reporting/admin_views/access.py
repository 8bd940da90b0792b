"""A commune's legal-access self-assessment for a year: its figures by indicator give banded points,
criterion points and pass/fail at once; the level above records the province's decision."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from .. import selectors
from ..access_scoring import indicators_of, score
from ..models import AccessFramework, AccessResult, UnitKind
from ..services.access import AccessRefused, decide, parse_figures, save_self_assessment
from .base import ReportingMixin, refuse


class AccessView(ReportingMixin, TemplateView):
    template_name = "reporting/admin/access.html"

    @property
    def page_title(self):
        return _("Tự đánh giá chuẩn tiếp cận pháp luật %(year)s – %(unit)s") % {"year": self.kwargs["year"],
                                                                                 "unit": self.unit.name}

    def setup_objects(self):
        if self.unit.kind != UnitKind.COMMUNE:
            raise Http404("Only communes assess the legal-access standard.")
        self.year = self.kwargs["year"]
        self.result = AccessResult.objects.filter(commune=self.unit, year=self.year).select_related("framework").first()
        self.framework = self.result.framework if self.result else AccessFramework.for_year(self.year)
        if self.framework is None:
            raise Http404("No framework applies to this year.")

    def get(self, request, *args, **kwargs):
        self.setup_objects()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, raw=None, errors=None, **kwargs):
        context = super().get_context_data(**kwargs)
        stored = self.result.figures if self.result else {}
        # Typed text is shown back as typed; stored figures the Vietnamese way ("85,5").
        figures = raw if raw is not None else {k: str(v).replace(".", ",") for k, v in stored.items()}
        user = self.request.user
        context.update({
            "year": self.year, "unit": self.unit, "framework": self.framework, "result": self.result,
            "card": score(self.framework, self.result.figures if self.result else {},
                          self.result.points if self.result else {}),
            "figures": figures, "errors": errors or {},
            "can_enter": selectors.can_enter(user, self.unit) and not (self.result and self.result.decision),
            "can_decide": bool(self.result) and selectors.can_review(user, self.unit),
            "today": datetime.date.today(),
        })
        return context

    def post(self, request, *args, **kwargs):
        self.setup_objects()
        action = request.POST.get("action", "")
        try:
            if action in ("recognise", "refuse"):
                if not selectors.can_review(request.user, self.unit) or self.result is None:
                    refuse(request, "access decision for unit", self.unit.pk)
                date = _date(request.POST.get("decision_date", ""))
                decide(self.result, request.user, recognise=action == "recognise",
                       number=request.POST.get("decision_number", ""), date=date)
                messages.success(request, _("Đã ghi quyết định của tỉnh."))
                return HttpResponseRedirect(request.path)
            if not selectors.can_enter(request.user, self.unit):
                refuse(request, "access self-assessment for unit", self.unit.pk)
            numbers = [i.number for i in indicators_of(self.framework)]
            raw = {n: request.POST.get(f"f_{n}", "") for n in numbers}
            figures, errors = parse_figures(raw, numbers)
            if errors:
                messages.error(request, _("Chưa lưu: có %(n)s ô cần sửa.") % {"n": len(errors)})
                return self.render_to_response(self.get_context_data(raw=raw, errors=errors), status=400)
            result = save_self_assessment(self.unit, self.year, self.framework, figures)
        except AccessRefused as error:
            messages.error(request, str(error))
            return HttpResponseRedirect(request.path)
        messages.success(request, _("Đã lưu. Tổng %(total)s điểm: %(verdict)s.") % {
            "total": f"{result.total.normalize():f}",
            "verdict": _("đủ điều kiện đạt chuẩn") if result.passed else _("chưa đủ điều kiện đạt chuẩn")})
        return HttpResponseRedirect(request.path)


def _date(text: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text.strip())
    except ValueError:
        return None


class AccessListView(ReportingMixin, TemplateView):
    """The communes below the user's unit for a year: self-assessed total, pass/fail, decision."""

    template_name = "reporting/admin/access_list.html"

    @property
    def page_title(self):
        return _("Chuẩn tiếp cận pháp luật năm %(year)s") % {"year": self.kwargs["year"]}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = self.kwargs["year"]
        communes = selectors.reviewable_units(self.request.user).filter(kind=UnitKind.COMMUNE, is_active=True)
        results = {r.commune_id: r for r in AccessResult.objects.filter(year=year, commune__in=communes)}
        context.update({"year": year, "rows": [(c, results.get(c.pk)) for c in communes.order_by("name")]})
        return context
