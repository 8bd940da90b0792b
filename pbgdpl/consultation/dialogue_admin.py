"""Staff screens for policy dialogues (/quan-tri/doi-thoai-chinh-sach/): the sessions, and one
session's desk with pending questions to approve or reject and an answer box per approved question.
Every save here happens in a staff request, so pbgdpl.audit records who decided what."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.snippets.views.snippets import SnippetViewSet

from . import dialogue_services as services
from .dialogue_models import Dialogue, DialogueQuestion, QuestionStatus

PERMISSION = "consultation.moderate_dialogue"


def can_view(user) -> bool:
    return user.has_perm(PERMISSION)


class DialogueViewSet(SnippetViewSet):
    """Create and edit sessions (topic, officials, times, documents, transcript)."""

    model = Dialogue
    icon = "group"
    menu_label = _("Phiên đối thoại")
    add_to_admin_menu = False
    list_display = ["title", "starts_at", "live"]
    panels = [FieldPanel("title"), FieldPanel("slug"), FieldPanel("summary"), FieldPanel("officials"),
              FieldPanel("starts_at"), FieldPanel("ends_at"), FieldPanel("documents"), FieldPanel("transcript"),
              FieldPanel("live")]


class StaffMixin(WagtailAdminTemplateMixin):
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not can_view(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        items = self.breadcrumbs_items + [{"url": reverse("dialogue_admin:index"), "label": _("Đối thoại chính sách")}]
        if self.page_title != _("Đối thoại chính sách"):
            items.append({"url": "", "label": self.page_title})
        return items


class IndexView(StaffMixin, TemplateView):
    template_name = "consultation/dialogue/admin/index.html"
    page_title = _("Đối thoại chính sách")

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "dialogues": Dialogue.objects.annotate(
            pending_count=Count("questions", filter=Q(questions__status=QuestionStatus.PENDING)))}


class DeskView(StaffMixin, TemplateView):
    template_name = "consultation/dialogue/admin/desk.html"
    page_title = _("Điều hành phiên đối thoại")

    def get_context_data(self, **kwargs):
        dialogue = get_object_or_404(Dialogue, pk=self.kwargs["pk"])
        questions = dialogue.questions.order_by("created_at", "id")
        return {**super().get_context_data(**kwargs), "dialogue": dialogue,
                "pending": questions.filter(status=QuestionStatus.PENDING),
                "approved": questions.filter(status=QuestionStatus.APPROVED).order_by("-votes", "created_at")}

    def post(self, request, pk: int):
        question = get_object_or_404(DialogueQuestion, pk=request.POST.get("question", "0") or 0, dialogue_id=pk)
        action = request.POST.get("action", "")
        if action in ("approve", "reject"):
            services.moderate(question, approve=action == "approve")
            messages.success(request, _("Đã duyệt câu hỏi.") if action == "approve" else _("Đã không đăng câu hỏi."))
        elif action == "answer":
            try:
                services.publish_answer(question, request.POST.get("answer", "")[:10000])
            except ValueError:
                messages.error(request, _("Chỉ trả lời được câu hỏi đã duyệt."))
            else:
                messages.success(request, _("Đã đăng trả lời."))
        return HttpResponseRedirect(reverse("dialogue_admin:desk", args=[pk]) + f"#ch-{question.pk}")


admin_urls = (
    [path("", IndexView.as_view(), name="index"), path("<int:pk>/", DeskView.as_view(), name="desk")],
    "dialogue_admin",
)
