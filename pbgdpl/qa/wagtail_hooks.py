"""Admin menu "Hỏi đáp": the staff queue, answer templates and the monthly report."""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views, selectors
from .models import AnswerTemplate

admin_urls = (
    [
        path("", admin_views.QueueView.as_view(), name="queue"),
        path("bao-cao/", admin_views.ReportView.as_view(), name="report"),
        path("dieu-khoan/", admin_views.ProvisionOptionsView.as_view(), name="provisions"),
        path("van-ban/", admin_views.DocumentOptionsView.as_view(), name="documents"),
        path("<int:pk>/", admin_views.QuestionView.as_view(), name="question"),
        path("<int:pk>/xuat-du-lieu/", admin_views.ExportPersonView.as_view(), name="export"),
        path("<int:pk>/tep-dinh-kem/", admin_views.AttachmentView.as_view(), name="attachment"),
    ],
    "qa_admin",
)


@hooks.register("register_admin_urls")
def register_qa_urls():
    return [path("hoi-dap/", include(admin_urls))]


class AnswerTemplateViewSet(SnippetViewSet):
    model = AnswerTemplate
    icon = "doc-full"
    menu_label = _("Mẫu câu trả lời")
    list_display = ["title", "field"]
    search_fields = ["title", "text"]
    add_to_admin_menu = False


answer_template_viewset = AnswerTemplateViewSet()
register_snippet(answer_template_viewset)


class StaffMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return admin_views.can_process(request.user)


qa_menu = Menu(register_hook_name="register_qa_menu_item", construct_hook_name="construct_qa_menu")


@hooks.register("register_admin_menu_item")
def register_qa_menu():
    return SubmenuMenuItem(_("Hỏi đáp"), qa_menu, icon_name="help", name="qa", order=400)


@hooks.register("register_qa_menu_item")
def register_queue_item():
    return StaffMenuItem(_("Câu hỏi cần xử lý"), reverse("qa_admin:queue"), icon_name="list-ul", order=100)


@hooks.register("register_qa_menu_item")
def register_templates_item():
    return StaffMenuItem(
        _("Mẫu câu trả lời"), reverse(answer_template_viewset.get_url_name("list")), icon_name="doc-full", order=200
    )


@hooks.register("register_qa_menu_item")
def register_report_item():
    return StaffMenuItem(_("Báo cáo theo tháng"), reverse("qa_admin:report"), icon_name="view", order=300)


class QueuePanel(Component):
    """Dashboard panel: how many questions wait, and how many are overdue."""

    name = "qa_queue"
    order = 90
    template_name = "qa/admin/dashboard_panel.html"

    def get_context_data(self, parent_context=None):
        from .models import OPEN_STATUSES, Question

        open_questions = Question.objects.filter(status__in=OPEN_STATUSES)
        return {
            "waiting": open_questions.count(),
            "overdue": open_questions.filter(received_at__lt=selectors.overdue_cutoff()).count(),
            "to_approve": open_questions.filter(status="answered").count(),
        }


@hooks.register("construct_homepage_panels")
def add_queue_panel(request, panels):
    if admin_views.can_process(request.user):
        panels.append(QueuePanel())
