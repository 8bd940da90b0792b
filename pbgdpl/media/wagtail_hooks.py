"""Admin: materials, videos, infographics and courses (menu "Tài liệu, video")."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)

from pbgdpl.core.admin_viewsets import (
    GroupedModelViewSet,
    field_panels,
    publication_panel,
    register_menu_group,
)

from .admin_forms import MaterialAdminForm, VideoAdminForm
from .models import Course, Infographic, Material, Video

PROCESSING_HELP = _("Sau khi lưu, tệp được xử lý ở chế độ nền (ảnh xem trước, chữ, bản cho điện thoại). Cột "
                    "“Trạng thái xử lý” cho biết kết quả; lỗi được ghi rõ để bạn sửa tệp và tải lại.")
STATUS_PANELS = [FieldPanel("processing", read_only=True), FieldPanel("processing_error", read_only=True)]


class MaterialViewSet(GroupedModelViewSet):
    model = Material
    icon = "doc-full"
    menu_label = _("Tài liệu tuyên truyền")
    url_prefix = "tai-lieu-tuyen-truyen"
    list_display = ["title", "kind", "year", "processing", "processing_error", "live"]
    list_filter = ["kind", "processing", "live", "year"]
    search_fields = ["title", "issuer"]
    edit_handler = ObjectList([
        HelpPanel(content=PROCESSING_HELP),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("audience")]),
        FieldRowPanel([FieldPanel("field"), FieldPanel("year")]),
        FieldPanel("issuer"),
        FieldPanel("description"),
        FieldPanel("file"),
        MultiFieldPanel([*STATUS_PANELS, FieldPanel("text_needs_review", read_only=True)], heading=_("Xử lý tệp")),
        publication_panel(),
    ], base_form_class=MaterialAdminForm)


class VideoViewSet(GroupedModelViewSet):
    model = Video
    icon = "media"
    menu_label = _("Video")
    url_prefix = "video"
    list_display = ["title", "source", "duration_label", "processing", "processing_error", "live"]
    list_filter = ["source", "processing", "live"]
    search_fields = ["title"]
    edit_handler = ObjectList([
        HelpPanel(content=PROCESSING_HELP),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("field"),
        MultiFieldPanel(field_panels("source", "original", "external_url"), heading=_("Video")),
        MultiFieldPanel(field_panels("has_speech", "captions", "captions_override", "captions_override_reason"),
                        heading=_("Phụ đề")),
        MultiFieldPanel(STATUS_PANELS, heading=_("Xử lý tệp")),
        publication_panel(),
    ], base_form_class=VideoAdminForm)


class InfographicViewSet(GroupedModelViewSet):
    model = Infographic
    icon = "image"
    menu_label = _("Infographic")
    url_prefix = "infographic"
    list_display = ["title", "year", "live"]
    list_filter = ["live"]
    search_fields = ["title"]
    form_fields = ["title", "image", "alt_text", "long_description", "description", "field", "year", "live",
                   "is_sample"]


class CourseViewSet(GroupedModelViewSet):
    model = Course
    icon = "group"
    menu_label = _("Bài giảng trực tuyến")
    url_prefix = "bai-giang"
    list_display = ["title", "live"]
    search_fields = ["title"]
    panels = [
        *field_panels("title", "slug", "summary", "field"),
        InlinePanel("lessons", label=_("Bài"), panels=field_panels("title", "text", "video", "slides", "practice_quiz")),
        publication_panel(),
    ]


register_menu_group(_("Tài liệu, video"), "media", 460,
                    [MaterialViewSet, VideoViewSet, InfographicViewSet, CourseViewSet])
