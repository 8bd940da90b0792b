"""Staff screens for policy dialogues (/quan-tri/doi-thoai-chinh-sach/): the sessions, and one
session's desk with pending questions to approve or reject and an answer box per approved question.
Every save here happens in a staff request, so pbgdpl.audit records who decided what."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.snippets.views.snippets import SnippetViewSet

from pbgdpl.core import people

from . import dialogue_services as services
from .dialogue_models import Dialogue, DialogueQuestion, QuestionStatus

MODERATE = "consultation.moderate_dialogue"  # editors and the board: every session, approve and answer
ANSWER = "consultation.answer_dialogue"      # the drafting body: answer, on the sessions it is assigned to


def can_view(user) -> bool:
    return user.has_perm(MODERATE) or user.has_perm(ANSWER)


def can_moderate(user) -> bool:
    return user.has_perm(MODERATE)


def dialogues_for(user):
    """The sessions whose desk ``user`` may open: all for moderators, the assigned ones for answerers."""
    if can_moderate(user):
        return Dialogue.objects.all()
    if user.has_perm(ANSWER):
        return Dialogue.objects.filter(answerers=user)
    return Dialogue.objects.none()


def answerer_label(user) -> str:
    """A drafting-body account as the person choosing answerers knows it: full name, then the unit."""
    name = people.full_name(user)
    # The unit a staff account belongs to, when it has one (pbgdpl/reporting UnitMembership).
    membership = getattr(user, "reporting_membership", None)
    return f"{name} ({membership.unit.name})" if membership is not None else name


class DialogueAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        answerers = self.fields["answerers"]
        answerers.queryset = answerers.queryset.select_related("reporting_membership__unit").order_by(
            *people.SORT_BY_GIVEN_NAME)
        answerers.label_from_instance = answerer_label


class DialogueViewSet(SnippetViewSet):
    """Create and edit sessions (topic, officials, times, documents, transcript)."""

    model = Dialogue
    icon = "group"
    menu_label = _("Phiên đối thoại")
    add_to_admin_menu = False
    list_display = ["title", "starts_at", "live"]
    edit_handler = ObjectList([
        FieldPanel("title"), FieldPanel("slug"), FieldPanel("summary"), FieldPanel("officials"),
        FieldPanel("answerers", widget=forms.CheckboxSelectMultiple), FieldPanel("starts_at"),
        FieldPanel("ends_at"), FieldPanel("documents"), FieldPanel("transcript"), FieldPanel("live"),
    ], base_form_class=DialogueAdminForm)


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
        return {**super().get_context_data(**kwargs), "can_moderate": can_moderate(self.request.user),
                "dialogues": dialogues_for(self.request.user).annotate(
                    pending_count=Count("questions", filter=Q(questions__status=QuestionStatus.PENDING)))}


class DeskView(StaffMixin, TemplateView):
    """Moderators approve, reject and answer; an assigned answerer (drafting body) only answers.
    Another session's desk is a 404 for an answerer, as if it did not exist."""

    template_name = "consultation/dialogue/admin/desk.html"
    page_title = _("Điều hành phiên đối thoại")

    def dialogue(self) -> Dialogue:
        return get_object_or_404(dialogues_for(self.request.user), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        dialogue = self.dialogue()
        questions = dialogue.questions.order_by("created_at", "id")
        return {**super().get_context_data(**kwargs), "dialogue": dialogue,
                "can_moderate": can_moderate(self.request.user),
                "pending": questions.filter(status=QuestionStatus.PENDING),
                "approved": questions.filter(status=QuestionStatus.APPROVED).order_by("-votes", "created_at")}

    def post(self, request, pk: int):
        dialogue = self.dialogue()
        question = get_object_or_404(DialogueQuestion, pk=request.POST.get("question", "0") or 0, dialogue=dialogue)
        action = request.POST.get("action", "")
        if action in ("approve", "reject"):
            if not can_moderate(request.user):
                raise PermissionDenied
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
