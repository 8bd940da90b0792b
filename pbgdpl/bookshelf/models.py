"""The electronic legal bookshelf: books read in the browser, audiobooks and podcasts.

A book's uploaded file stays the original for download; the worker turns its text into
:class:`BookSection` rows (one chapter each, sanitised HTML with anchored paragraphs) that the reader
pages, the in-book search and the site search all read. Audio files are served by the app's own view
so the podcast feed's enclosure length and type are exactly what the server answers.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .admin_forms import AudioAdminForm, BookAdminForm

BOOK_EXTENSIONS = ("pdf", "docx", "epub")
AUDIO_TYPES = {"mp3": "audio/mpeg", "m4a": "audio/mp4", "ogg": "audio/ogg"}


class BookStatus(models.TextChoices):
    PENDING = "pending", _("Đang xử lý")
    READY = "ready", _("Đã dựng bản đọc")
    FLAGGED = "flagged", _("Cần biên tập viên xem")
    FAILED = "failed", _("Không đọc được tệp")


class Book(models.Model):
    class Kind(models.TextChoices):
        HANDBOOK = "handbook", _("Sổ tay pháp luật")
        QA_BOOKLET = "qa", _("Sách hỏi đáp")
        OUTLINE = "outline", _("Đề cương tuyên truyền")

    title = models.CharField(_("tên sách"), max_length=255)
    slug = models.SlugField(_("đường dẫn"), max_length=120, unique=True, allow_unicode=False)
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices, default=Kind.HANDBOOK)
    author = models.CharField(_("tác giả, đơn vị biên soạn"), max_length=255, blank=True)
    year = models.PositiveSmallIntegerField(_("năm xuất bản"), null=True, blank=True)
    description = models.TextField(_("giới thiệu"), blank=True)
    file = models.FileField(_("tệp gốc (PDF, DOCX, EPUB)"), upload_to="bookshelf/books/")
    live = models.BooleanField(_("công khai"), default=False,
                               help_text=_("Chỉ hiện trên trang khi bản đọc đã dựng xong."))
    status = models.CharField(_("tình trạng"), max_length=20, choices=BookStatus.choices, default=BookStatus.PENDING)
    status_message = models.TextField(_("ghi chú khi xử lý"), blank=True)
    is_sample = models.BooleanField(_("dữ liệu mẫu"), default=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    base_form_class = BookAdminForm

    class Meta:
        verbose_name = _("sách")
        verbose_name_plural = _("sách")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("bookshelf:book", args=[self.slug])

    @property
    def file_extension(self) -> str:
        return self.file.name.rsplit(".", 1)[-1].lower() if "." in self.file.name else ""


class BookSection(models.Model):
    """One chapter of a book's reader: its title, sanitised HTML and plain text (for search)."""

    book = models.ForeignKey(Book, on_delete=models.CASCADE, related_name="sections")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=500)
    html = models.TextField()
    text = models.TextField()

    class Meta:
        ordering = ["book", "number"]
        constraints = [models.UniqueConstraint(fields=["book", "number"], name="bookshelf_section_once")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("bookshelf:chapter", args=[self.book.slug, self.number])


class AudioFile(models.Model):
    """Fields every served audio file has (an episode, an audiobook chapter)."""

    audio = models.FileField(_("tệp âm thanh (MP3, M4A, OGG)"), upload_to="bookshelf/audio/")
    audio_type = models.CharField(max_length=40, editable=False, blank=True)
    audio_bytes = models.PositiveBigIntegerField(default=0, editable=False)
    duration_seconds = models.PositiveIntegerField(default=0, editable=False)

    base_form_class = AudioAdminForm

    class Meta:
        abstract = True

    @property
    def duration_label(self) -> str:
        minutes, seconds = divmod(self.duration_seconds, 60)
        return f"{minutes}:{seconds:02d}"


class PodcastShow(models.Model):
    title = models.CharField(_("tên chương trình"), max_length=255)
    slug = models.SlugField(_("đường dẫn"), max_length=120, unique=True)
    description = models.TextField(_("giới thiệu"))
    author = models.CharField(_("đơn vị thực hiện"), max_length=255)
    category = models.CharField(_("chuyên mục iTunes"), max_length=100, default="Government")
    explicit = models.BooleanField(_("nội dung người lớn"), default=False)
    image = models.ForeignKey("wagtailimages.Image", verbose_name=_("ảnh bìa"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    live = models.BooleanField(_("công khai"), default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("chương trình podcast")
        verbose_name_plural = _("chương trình podcast")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("bookshelf:show", args=[self.slug])


class Episode(AudioFile):
    show = models.ForeignKey(PodcastShow, on_delete=models.CASCADE, related_name="episodes")
    title = models.CharField(_("tên số"), max_length=255)
    slug = models.SlugField(_("đường dẫn"), max_length=120)
    description = models.TextField(_("tóm tắt"))
    transcript = models.TextField(_("lời thoại"), blank=True)
    guid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    published_at = models.DateTimeField(_("ngày phát hành"), default=timezone.now)
    live = models.BooleanField(_("công khai"), default=True)
    is_sample = models.BooleanField(_("âm thanh mẫu"), default=False)

    class Meta:
        verbose_name = _("số podcast")
        verbose_name_plural = _("số podcast")
        ordering = ["-published_at"]
        constraints = [models.UniqueConstraint(fields=["show", "slug"], name="bookshelf_episode_slug_once")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("bookshelf:episode", args=[self.show.slug, self.slug])

    def get_audio_url(self) -> str:
        return reverse("bookshelf:audio", args=["podcast", self.pk, self.audio.name.rsplit(".", 1)[-1]])


class Audiobook(models.Model):
    title = models.CharField(_("tên sách nói"), max_length=255)
    slug = models.SlugField(_("đường dẫn"), max_length=120, unique=True)
    author = models.CharField(_("tác giả, người đọc"), max_length=255, blank=True)
    description = models.TextField(_("giới thiệu"))
    live = models.BooleanField(_("công khai"), default=True)
    is_sample = models.BooleanField(_("âm thanh mẫu"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("sách nói")
        verbose_name_plural = _("sách nói")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("bookshelf:audiobook", args=[self.slug])


class AudiobookChapter(AudioFile):
    audiobook = models.ForeignKey(Audiobook, on_delete=models.CASCADE, related_name="chapters")
    number = models.PositiveIntegerField(_("thứ tự"))
    title = models.CharField(_("tên chương"), max_length=255)
    transcript = models.TextField(_("lời đọc"), blank=True)

    class Meta:
        verbose_name = _("chương sách nói")
        verbose_name_plural = _("chương sách nói")
        ordering = ["audiobook", "number"]
        constraints = [models.UniqueConstraint(fields=["audiobook", "number"], name="bookshelf_chapter_once")]

    def __str__(self) -> str:
        return self.title

    def get_audio_url(self) -> str:
        return reverse("bookshelf:audio", args=["sach-noi", self.pk, self.audio.name.rsplit(".", 1)[-1]])
