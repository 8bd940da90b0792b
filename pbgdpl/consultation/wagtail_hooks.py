"""Admin menu item "Góp ý dự thảo" and its URLs."""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from . import admin_views, dialogue_admin

admin_urls = (
    [
        path("", admin_views.IndexView.as_view(), name="index"),
        path("<int:pk>/", admin_views.DraftView.as_view(), name="draft"),
        path("<int:pk>/tong-hop.<str:fmt>", admin_views.ExportView.as_view(), name="export"),
    ],
    "consultation_admin",
)


@hooks.register("register_admin_urls")
def register_consultation_urls():
    return [path("gop-y-du-thao/", include(admin_urls))]


class StaffMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return admin_views.can_view(request.user)


@hooks.register("register_admin_menu_item")
def register_consultation_menu():
    return StaffMenuItem(_("Góp ý dự thảo"), reverse("consultation_admin:index"), icon_name="comment", order=410)


class DialogueMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return dialogue_admin.can_view(request.user)


@hooks.register("register_admin_urls")
def register_dialogue_urls():
    return [path("doi-thoai-chinh-sach/", include(dialogue_admin.admin_urls))]


@hooks.register("register_admin_menu_item")
def register_dialogue_menu():
    return DialogueMenuItem(_("Đối thoại chính sách"), reverse("dialogue_admin:index"), icon_name="group", order=411)


register_snippet(dialogue_admin.DialogueViewSet)
