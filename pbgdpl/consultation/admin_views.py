"""Staff screens (Wagtail admin, /quan-tri/gop-y-du-thao/): drafts, the summary per provision with
moderation and responses, and the XLSX/DOCX report. Moderators' and responders' saves are audited by
pbgdpl.audit (every staff save is)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from pbgdpl.legal.models import LegalDocument

from . import exports, selectors, services
from .models import Comment, Consultation, Status

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def can_view(user) -> bool:
    return user.has_perm("consultation.moderate_comment") or user.has_perm("consultation.respond_comment")


class SettingsForm(forms.ModelForm):
    class Meta:
        model = Consultation
        fields = ["drafting_body", "moderation", "final_document"]


class StaffMixin(WagtailAdminTemplateMixin):
    header_icon = "comment"

    def dispatch(self, request, *args, **kwargs):
        if not can_view(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        items = self.breadcrumbs_items + [{"url": reverse("consultation_admin:index"), "label": _("Góp ý dự thảo")}]
        if self.page_title != _("Góp ý dự thảo"):
            items.append({"url": "", "label": self.page_title})
        return items


class IndexView(StaffMixin, TemplateView):
    template_name = "consultation/admin/index.html"
    page_title = _("Góp ý dự thảo")

    def get_context_data(self, **kwargs):
        drafts = (LegalDocument.objects.filter(is_draft_for_comment=True).defer("full_text")
                  .order_by("-comment_closes", "-id")
                  .annotate(counted=Count("consultation__comments", filter=Q(
                      consultation__comments__status__in=[Status.PENDING, Status.APPROVED])),
                      waiting=Count("consultation__comments", filter=Q(
                          consultation__comments__status=Status.PENDING))))
        return {**super().get_context_data(**kwargs), "drafts": drafts}


class DraftView(StaffMixin, TemplateView):
    """One draft: settings, and counted comments grouped by provision with moderation and responses."""

    template_name = "consultation/admin/draft.html"
    page_title = _("Tổng hợp góp ý")

    def dispatch(self, request, *args, **kwargs):
        if not can_view(request.user):
            raise PermissionDenied  # before get_or_create: an outsider creates nothing
        document = get_object_or_404(LegalDocument, pk=kwargs["pk"], is_draft_for_comment=True)
        self.consultation = services.consultation_for(document)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, form=None, **kwargs):
        user = self.request.user
        return {
            **super().get_context_data(**kwargs),
            "consultation": self.consultation,
            "document": self.consultation.document,
            "groups": selectors.staff_summary(self.consultation),
            "unverified": self.consultation.comments.filter(status=Status.UNVERIFIED).count(),
            "form": form or SettingsForm(instance=self.consultation),
            "can_moderate": user.has_perm("consultation.moderate_comment"),
            "can_respond": user.has_perm("consultation.respond_comment"),
            "can_configure": user.has_perm("consultation.change_consultation"),
        }

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action", "")
        if action == "settings":
            if not request.user.has_perm("consultation.change_consultation"):
                raise PermissionDenied
            form = SettingsForm(request.POST, instance=self.consultation)
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(form=form), status=400)
            form.save()
            messages.success(request, _("Đã lưu thiết lập lấy ý kiến."))
            return HttpResponseRedirect(request.path)
        comment = get_object_or_404(Comment, pk=request.POST.get("comment", "0") or 0, consultation=self.consultation)
        if action in ("approve", "reject"):
            if not request.user.has_perm("consultation.moderate_comment"):
                raise PermissionDenied
            if comment.status == Status.UNVERIFIED:
                messages.error(request, _("Góp ý chưa được xác nhận thư điện tử, chưa thể duyệt."))
            else:
                services.moderate(comment, approve=action == "approve")
                messages.success(request, _("Đã duyệt góp ý.") if action == "approve" else _("Đã không đăng góp ý."))
        elif action == "respond":
            if not request.user.has_perm("consultation.respond_comment"):
                raise PermissionDenied
            services.respond(comment, request.POST.get("response", "")[:10000])
            messages.success(request, _("Đã lưu nội dung tiếp thu, giải trình."))
        return HttpResponseRedirect(f"{request.path}#gy-{comment.pk}")


class ExportView(StaffMixin, View):
    page_title = _("Tải báo cáo")

    def get(self, request, pk: int, fmt: str):
        if fmt not in ("xlsx", "docx"):
            raise Http404
        document = get_object_or_404(LegalDocument, pk=pk, is_draft_for_comment=True)
        consultation = services.consultation_for(document)
        groups = selectors.staff_summary(consultation)
        if fmt == "xlsx":
            content, mime = exports.xlsx_bytes(consultation, groups), XLSX
        else:
            content, mime = exports.docx_bytes(consultation, groups), DOCX
        response = HttpResponse(content, content_type=mime)
        response["Content-Disposition"] = f'attachment; filename="tong-hop-y-kien-{document.slug[:60]}.{fmt}"'
        return response
