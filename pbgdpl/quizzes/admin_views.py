"""Organiser views in the Wagtail admin: rounds with live counters and flags, closing, results export,
disqualification, and the question bank's Excel import/export."""

from __future__ import annotations

import logging

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from pbgdpl.core.numbers import parse_ascii_int

from . import selectors, services, spreadsheets
from .models import Attempt, Pool, Question, Round

logger = logging.getLogger(__name__)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_UPLOAD = 5 * 1024 * 1024


def can_run_contests(user) -> bool:
    return user.has_perm("quizzes.change_contest")


def _xlsx(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class OrganiserMixin(WagtailAdminTemplateMixin):
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        if not can_run_contests(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        items = self.breadcrumbs_items + [{"url": reverse("quizzes_admin:rounds"), "label": _("Cuộc thi trực tuyến")}]
        if self.page_title != _("Cuộc thi trực tuyến"):
            items.append({"url": "", "label": self.page_title})
        return items


class RoundsView(OrganiserMixin, TemplateView):
    template_name = "quizzes/admin/rounds.html"
    page_title = _("Cuộc thi trực tuyến")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        rounds = Round.objects.select_related("contest").order_by("-opens_at")[:50]
        context["rows"] = [{"round": r, "counts": selectors.live_counters(r, now), "open": r.is_open(now)}
                           for r in rounds]
        return context


class RoundView(OrganiserMixin, TemplateView):
    template_name = "quizzes/admin/round.html"
    page_title = _("Theo dõi đợt thi")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        round_ = get_object_or_404(Round.objects.select_related("contest"), pk=self.kwargs["pk"])
        context.update({
            "round": round_, "counts": selectors.live_counters(round_), "flags": selectors.suspicious_flags(round_),
            "disqualified": Attempt.objects.filter(round=round_, disqualified=True).select_related("contestant"),
            "top": Attempt.objects.filter(round=round_, counts=True).select_related("contestant__unit")
            .order_by("rank")[:50],
            "now": timezone.now(),
        })
        return context

    def post(self, request, pk):
        round_ = get_object_or_404(Round.objects.select_related("contest"), pk=pk)
        action = request.POST.get("action")
        try:
            if action == "close":
                services.close_round(round_)
                messages.success(request, _("Đã tổng kết đợt thi: điểm, xếp hạng, giải và thống kê đã được tính."))
            elif action in {"publish", "unpublish"}:
                if action == "publish" and round_.closed_at is None:
                    raise services.QuizError("Cần tổng kết đợt thi trước khi công bố kết quả.")
                round_.results_published = action == "publish"
                round_.save(update_fields=["results_published"])
                messages.success(request, _("Đã cập nhật việc công bố kết quả."))
            elif action == "disqualify":
                attempt_id = parse_ascii_int(request.POST.get("attempt"))
                if attempt_id is None:
                    raise services.QuizError("Không tìm thấy bài thi cần hủy kết quả.")
                attempt = get_object_or_404(Attempt, pk=attempt_id, round=round_)
                services.disqualify(attempt, request.POST.get("reason", ""))
                logger.info("User %s disqualified attempt %s", request.user.pk, attempt.pk)
                messages.success(request, _("Đã hủy kết quả. Tổng kết lại đợt thi để trao lại giải."))
        except services.QuizError as error:
            messages.error(request, str(error))
        return redirect("quizzes_admin:round", pk=round_.pk)


class RoundExportView(OrganiserMixin, TemplateView):
    def get(self, request, pk):
        round_ = get_object_or_404(Round.objects.select_related("contest"), pk=pk)
        logger.info("User %s exported results of round %s", request.user.pk, round_.pk)
        return _xlsx(spreadsheets.export_round_results(round_), f"ket-qua-dot-{round_.number}-{round_.contest.slug}.xlsx")


class CopyQuestionView(OrganiserMixin, TemplateView):
    """Copy a question to the other pool (contest ↔ practice): the only way to use it for both."""

    template_name = "quizzes/admin/copy_question.html"
    page_title = _("Sao chép câu hỏi sang nhóm khác")

    def _question_and_target(self) -> tuple[Question, str]:
        question = get_object_or_404(Question, pk=self.kwargs["pk"])
        return question, Pool.PRACTICE if question.pool == Pool.CONTEST else Pool.CONTEST

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        question, target = self._question_and_target()
        context.update({"question": question, "target_label": Pool(target).label})
        return context

    def post(self, request, pk):
        question, target = self._question_and_target()
        copy = services.copy_to_pool(question, target)
        logger.info("User %s copied question %s to the %s pool as %s", request.user.pk, question.pk, target, copy.pk)
        messages.success(request, _("Đã tạo bản sao; hãy kiểm tra rồi thêm vào đợt thi hoặc bài luyện tập."))
        from .wagtail_hooks import viewsets

        return redirect(viewsets["questions"].get_url_name("edit"), copy.pk)


class ImportView(OrganiserMixin, TemplateView):
    template_name = "quizzes/admin/import.html"
    page_title = _("Nhập câu hỏi từ Excel")

    def post(self, request):
        upload = request.FILES.get("file")
        context = self.get_context_data()
        if upload is None:
            context["errors"] = [spreadsheets.RowError(0, "", "Vui lòng chọn tệp Excel (.xlsx).")]
        elif upload.size > MAX_UPLOAD or not upload.name.lower().endswith(".xlsx"):
            context["errors"] = [spreadsheets.RowError(0, "", "Chỉ nhận tệp .xlsx không quá 5 MB.")]
        else:
            imported, errors = spreadsheets.import_questions(upload.read())
            context.update({"errors": errors, "imported": imported, "filename": upload.name})
            if imported:
                services.forget_answer_keys()
        return self.render_to_response(context)


def template_download(request):
    if not can_run_contests(request.user):
        raise PermissionDenied
    return _xlsx(spreadsheets.template_workbook(), "mau-nhap-cau-hoi.xlsx")


def bank_export(request):
    if not can_run_contests(request.user):
        raise PermissionDenied
    return _xlsx(spreadsheets.export_questions(), "ngan-hang-cau-hoi.xlsx")
