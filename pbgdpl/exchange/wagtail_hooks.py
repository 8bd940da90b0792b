"""Admin: "Nhật ký trao đổi dữ liệu" — every push and pull run with its counts and errors (read only)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from pbgdpl.core.admin_readonly import ViewOnlyPolicy

from .models import ExchangeRun


class ExchangeRunViewSet(ModelViewSet):
    model = ExchangeRun
    icon = "resubmit"
    menu_label = _("Nhật ký trao đổi dữ liệu")
    menu_order = 890
    add_to_admin_menu = True
    list_display = ["__str__", "status", "sent", "received", "unchanged", "failed", "finished_at"]
    list_filter = ["direction", "status"]
    inspect_view_enabled = True
    inspect_view_fields = ["direction", "status", "started_at", "finished_at", "sent", "received", "unchanged",
                           "failed", "errors"]
    form_fields = []  # runs are written by the exchange only


register_permission_policy(ExchangeRun, ViewOnlyPolicy(ExchangeRun))


@hooks.register("register_admin_viewset")
def register_exchange_log():
    return ExchangeRunViewSet("exchange_runs", url_prefix="trao-doi-du-lieu")
