"""Admin: editors review what the penalty parser read and correct it (Tra cứu → Hành vi vi phạm)."""

from __future__ import annotations

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel

from pbgdpl.core.admin_viewsets import (
    GroupedModelViewSet,
    field_panels,
    publication_panel,
    register_menu_group,
)

from .models import Judgment, LandPriceTable, PenaltyDecree, Violation


class ViolationViewSet(GroupedModelViewSet):
    model = Violation
    icon = "warning"
    menu_label = _("Hành vi vi phạm")
    url_prefix = "tra-cuu/hanh-vi"
    list_display = ["behaviour", "decree", "eid", "fine_max", "needs_review", "edited"]
    list_filter = ["needs_review", "edited", "vehicle", "decree"]
    search_fields = ["behaviour", "subject"]
    inspect_view_enabled = True
    panels = [
        HelpPanel(content=_("Nội dung do máy đọc từ nghị định. Sau khi bạn sửa và lưu, lần đọc lại văn bản sau sẽ "
                            "giữ nguyên bản sửa của bạn và chỉ đánh dấu “cần kiểm tra” khi văn bản thay đổi.")),
        *field_panels("behaviour", "subject", "vehicle"),
        FieldRowPanel([FieldPanel("fine_min"), FieldPanel("fine_max")]),
        *field_panels("warning_allowed", "additional_penalties", "remedial_measures"),
        FieldRowPanel([FieldPanel("speed_min"), FieldPanel("speed_max")]),
        MultiFieldPanel(field_panels("needs_review", "review_note"), heading=_("Kiểm tra")),
    ]

    def get_queryset(self, request):
        return Violation.objects.select_related("decree__document")


class PenaltyDecreeViewSet(GroupedModelViewSet):
    model = PenaltyDecree
    icon = "doc-full"
    menu_label = _("Nghị định xử phạt")
    url_prefix = "tra-cuu/nghi-dinh"
    list_display = ["document", "organisation_multiplier", "is_sample", "parsed_at"]
    inspect_view_enabled = True
    form_fields = ["organisation_multiplier", "is_sample"]


class LandPriceTableViewSet(GroupedModelViewSet):
    model = LandPriceTable
    icon = "table"
    menu_label = _("Bảng giá đất")
    name = "lookups_land_tables"
    url_prefix = "tra-cuu/bang-gia-dat"
    list_display = ["title", "valid_from", "valid_to", "is_sample", "imported_at"]
    inspect_view_enabled = True
    form_fields = ["title", "valid_from", "valid_to", "position_rules", "is_sample"]
    index_template_name = "lookups/admin/land_index.html"


class JudgmentViewSet(GroupedModelViewSet):
    model = Judgment
    icon = "doc-full-inverse"
    menu_label = _("Bản án, án lệ")
    name = "lookups_judgments"
    url_prefix = "tra-cuu/ban-an"
    list_display = ["number", "title", "court", "judged_on", "live"]
    list_filter = ["live", "kind", "case_type"]
    search_fields = ["number", "title", "legal_issue"]
    edit_template_name = "lookups/admin/judgment_edit.html"
    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("number")]),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("court"), FieldPanel("level")]),
        FieldRowPanel([FieldPanel("judged_on"), FieldPanel("case_type")]),
        *field_panels("legal_issue", "summary", "text", "pdf"),
        InlinePanel("provisions", label=_("Điều khoản được áp dụng")),
        publication_panel(),
    ]


register_menu_group(_("Tra cứu"), "search", 450,
                    [ViolationViewSet, PenaltyDecreeViewSet, LandPriceTableViewSet, JudgmentViewSet])


@hooks.register("register_admin_urls")
def register_land_import_urls():
    from .judgments import admin_views as judgment_views
    from .landprices import admin_views

    return [
        path("tra-cuu/bang-gia-dat/nhap/", admin_views.import_view, name="lookups_land_import"),
        path("tra-cuu/bang-gia-dat/mau.xlsx", admin_views.download_template, name="lookups_land_template"),
        path("tra-cuu/ban-an/<int:pk>/che-ten/", judgment_views.mask_view, name="lookups_judgment_mask"),
    ]

