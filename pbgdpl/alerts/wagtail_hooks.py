from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


class AlertsMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return admin_views.can_view(request.user)


@hooks.register("register_admin_urls")
def register_alerts_urls():
    return [path("thong-bao-theo-doi/", admin_views.overview, name="alerts_overview")]


@hooks.register("register_reports_menu_item")
def register_alerts_menu_item():
    return AlertsMenuItem("Theo dõi qua e-mail", reverse("alerts_overview"), icon_name="mail", order=800)
