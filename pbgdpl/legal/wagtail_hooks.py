"""Admin for the legal registry: documents (drafts, revisions, workflow, export), vocabularies,
and read-only views of versions and provisions."""

import django_filters
from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from pbgdpl.core.exports import SafeExportIndexView
from pbgdpl.outreach.forms import share_panel, shareable

from . import import_views
from .admin_panels import ValidityPanel, VersionsPanel
from .models import DocumentType, DocumentVersion, Field, Issuer, LegalDocument, Provision, Validity


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Derived data (versions, provisions) is written by the parser, never by hand."""

    WRITE_ACTIONS = {"add", "change", "delete", "publish", "lock", "unlock"}

    def user_has_permission(self, user, action):
        return action not in self.WRITE_ACTIONS and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


class LegalDocumentFilterSet(WagtailFilterSet):
    year = django_filters.NumberFilter(field_name="issued_on__year", label=_("Năm ban hành"))
    validity = django_filters.ChoiceFilter(choices=Validity.choices, label=_("Tình trạng hiệu lực"))

    class Meta:
        model = LegalDocument
        fields = ["doc_type", "issuer", "fields", "validity", "scope", "live", "is_draft_for_comment"]


class LegalDocumentViewSet(SnippetViewSet):
    model = LegalDocument
    icon = "doc-full"
    menu_label = _("Văn bản")
    url_prefix = "legal/documents"
    filterset_class = LegalDocumentFilterSet
    search_fields = ["number", "title", "signer"]
    search_backend_name = None  # plain database lookups: numbers like 571/QĐ-UBND match as typed
    ordering = ["-issued_on", "-id"]
    list_per_page = 50
    list_display = [
        "number",
        "title",
        Column("doc_type", label=_("Loại"), accessor="doc_type"),
        Column("issuer", label=_("Cơ quan ban hành"), accessor="issuer"),
        DateColumn("issued_on", label=_("Ban hành"), sort_key="issued_on"),
        Column("validity", label=_("Hiệu lực"), accessor="get_validity_display"),
        "live",
    ]
    list_export = [
        "number", "title", "doc_type", "issuer", "signer", "signer_title", "issued_on", "effective_from",
        "effective_to", "gazette_number", "gazette_date", "scope", "validity", "validity_reason",
        "is_draft_for_comment", "live", "get_absolute_url",
    ]
    export_headings = {
        "number": _("Số ký hiệu"), "title": _("Trích yếu"), "doc_type": _("Loại văn bản"),
        "issuer": _("Cơ quan ban hành"), "signer": _("Người ký"), "signer_title": _("Chức danh"),
        "issued_on": _("Ngày ban hành"), "effective_from": _("Ngày có hiệu lực"),
        "effective_to": _("Ngày hết hiệu lực"), "gazette_number": _("Số công báo"),
        "gazette_date": _("Ngày công báo"), "scope": _("Phạm vi"), "validity": _("Tình trạng hiệu lực"),
        "validity_reason": _("Lý do"), "is_draft_for_comment": _("Dự thảo lấy ý kiến"),
        "live": _("Đã xuất bản"), "get_absolute_url": _("Đường dẫn"),
    }
    export_filename = "van-ban-phap-luat"
    index_view_class = SafeExportIndexView  # exported text never runs as a formula
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("number"),
                    FieldPanel("title"),
                    FieldRowPanel([FieldPanel("doc_type"), FieldPanel("issuer")]),
                    FieldPanel("fields"),
                    FieldRowPanel([FieldPanel("signer"), FieldPanel("signer_title")]),
                    FieldRowPanel(
                        [FieldPanel("issued_on"), FieldPanel("effective_from"), FieldPanel("effective_to")]
                    ),
                    FieldRowPanel([FieldPanel("gazette_number"), FieldPanel("gazette_date")]),
                    FieldRowPanel([FieldPanel("scope"), FieldPanel("language")]),
                    FieldPanel("summary"),
                    FieldPanel("slug"),
                    share_panel(),
                ],
                heading=_("Thông tin"),
            ),
            ObjectList(
                [FieldPanel("full_text"), VersionsPanel(heading=_("Các phiên bản toàn văn"))],
                heading=_("Toàn văn"),
            ),
            ObjectList(
                [
                    ValidityPanel(heading=_("Tình trạng hiệu lực hiện tại")),
                    MultiFieldPanel(
                        [
                            FieldPanel("validity_override"),
                            FieldPanel("validity_override_reason"),
                            FieldPanel("validity_override_from"),
                        ],
                        heading=_("Tự xác định tình trạng hiệu lực"),
                    ),
                    InlinePanel("outgoing_relations", heading=_("Quan hệ với văn bản khác"), label=_("Quan hệ")),
                ],
                heading=_("Hiệu lực và quan hệ"),
            ),
            ObjectList(
                [
                    FieldPanel("is_draft_for_comment"),
                    FieldRowPanel([FieldPanel("comment_opens"), FieldPanel("comment_closes")]),
                ],
                heading=_("Dự thảo lấy ý kiến"),
            ),
            ObjectList(
                [InlinePanel("attachments", heading=_("Tệp đính kèm"), label=_("Tệp"))],
                heading=_("Tệp đính kèm"),
            ),
        ],
        base_form_class=shareable(WagtailAdminModelForm),  # "post to Facebook / Zalo OA" (pbgdpl.outreach)
    )

    def get_queryset(self, request):
        return LegalDocument.objects.defer("full_text").select_related("doc_type", "issuer")


class VocabularyViewSet(SnippetViewSet):
    list_display = ["name", "slug", "order", "active"]
    list_filter = ["active"]
    search_fields = ["name"]
    search_backend_name = None
    ordering = ["order", "name"]
    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("order"), FieldPanel("active")]


class DocumentTypeViewSet(VocabularyViewSet):
    model = DocumentType
    icon = "tag"
    menu_label = _("Loại văn bản")
    url_prefix = "legal/types"


class IssuerViewSet(VocabularyViewSet):
    model = Issuer
    icon = "group"
    menu_label = _("Cơ quan ban hành")
    url_prefix = "legal/issuers"
    list_display = ["name", "abbreviation", "scope", "order", "active"]
    list_filter = ["scope", "active"]
    panels = [
        FieldPanel("name"), FieldPanel("abbreviation"), FieldPanel("slug"), FieldPanel("scope"),
        FieldPanel("order"), FieldPanel("active"),
    ]


class FieldViewSet(VocabularyViewSet):
    model = Field
    icon = "folder-open-inverse"
    menu_label = _("Lĩnh vực")
    url_prefix = "legal/fields"


class ProvisionFilterSet(WagtailFilterSet):
    version = django_filters.NumberFilter(field_name="version_id", label=_("Mã phiên bản"))

    class Meta:
        model = Provision
        fields = ["version", "kind"]


class ProvisionViewSet(SnippetViewSet):
    """Read-only: what the parser found, for editors checking a messy import."""

    model = Provision
    icon = "list-ol"
    menu_label = _("Điều khoản (chỉ xem)")
    url_prefix = "legal/provisions"
    inspect_view_enabled = True
    filterset_class = ProvisionFilterSet
    search_fields = ["eid", "title", "text"]
    search_backend_name = None
    ordering = ["version", "order"]
    list_per_page = 100
    list_display = [
        "eid",
        Column("kind", label=_("Loại"), accessor="get_kind_display"),
        Column("heading", label=_("Tiêu đề"), accessor="heading"),
        Column("version", label=_("Phiên bản"), accessor="version"),
    ]

    def get_queryset(self, request):
        return Provision.objects.select_related("version__document")


class DocumentVersionViewSet(SnippetViewSet):
    model = DocumentVersion
    icon = "history"
    menu_label = _("Phiên bản toàn văn (chỉ xem)")
    url_prefix = "legal/versions"
    inspect_view_enabled = True
    list_filter = ["needs_review", "extraction_method"]
    search_fields = ["document__number", "document__title"]
    search_backend_name = None
    list_display = ["document", DateColumn("version_date", label=_("Ngày")), "source_file", "needs_review"]

    def get_queryset(self, request):
        return DocumentVersion.objects.defer("text").select_related("document")


class LegalViewSetGroup(SnippetViewSetGroup):
    items = (
        LegalDocumentViewSet,
        DocumentTypeViewSet,
        IssuerViewSet,
        FieldViewSet,
        DocumentVersionViewSet,
        ProvisionViewSet,
    )
    menu_icon = "doc-full-inverse"
    menu_label = _("Văn bản pháp luật")
    menu_name = "legal"

    def get_submenu_items(self):
        items = super().get_submenu_items()
        items.insert(1, ImportMenuItem(_("Nhập văn bản từ tệp"), reverse_lazy("legal_import:upload"),
                                       icon_name="upload", name="legal-import", order=2))
        return items


class ImportMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return import_views.can_import(request.user)


@hooks.register("register_admin_urls")
def register_import_urls():
    return [path("legal/nhap-van-ban/", include(import_views.urlpatterns))]


register_permission_policy(Provision, ReadOnlyPermissionPolicy(Provision))
register_permission_policy(DocumentVersion, ReadOnlyPermissionPolicy(DocumentVersion))
register_snippet(LegalViewSetGroup)
