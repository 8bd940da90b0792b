"""Admin (Tủ sách pháp luật): books with their build status, podcast shows and episodes,
audiobooks and their chapters. Editors add and change; the editorial board also deletes."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from .models import Audiobook, AudiobookChapter, Book, Episode, PodcastShow


class BookViewSet(ModelViewSet):
    model = Book
    icon = "doc-full"
    menu_label = _("Sách điện tử")
    name = "bookshelf_books"
    url_prefix = "tu-sach/sach"
    list_display = ["title", "kind", "year", "status", "live"]
    list_filter = ["status", "live", "kind"]
    search_fields = ["title", "author"]
    search_backend_name = None
    add_to_admin_menu = False
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
        MultiFieldPanel([FieldPanel("live"), FieldPanel("is_sample")], heading=_("Công bố")),
        FieldPanel("status", read_only=True),
        FieldPanel("status_message", read_only=True),
    ]


class ShowViewSet(ModelViewSet):
    model = PodcastShow
    icon = "media"
    menu_label = _("Chương trình podcast")
    name = "bookshelf_shows"
    url_prefix = "tu-sach/podcast"
    list_display = ["title", "author", "live"]
    add_to_admin_menu = False
    panels = [FieldPanel(name) for name in ["title", "slug", "description", "author", "category", "explicit", "image", "live"]]


class EpisodeViewSet(ModelViewSet):
    model = Episode
    icon = "media"
    menu_label = _("Số podcast")
    name = "bookshelf_episodes"
    url_prefix = "tu-sach/so-podcast"
    list_display = ["title", "show", "published_at", "duration_label", "live"]
    list_filter = ["show", "live"]
    add_to_admin_menu = False
    panels = [FieldPanel(name) for name in ["show", "title", "slug", "description", "transcript", "audio", "published_at", "live", "is_sample"]]


class AudiobookViewSet(ModelViewSet):
    model = Audiobook
    icon = "media"
    menu_label = _("Sách nói")
    name = "bookshelf_audiobooks"
    url_prefix = "tu-sach/sach-noi"
    list_display = ["title", "author", "live"]
    add_to_admin_menu = False
    panels = [FieldPanel(name) for name in ["title", "slug", "author", "description", "live", "is_sample"]]


class ChapterViewSet(ModelViewSet):
    model = AudiobookChapter
    icon = "media"
    menu_label = _("Chương sách nói")
    name = "bookshelf_chapters"
    url_prefix = "tu-sach/chuong-sach-noi"
    list_display = ["title", "audiobook", "number", "duration_label"]
    list_filter = ["audiobook"]
    add_to_admin_menu = False
    panels = [FieldPanel(name) for name in ["audiobook", "number", "title", "transcript", "audio"]]


class BookshelfGroup(ModelViewSetGroup):
    menu_label = _("Tủ sách pháp luật")
    menu_icon = "doc-full"
    menu_order = 460
    items = (BookViewSet, ShowViewSet, EpisodeViewSet, AudiobookViewSet, ChapterViewSet)


@hooks.register("register_admin_viewset")
def register_bookshelf_viewsets():
    return BookshelfGroup()
