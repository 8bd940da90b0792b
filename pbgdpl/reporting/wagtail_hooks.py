"""Admin menu "Báo cáo thống kê": returns, review, totals; indicators, forms, periods and units as data."""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSet

from . import selectors
from .admin_views import access, dashboard, returns, visits
from .models import (
    AccessFramework,
    AccessIndicator,
    AccessResult,
    Bookshelf,
    Indicator,
    MediationTeam,
    Reporter,
    ReportForm,
    ReportingPeriod,
    Unit,
    UnitMembership,
)

admin_urls = (
    [
        path("", returns.HomeView.as_view(), name="home"),
        path("truy-cap/", visits.VisitsView.as_view(), name="visits"),
        path("ky/<int:period>/", returns.ReviewListView.as_view(), name="review_list"),
        path("ky/<int:period>/tong-hop/", dashboard.DashboardView.as_view(), name="dashboard"),
        path("ky/<int:period>/tong-hop.xlsx", dashboard.ExportView.as_view(), name="export"),
        path("ky/<int:period>/tong-hop.pdf", dashboard.ExportView.as_view(as_pdf=True), name="export_pdf"),
        path("ky/<int:period>/don-vi/<int:unit>/", returns.ReturnView.as_view(), name="return"),
        path("tiep-can/<int:year>/", access.AccessListView.as_view(), name="access_list"),
        path("tiep-can/<int:year>/don-vi/<int:unit>/", access.AccessView.as_view(), name="access"),
        path("ky/<int:period>/don-vi/<int:unit>/mau.xlsx", returns.TemplateDownloadView.as_view(), name="template"),
    ],
    "reporting_admin",
)


@hooks.register("register_admin_urls")
def register_reporting_urls():
    return [path("bao-cao/", include(admin_urls))]


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "list-ol"
    menu_label = _("Chỉ tiêu")
    list_display = ["code", "name", "unit_of_measure", "aggregation"]
    list_filter = ["aggregation", "group"]
    search_fields = ["code", "name"]
    add_to_admin_menu = False
    panels = [
        FieldPanel("code"), FieldPanel("name"), FieldPanel("unit_of_measure"), FieldPanel("group"),
        MultiFieldPanel([FieldPanel("aggregation"), FieldPanel("numerator"), FieldPanel("denominator")],
                        heading=_("Cách tổng hợp")),
        MultiFieldPanel([FieldPanel("integer_only"), FieldPanel("min_value"), FieldPanel("max_value"),
                         FieldPanel("compare_to"), FieldPanel("comparison")], heading=_("Kiểm tra số liệu")),
    ]


class ReportFormViewSet(SnippetViewSet):
    model = ReportForm
    icon = "form"
    menu_label = _("Biểu mẫu báo cáo")
    list_display = ["code", "name", "period_type"]
    add_to_admin_menu = False
    panels = [FieldPanel("code"), FieldPanel("name"), FieldPanel("period_type"), FieldPanel("unit_kinds"),
              InlinePanel("rows", label=_("Chỉ tiêu trong biểu"))]


class PeriodViewSet(SnippetViewSet):
    model = ReportingPeriod
    icon = "date"
    menu_label = _("Kỳ báo cáo")
    list_display = ["label", "form", "start", "end", "deadline"]
    list_filter = ["form"]
    add_to_admin_menu = False


class UnitIndexView(SnippetIndexView):
    """Searching by an old code (a commune before the 2025 merger) finds today's unit, once."""

    def search_queryset(self, queryset):
        found = super().search_queryset(queryset)
        return found.distinct() if self.is_searching else found


