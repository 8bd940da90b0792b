"""Admin for search: the editable dictionary and the search statistics (menu "Tìm kiếm")."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpResponseForbidden, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from pbgdpl.core.exports import SafeExportIndexView
from pbgdpl.core.numbers import parse_ascii_int

from .analytics import selectors, services
from .models import DictionaryEntry

PERIOD_CHOICES = [(7, _("7 ngày qua")), (30, _("30 ngày qua")), (90, _("90 ngày qua")), (365, _("12 tháng qua"))]
DEFAULT_PERIOD = 30
REPORT_ROWS = 50
# Who may read the statistics (Quản trị, Ban biên tập, superusers) and who may hide a phrase.
VIEW_PERMISSION = "search.view_searchquerystat"
HIDE_PERMISSION = "search.change_searchphrase"


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

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW_PERMISSION):
            return _forbidden()
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        days = parse_ascii_int(self.request.GET.get("days"))
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
        people, hidden = selectors.phrase_clients(), selectors.hidden_phrases()
        for row in top:
            row["clients"] = people.get(row["folded"], 0)
            row["hidden"] = row["folded"] in hidden
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
                "can_hide": self.request.user.has_perm(HIDE_PERMISSION),
                "popular_min_clients": selectors.popular_min_clients(),
                "hidden_phrases": selectors.hidden_phrase_rows(),
            }
        )
        return context


def _forbidden() -> HttpResponseForbidden:
    # A real 403 (Wagtail turns PermissionDenied into a redirect to the dashboard, which hides
    # from monitoring and from tests that a role was refused).
    return HttpResponseForbidden(
        _("Chỉ Quản trị và Ban biên tập được xem và quản lý thống kê tìm kiếm."), content_type="text/plain; charset=utf-8"
    )


@require_POST
def phrase_visibility(request):
    """Hide a phrase from the public popular searches, or show it again (POST ``query``, ``hidden``)."""
    if not request.user.has_perm(HIDE_PERMISSION):
        return _forbidden()
    hidden = request.POST.get("hidden") == "1"
    phrase = services.set_phrase_hidden(request.POST.get("query", "")[:200], hidden)
    if phrase is None:
        messages.error(request, _("Không có cụm từ nào để ẩn."))
    elif hidden:
        messages.success(request, _("Đã ẩn “%(q)s” khỏi danh sách tìm kiếm phổ biến.") % {"q": phrase.query})
    else:
        messages.success(request, _("“%(q)s” được hiện lại trong danh sách tìm kiếm phổ biến.") % {"q": phrase.query})
    days = parse_ascii_int(request.POST.get("days"))
    suffix = f"?days={days}" if days in dict(PERIOD_CHOICES) else ""
    return HttpResponseRedirect(reverse("search_analytics") + suffix)


@hooks.register("register_admin_urls")
def register_analytics_url():
    return [
        path("thong-ke-tim-kiem/", SearchAnalyticsView.as_view(), name="search_analytics"),
        path("thong-ke-tim-kiem/an-cum-tu/", phrase_visibility, name="search_phrase_visibility"),
    ]


class AnalyticsMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(VIEW_PERMISSION)


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
    return AnalyticsMenuItem(_("Thống kê tìm kiếm"), reverse("search_analytics"), icon_name="view", order=100)


@hooks.register("register_search_menu_item")
def register_dictionary_menu_item():
    return DictionaryMenuItem(
        _("Từ điển tìm kiếm"), reverse(dictionary_viewset.get_url_name("list")), icon_name="list-ul", order=200
    )
