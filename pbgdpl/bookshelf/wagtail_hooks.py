"""Admin (Tủ sách pháp luật): books with their build status, podcast shows and episodes,
audiobooks and their chapters. Editors add and change; the editorial board also deletes."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel

from pbgdpl.core.admin_viewsets import (
    GroupedModelViewSet,
    field_panels,
    publication_panel,
    register_menu_group,
)

from .models import Audiobook, AudiobookChapter, Book, Episode, PodcastShow


class BookViewSet(GroupedModelViewSet):
    model = Book
    icon = "doc-full"
    menu_label = _("Sách điện tử")
    name = "bookshelf_books"
    url_prefix = "tu-sach/sach"
    list_display = ["title", "kind", "year", "status", "live"]
    list_filter = ["status", "live", "kind"]
    search_fields = ["title", "author"]
    inspect_view_enabled = True
    panels = [
        HelpPanel(content=_("Sau khi lưu, hệ thống đọc tệp và dựng bản đọc (chương, mục lục) trong nền. "
                            "EPUB có mã lệnh sẽ bị loại mã lệnh và đánh dấu “cần biên tập viên xem”; "
                            "PDF chỉ có ảnh được nhận dạng chữ (OCR). Xem cột Tình trạng và ghi chú.")),
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("year")]),
        FieldPanel("author"),
        FieldPanel("description"),
        FieldPanel("file"),
        publication_panel(),
        FieldPanel("status", read_only=True),
        FieldPanel("status_message", read_only=True),
    ]


class ShowViewSet(GroupedModelViewSet):
    model = PodcastShow
    icon = "media"
    menu_label = _("Chương trình podcast")
    name = "bookshelf_shows"
    url_prefix = "tu-sach/podcast"
    list_display = ["title", "author", "live"]
    panels = field_panels("title", "slug", "description", "author", "category", "explicit", "image", "live")


class EpisodeViewSet(GroupedModelViewSet):
    model = Episode
    icon = "media"
    menu_label = _("Số podcast")
    name = "bookshelf_episodes"
    url_prefix = "tu-sach/so-podcast"
    list_display = ["title", "show", "published_at", "duration_label", "live"]
    list_filter = ["show", "live"]
    panels = field_panels("show", "title", "slug", "description", "transcript", "audio", "published_at", "live", "is_sample")


class AudiobookViewSet(GroupedModelViewSet):
    model = Audiobook
    icon = "media"
    menu_label = _("Sách nói")
    name = "bookshelf_audiobooks"
    url_prefix = "tu-sach/sach-noi"
    list_display = ["title", "author", "live"]
    panels = field_panels("title", "slug", "author", "description", "live", "is_sample")


class ChapterViewSet(GroupedModelViewSet):
    model = AudiobookChapter
    icon = "media"
    menu_label = _("Chương sách nói")
    name = "bookshelf_chapters"
    url_prefix = "tu-sach/chuong-sach-noi"
    list_display = ["title", "audiobook", "number", "duration_label"]
    list_filter = ["audiobook"]
    panels = field_panels("audiobook", "number", "title", "transcript", "audio")


register_menu_group(_("Tủ sách pháp luật"), "doc-full", 460,
                    [BookViewSet, ShowViewSet, EpisodeViewSet, AudiobookViewSet, ChapterViewSet])