class UnitViewSet(SnippetViewSet):
    model = Unit
    icon = "site"
    menu_label = _("Đơn vị báo cáo")
    index_view_class = UnitIndexView
    list_display = ["code", "name", "kind", "parent", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["code", "name", "old_codes__code", "old_codes__name"]
    add_to_admin_menu = False
    panels = [FieldPanel("code"), FieldPanel("name"), FieldPanel("kind"), FieldPanel("parent"), FieldPanel("email"),
              FieldPanel("is_active"), InlinePanel("old_codes", label=_("Mã, tên cũ (trước sắp xếp đơn vị hành chính)"))]


class MembershipViewSet(SnippetViewSet):
    model = UnitMembership
    icon = "user"
    menu_label = _("Người báo cáo của đơn vị")
    list_display = ["user", "unit"]
    add_to_admin_menu = False


viewsets = {name: vs() for name, vs in {
    "indicators": IndicatorViewSet, "forms": ReportFormViewSet, "periods": PeriodViewSet, "units": UnitViewSet,
    "members": MembershipViewSet}.items()}
for viewset in viewsets.values():
    register_snippet(viewset)


class ReporterMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return selectors.can_use_reporting(request.user)


class SetupMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm("reporting.change_indicator")


reporting_menu = Menu(register_hook_name="register_reporting_menu_item",
                      construct_hook_name="construct_reporting_menu")


@hooks.register("register_admin_menu_item")
def register_reporting_menu():
    return SubmenuMenuItem(_("Báo cáo thống kê"), reporting_menu, icon_name="table", name="reporting", order=480)


@hooks.register("register_reporting_menu_item")
def register_home_item():
    return ReporterMenuItem(_("Báo cáo của đơn vị"), reverse("reporting_admin:home"), icon_name="table", order=100)


def _setup_item(label, name, icon, order):
    def register():
        return SetupMenuItem(label, reverse(viewsets[name].get_url_name("list")), icon_name=icon, order=order)
    return register


for _args in [
    (_("Chỉ tiêu"), "indicators", "list-ol", 300),
    (_("Biểu mẫu báo cáo"), "forms", "form", 400),
    (_("Kỳ báo cáo"), "periods", "date", 500),
    (_("Đơn vị báo cáo"), "units", "site", 600),
    (_("Người báo cáo của đơn vị"), "members", "user", 700),
]:
    hooks.register("register_reporting_menu_item", _setup_item(*_args))


class ReporterViewSet(SnippetViewSet):
    model = Reporter
    icon = "user"
    menu_label = _("Báo cáo viên, tuyên truyền viên")
    list_display = ["full_name", "kind", "level", "unit", "contact_consent"]
    list_filter = ["kind", "level", "contact_consent"]
    search_fields = ["full_name", "field"]
    add_to_admin_menu = False


class MediationTeamViewSet(SnippetViewSet):
    model = MediationTeam
    icon = "group"
    menu_label = _("Tổ hòa giải")
    list_display = ["name", "commune", "mediators", "year"]
    list_filter = ["year"]
    search_fields = ["name"]
    add_to_admin_menu = False


class BookshelfViewSet(SnippetViewSet):
    model = Bookshelf
    icon = "doc-full"
    menu_label = _("Tủ sách pháp luật")
    list_display = ["name", "commune", "titles"]
    search_fields = ["name", "location"]
    add_to_admin_menu = False


class AccessFrameworkViewSet(SnippetViewSet):
    model = AccessFramework
    icon = "list-ul"
    menu_label = _("Bộ tiêu chí tiếp cận pháp luật")
    list_display = ["name", "decision", "valid_from"]
    add_to_admin_menu = False
    panels = [FieldPanel("code"), FieldPanel("name"), FieldPanel("decision"), FieldPanel("valid_from"),
              FieldPanel("pass_total"), FieldPanel("criterion_min_share"),
              InlinePanel("criteria", label=_("Tiêu chí"))]


class AccessIndicatorViewSet(SnippetViewSet):
    model = AccessIndicator
    icon = "list-ol"
    menu_label = _("Chỉ tiêu và mức điểm tiếp cận pháp luật")
    list_display = ["number", "name", "criterion", "max_points", "required"]
    list_filter = ["criterion__framework"]
    search_fields = ["number", "name"]
    add_to_admin_menu = False
    panels = [FieldPanel("criterion"), FieldPanel("number"), FieldPanel("name"), FieldPanel("measure"),
              FieldPanel("max_points"), FieldPanel("required"),
              InlinePanel("bands", label=_("Mức điểm (từ ≤ số liệu < đến dưới)"))]


class AccessResultViewSet(SnippetViewSet):
    model = AccessResult
    icon = "tick-inverse"
    menu_label = _("Kết quả chuẩn tiếp cận pháp luật")
    list_display = ["commune", "year", "total", "passed", "decision"]
    list_filter = ["year", "passed", "decision"]
    add_to_admin_menu = False
    panels = [FieldPanel("commune"), FieldPanel("year"), FieldPanel("framework"), FieldPanel("figures"),
              FieldPanel("points"), FieldPanel("evidence"),
              MultiFieldPanel([FieldPanel("decision"), FieldPanel("decision_number"), FieldPanel("decision_date")],
                              heading=_("Quyết định của tỉnh"))]


for _name, _viewset in {"reporters": ReporterViewSet, "teams": MediationTeamViewSet, "bookshelves": BookshelfViewSet,
                        "frameworks": AccessFrameworkViewSet, "access_indicators": AccessIndicatorViewSet,
                        "access": AccessResultViewSet}.items():
    viewsets[_name] = _viewset()
    register_snippet(viewsets[_name])

for _args in [
    (_("Báo cáo viên, tuyên truyền viên"), "reporters", "user", 800),
    (_("Tổ hòa giải"), "teams", "group", 810),
    (_("Tủ sách pháp luật"), "bookshelves", "doc-full", 820),
    (_("Bộ tiêu chí tiếp cận pháp luật"), "frameworks", "list-ul", 830),
    (_("Chỉ tiêu và mức điểm tiếp cận pháp luật"), "access_indicators", "list-ol", 835),
    (_("Kết quả chuẩn tiếp cận pháp luật"), "access", "tick-inverse", 840),
]:
    hooks.register("register_reporting_menu_item", _setup_item(*_args))


class VisitsMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return visits.can_view_visits(request.user)


@hooks.register("register_reporting_menu_item")
def register_visits_item():
    return VisitsMenuItem(_("Thống kê truy cập"), reverse("reporting_admin:visits"), icon_name="view", order=200)
