"""Admin menu "Hỏi trực tuyến": the inbox, the report, canned answers, office hours, holidays, texts."""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from pbgdpl.core.admin_readonly import NoAddPolicy

from . import admin_views, staff
from .models import BlockedClient, CannedAnswer, ChatSettings, Holiday, OfficeHours

admin_urls = (
    [
        path("", admin_views.InboxView.as_view(), name="inbox"),
        path("bao-cao/", admin_views.ReportView.as_view(), name="report"),
        path("<int:pk>/", admin_views.ConversationView.as_view(), name="conversation"),
    ],
    "chat_admin",
)


@hooks.register("register_admin_urls")
def register_chat_urls():
    return [path("hoi-truc-tuyen/", include(admin_urls))]


# Before the viewsets below (Wagtail makes a default policy when a viewset is registered): a block is
# made from a conversation ("Chặn người này"), its key being a salted hash nobody can type.
register_permission_policy(BlockedClient, NoAddPolicy(BlockedClient))


def _viewset(model_, icon_, label, fields, search=()):
    class ViewSet(SnippetViewSet):
        model = model_
        icon = icon_
        menu_label = label
        list_display = fields
        search_fields = list(search) or None
        add_to_admin_menu = False

    ViewSet.__name__ = f"{model_.__name__}ViewSet"
    viewset = ViewSet()
    register_snippet(viewset)
    return viewset


canned_viewset = _viewset(CannedAnswer, "doc-full", _("Câu trả lời mẫu"), ["title", "shortcut"], ["title", "text"])
hours_viewset = _viewset(OfficeHours, "time", _("Giờ trực"), ["weekday", "start", "end"])
holiday_viewset = _viewset(Holiday, "date", _("Ngày nghỉ"), ["date", "name"])
texts_viewset = _viewset(ChatSettings, "cog", _("Lời chào và tin ngoài giờ"), ["greeting", "away_message"])
blocked_viewset = _viewset(BlockedClient, "warning", _("Chặn theo địa chỉ"), ["client_key", "reason", "expires_at"])


class AgentMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return staff.may_answer(request.user)


class ManagerMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return staff.may_manage(request.user)


chat_menu = Menu(register_hook_name="register_chat_menu_item", construct_hook_name="construct_chat_menu")


@hooks.register("register_admin_menu_item")
def register_chat_menu():
    return SubmenuMenuItem(_("Hỏi trực tuyến"), chat_menu, icon_name="mail", name="chat", order=410)


@hooks.register("register_chat_menu_item")
def inbox_item():
    return AgentMenuItem(_("Hộp thư"), reverse("chat_admin:inbox"), icon_name="mail", order=10)


@hooks.register("register_chat_menu_item")
def canned_item():
    return AgentMenuItem(_("Câu trả lời mẫu"), reverse(canned_viewset.get_url_name("list")), icon_name="doc-full",
                         order=20)


@hooks.register("register_chat_menu_item")
def report_item():
    return ManagerMenuItem(_("Báo cáo theo tháng"), reverse("chat_admin:report"), icon_name="table", order=30)


@hooks.register("register_chat_menu_item")
def hours_item():
    return ManagerMenuItem(_("Giờ trực"), reverse(hours_viewset.get_url_name("list")), icon_name="time", order=40)


@hooks.register("register_chat_menu_item")
def holiday_item():
    return ManagerMenuItem(_("Ngày nghỉ"), reverse(holiday_viewset.get_url_name("list")), icon_name="date",
                           order=50)


@hooks.register("register_chat_menu_item")
def texts_item():
    return ManagerMenuItem(_("Lời chào, tin ngoài giờ"), reverse(texts_viewset.get_url_name("list")),
                           icon_name="cog", order=60)


@hooks.register("register_chat_menu_item")
def blocked_item():
    return ManagerMenuItem(_("Chặn theo địa chỉ"), reverse(blocked_viewset.get_url_name("list")),
                           icon_name="warning", order=70)
