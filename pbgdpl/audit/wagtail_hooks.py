from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_audit_urls():
    return [path("nhat-ky-thao-tac/", views.audit_log, name="audit_log")]


class AdministratorMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return views.can_view(request.user)


@hooks.register("register_settings_menu_item")
def register_audit_menu_item():
    return AdministratorMenuItem(_("Nhật ký thao tác"), reverse("audit_log"), icon_name="history", order=900)
