"""Admin: materials, videos, infographics and courses (menu "Tài liệu, video")."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from .admin_forms import MaterialAdminForm, VideoAdminForm
from .models import Course, Infographic, Material, Video

PROCESSING_HELP = _("Sau khi lưu, tệp được xử lý ở chế độ nền (ảnh xem trước, chữ, bản cho điện thoại). Cột "
                    "“Trạng thái xử lý” cho biết kết quả; lỗi được ghi rõ để bạn sửa tệp và tải lại.")
STATUS_PANELS = [FieldPanel("processing", read_only=True), FieldPanel("processing_error", read_only=True)]


class MaterialViewSet(ModelViewSet):
    model = Material
    icon = "doc-full"
    menu_label = _("Tài liệu tuyên truyền")
    url_prefix = "tai-lieu-tuyen-truyen"
    list_display = ["title", "kind", "year", "processing", "processing_error", "live"]
    list_filter = ["kind", "processing", "live", "year"]
    search_fields = ["title", "issuer"]
    search_backend_name = None
    add_to_admin_menu = False
    edit_handler = ObjectList([
        HelpPanel(content=PROCESSING_HELP),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("audience")]),
        FieldRowPanel([FieldPanel("field"), FieldPanel("year")]),
        FieldPanel("issuer"),
        FieldPanel("description"),
        FieldPanel("file"),
        MultiFieldPanel([*STATUS_PANELS, FieldPanel("text_needs_review", read_only=True)], heading=_("Xử lý tệp")),
        MultiFieldPanel([FieldPanel("live"), FieldPanel("is_sample")], heading=_("Công bố")),
    ], base_form_class=MaterialAdminForm)


class VideoViewSet(ModelViewSet):
    model = Video
    icon = "media"
    menu_label = _("Video")
    url_prefix = "video"
    list_display = ["title", "source", "duration_label", "processing", "processing_error", "live"]
    list_filter = ["source", "processing", "live"]
    search_fields = ["title"]
    search_backend_name = None
    add_to_admin_menu = False
    edit_handler = ObjectList([
        HelpPanel(content=PROCESSING_HELP),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("field"),
        MultiFieldPanel([FieldPanel("source"), FieldPanel("original"), FieldPanel("external_url")],
                        heading=_("Video")),
        MultiFieldPanel([FieldPanel("has_speech"), FieldPanel("captions"), FieldPanel("captions_override"),
                         FieldPanel("captions_override_reason")], heading=_("Phụ đề")),
        MultiFieldPanel(STATUS_PANELS, heading=_("Xử lý tệp")),
        MultiFieldPanel([FieldPanel("live"), FieldPanel("is_sample")], heading=_("Công bố")),
    ], base_form_class=VideoAdminForm)


class InfographicViewSet(ModelViewSet):
    model = Infographic
    icon = "image"
    menu_label = _("Infographic")
    url_prefix = "infographic"
    list_display = ["title", "year", "live"]
    list_filter = ["live"]
    search_fields = ["title"]
    search_backend_name = None
    add_to_admin_menu = False
    form_fields = ["title", "image", "alt_text", "long_description", "description", "field", "year", "live",
                   "is_sample"]


class CourseViewSet(ModelViewSet):
    model = Course
    icon = "group"
    menu_label = _("Bài giảng trực tuyến")
    url_prefix = "bai-giang"
    list_display = ["title", "live"]
    search_fields = ["title"]
    search_backend_name = None
    add_to_admin_menu = False
    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("summary"),
        FieldPanel("field"),
        InlinePanel("lessons", label=_("Bài"), panels=[
            FieldPanel("title"), FieldPanel("text"), FieldPanel("video"), FieldPanel("slides"),
            FieldPanel("practice_quiz")]),
        MultiFieldPanel([FieldPanel("live"), FieldPanel("is_sample")], heading=_("Công bố")),
    ]


class MediaGroup(ModelViewSetGroup):
    menu_label = _("Tài liệu, video")
    menu_icon = "media"
    menu_order = 460
    items = (MaterialViewSet, VideoViewSet, InfographicViewSet, CourseViewSet)


@hooks.register("register_admin_viewset")
def register_media_viewsets():
    return MediaGroup()
