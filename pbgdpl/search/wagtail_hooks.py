"""Admin for search: the editable dictionary and the search statistics (menu "Tìm kiếm")."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from pbgdpl.core.exports import SafeExportIndexView

from .analytics import selectors
from .models import DictionaryEntry

PERIOD_CHOICES = [(7, _("7 ngày qua")), (30, _("30 ngày qua")), (90, _("90 ngày qua")), (365, _("12 tháng qua"))]
DEFAULT_PERIOD = 30
REPORT_ROWS = 50


class DictionaryEntryCreateView(CreateView):
    """Adding an entry can start from a failing query: ``?kind=synonym&term=…`` pre-fills the form."""

    def get_initial_form_instance(self):
        instance = super().get_initial_form_instance()
        if self.request.method != "GET":
            return instance
        term = (self.request.GET.get("term") or "").strip()[:200]
        kind = self.request.GET.get("kind") or ""
        if not term and kind not in DictionaryEntry.Kind.values:
            return instance
        instance = instance or DictionaryEntry()
        instance.term = term
        if kind in DictionaryEntry.Kind.values:
            instance.kind = kind
        return instance


class DictionaryEntryViewSet(SnippetViewSet):
    model = DictionaryEntry
    icon = "list-ul"
    menu_label = _("Từ điển tìm kiếm")
    add_view_class = DictionaryEntryCreateView
    list_display = ["term", "kind", "expansions", "enabled", "updated_at"]
    list_filter = ["kind", "enabled"]
    list_export = ["kind", "term", "expansions", "enabled"]
    index_view_class = SafeExportIndexView  # exported text never runs as a formula
    search_fields = ["term", "expansions"]
    search_backend_name = None  # plain database filtering: the table is small
    ordering = ["kind", "term"]
    list_per_page = 50


dictionary_viewset = DictionaryEntryViewSet()
register_snippet(dictionary_viewset)


def dictionary_add_url(term: str, kind: str = DictionaryEntry.Kind.SYNONYM) -> str:
    """Admin link that opens the dictionary form pre-filled with a query people typed."""
    return reverse(dictionary_viewset.get_url_name("add")) + "?" + urlencode({"kind": kind, "term": term})


class SearchAnalyticsView(WagtailAdminTemplateMixin, TemplateView):
    """Top queries, queries without results and most opened results over a chosen period."""

    template_name = "search/admin/analytics.html"
    page_title = _("Thống kê tìm kiếm")
    header_icon = "search"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            days = int(self.request.GET.get("days", DEFAULT_PERIOD))
        except ValueError:
            days = DEFAULT_PERIOD
        if days not in dict(PERIOD_CHOICES):
            days = DEFAULT_PERIOD
        period = selectors.Period.last_days(days)
        zero = selectors.zero_result_queries(period, REPORT_ROWS)
        for row in zero:
            row["add_url"] = dictionary_add_url(row["query"])
        top = selectors.top_queries(period, REPORT_ROWS)
        unclicked = selectors.unclicked_queries(period, REPORT_ROWS)
        for row in top + unclicked:
            row["add_url"] = dictionary_add_url(row["query"])
        context.update(
            {
                "days": days,
                "period_choices": PERIOD_CHOICES,
                "totals": selectors.totals(period),
                "top_queries": top,
                "zero_queries": zero,
                "unclicked_queries": unclicked,
                "top_clicks": selectors.top_clicks(period, REPORT_ROWS),
                "dictionary_url": reverse(dictionary_viewset.get_url_name("list")),
                "can_add_entry": self.request.user.has_perm("search.add_dictionaryentry"),
            }
        )
        return context


@hooks.register("register_admin_urls")
def register_analytics_url():
    return [path("thong-ke-tim-kiem/", SearchAnalyticsView.as_view(), name="search_analytics")]


class DictionaryMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return any(
            request.user.has_perm(f"search.{action}_dictionaryentry") for action in ("view", "add", "change", "delete")
        )


search_menu = Menu(register_hook_name="register_search_menu_item", construct_hook_name="construct_search_menu")


@hooks.register("register_admin_menu_item")
def register_search_menu():
    return SubmenuMenuItem(_("Tìm kiếm"), search_menu, icon_name="search", name="search-tools", order=900)


@hooks.register("register_search_menu_item")
def register_analytics_menu_item():
    return MenuItem(_("Thống kê tìm kiếm"), reverse("search_analytics"), icon_name="view", order=100)


@hooks.register("register_search_menu_item")
def register_dictionary_menu_item():
    return DictionaryMenuItem(
        _("Từ điển tìm kiếm"), reverse(dictionary_viewset.get_url_name("list")), icon_name="list-ul", order=200
    )
