"""Admin menu "Cuộc thi": question bank, contests and rounds, units, practice quizzes, organiser views."""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .models import Contest, Contestant, PracticeQuiz, Question, Round, Unit

admin_urls = (
    [
        path("", admin_views.RoundsView.as_view(), name="rounds"),
        path("dot/<int:pk>/", admin_views.RoundView.as_view(), name="round"),
        path("dot/<int:pk>/xuat-ket-qua/", admin_views.RoundExportView.as_view(), name="round_export"),
        path("cau-hoi/nhap/", admin_views.ImportView.as_view(), name="import"),
        path("cau-hoi/<int:pk>/sao-chep/", admin_views.CopyQuestionView.as_view(), name="copy_question"),
        path("cau-hoi/tep-mau.xlsx", admin_views.template_download, name="template"),
        path("cau-hoi/xuat.xlsx", admin_views.bank_export, name="export"),
    ],
    "quizzes_admin",
)


@hooks.register("register_admin_urls")
def register_quizzes_urls():
    return [path("cuoc-thi/", include(admin_urls))]


Question.panels = [
    FieldPanel("pool"), FieldPanel("text"), FieldPanel("kind"), InlinePanel("choices", label=_("Phương án"), min_num=2),
    FieldPanel("difficulty"), FieldPanel("tags"), FieldPanel("explanation"),
    MultiFieldPanel([FieldPanel("cite_document"), FieldPanel("cite_eid"), FieldPanel("cite_label")],
                    heading=_("Căn cứ pháp lý")),
    FieldPanel("is_active"),
]


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Ngân hàng câu hỏi")
    list_display = ["text", "pool", "kind", "difficulty", "tags", "is_active"]
    list_filter = ["pool", "kind", "difficulty", "is_active"]
    search_fields = ["text", "tags"]
    add_to_admin_menu = False


class ContestViewSet(SnippetViewSet):
    model = Contest
    icon = "tasks"
    menu_label = _("Cuộc thi")
    list_display = ["title", "is_published", "created_at"]
    add_to_admin_menu = False
    panels = [
        FieldPanel("title"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("rules"), FieldPanel("is_published"),
        MultiFieldPanel([FieldPanel("min_age"), FieldPanel("residence_required")], heading=_("Điều kiện dự thi")),
        MultiFieldPanel([FieldPanel("require_birth_date"), FieldPanel("require_unit"), FieldPanel("require_commune"),
                         FieldPanel("require_citizen_id")], heading=_("Thông tin bắt buộc khi đăng ký")),
        MultiFieldPanel([FieldPanel("one_prize_per_person"), FieldPanel("group_points_first"),
                         FieldPanel("group_points_second"), FieldPanel("group_points_third"),
                         FieldPanel("group_points_consolation")], heading=_("Giải thưởng")),
    ]


class RoundViewSet(SnippetViewSet):
    model = Round
    icon = "date"
    menu_label = _("Đợt thi")
    list_display = ["__str__", "opens_at", "closes_at", "closed_at", "results_published"]
    list_filter = ["contest"]
    add_to_admin_menu = False
    panels = [
        FieldPanel("contest"), FieldPanel("number"), FieldPanel("title"),
        MultiFieldPanel([FieldPanel("opens_at"), FieldPanel("closes_at"), FieldPanel("time_limit_minutes"),
                         FieldPanel("max_attempts")], heading=_("Lịch và thời gian (giờ Việt Nam)")),
        MultiFieldPanel([FieldPanel("question_count"), FieldPanel("drawing"), FieldPanel("easy_count"),
                         FieldPanel("medium_count"), FieldPanel("hard_count"), FieldPanel("tag_filter"),
                         FieldPanel("fixed_questions"), FieldPanel("order")], heading=_("Câu hỏi")),
        FieldPanel("prediction_target"),
        MultiFieldPanel([FieldPanel("prizes_first"), FieldPanel("prizes_second"), FieldPanel("prizes_third"),
                         FieldPanel("prizes_consolation")], heading=_("Cơ cấu giải")),
        FieldPanel("show_answers_after_submit"), FieldPanel("results_published"),
    ]


class UnitViewSet(SnippetViewSet):
    model = Unit
    icon = "group"
    menu_label = _("Đơn vị")
    list_display = ["name", "member_count"]
    search_fields = ["name"]
    add_to_admin_menu = False


class ContestantViewSet(SnippetViewSet):
    model = Contestant
    icon = "user"
    menu_label = _("Người dự thi")
    list_display = ["full_name", "unit", "commune", "citizen_id_last4", "created_at"]
    search_fields = ["full_name", "phone"]
    add_to_admin_menu = False
    # The password hash and the citizen ID digest are never editable or shown.
    panels = [FieldPanel("full_name"), FieldPanel("phone"), FieldPanel("birth_date"), FieldPanel("unit"),
              FieldPanel("commune")]


class PracticeQuizViewSet(SnippetViewSet):
    model = PracticeQuiz
    icon = "form"
    menu_label = _("Bài luyện tập")
    list_display = ["title", "is_published"]
    add_to_admin_menu = False


viewsets = {name: vs() for name, vs in {
    "questions": QuestionViewSet, "contests": ContestViewSet, "rounds": RoundViewSet, "units": UnitViewSet,
    "contestants": ContestantViewSet, "practice": PracticeQuizViewSet}.items()}
for viewset in viewsets.values():
    register_snippet(viewset)


@hooks.register("register_snippet_listing_buttons")
def copy_question_button(snippet, user, next_url=None):
    if isinstance(snippet, Question) and admin_views.can_run_contests(user):
        yield Button(_("Sao chép sang nhóm khác"), reverse("quizzes_admin:copy_question", args=[snippet.pk]),
                     icon_name="copy", priority=60)


class OrganiserMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return admin_views.can_run_contests(request.user)


quizzes_menu = Menu(register_hook_name="register_quizzes_menu_item", construct_hook_name="construct_quizzes_menu")


@hooks.register("register_admin_menu_item")
def register_quizzes_menu():
    return SubmenuMenuItem(_("Cuộc thi"), quizzes_menu, icon_name="tasks", name="quizzes", order=450)


def _item(label, url_name, icon, order, viewset=None):
    def register():
        url = reverse(viewsets[viewset].get_url_name("list")) if viewset else reverse(url_name)
        return OrganiserMenuItem(label, url, icon_name=icon, order=order)
    return register


for _args in [
    (_("Theo dõi đợt thi"), "quizzes_admin:rounds", "view", 100, None),
    (_("Cuộc thi"), None, "tasks", 200, "contests"),
    (_("Đợt thi"), None, "date", 300, "rounds"),
    (_("Ngân hàng câu hỏi"), None, "help", 400, "questions"),
    (_("Nhập câu hỏi từ Excel"), "quizzes_admin:import", "upload", 500, None),
    (_("Đơn vị"), None, "group", 600, "units"),
    (_("Người dự thi"), None, "user", 700, "contestants"),
    (_("Bài luyện tập"), None, "form", 800, "practice"),
]:
    hooks.register("register_quizzes_menu_item", _item(*_args))
