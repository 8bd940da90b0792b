"""Admin queue "Trợ giúp pháp lý": the legal-aid centre reads requests and moves them through statuses.

Only the centre's role holds the model permissions (not even Quản trị: accounts.roles
reserve_for_granted_roles), so other staff see neither the menu item nor the pages; the requester's words are read-only, staff change status and the note.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.model import ModelViewSet

from .models import AidRequest


class AidRequestViewSet(ModelViewSet):
    model = AidRequest
    icon = "help"
    menu_label = _("Trợ giúp pháp lý")
    menu_order = 410
    name = "legalaid_requests"
    url_prefix = "tro-giup-phap-ly"
    add_to_admin_menu = True
    list_display = ["tracking_code", Column("group_label", label=_("Diện (người yêu cầu tự chọn)")), "status",
                    "received_at", BooleanColumn("is_sample", label=_("Mẫu"))]
    list_filter = ["status", "is_sample"]
    search_fields = ["tracking_code"]
    search_backend_name = None
    inspect_view_enabled = True
    inspect_view_fields = ["tracking_code", "group_label", "situation", "name", "phone", "email", "commune",
                           "status", "staff_note", "received_at", "consent_at", "consent_version", "is_sample"]
    panels = [
        HelpPanel(content=_("Nội dung người yêu cầu gửi chỉ để đọc (xem trang chi tiết). Chỉ đổi trạng thái và ghi "
                            "chú; ghi chú hiện trên trang theo dõi riêng của người yêu cầu.")),
        FieldPanel("status"),
        FieldPanel("staff_note"),
    ]


@hooks.register("register_admin_viewset")
def register_aid_requests():
    return AidRequestViewSet()
