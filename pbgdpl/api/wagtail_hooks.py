"""Admin: partner API keys (Cài đặt → Khóa API), administrators only."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .admin_views import IssueKeyForm, IssueKeyView, RevokeForm, RevokeKeyView
from .models import ApiKey


class ApiKeyViewSet(ModelViewSet):
    model = ApiKey
    icon = "key"
    menu_label = _("Khóa API")
    name = "api_keys"
    url_prefix = "khoa-api"
    add_to_settings_menu = True
    list_display = ["name", "prefix", "scopes", "per_minute", "active", "last_used_at"]
    list_filter = ["active"]
    add_view_class = IssueKeyView
    edit_view_class = RevokeKeyView

    def get_form_class(self, for_update=False):
        return RevokeForm if for_update else IssueKeyForm


@hooks.register("register_admin_viewset")
def register_api_keys():
    return ApiKeyViewSet()
