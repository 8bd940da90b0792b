"""Outreach materials (tài liệu tuyên truyền): leaflets, posters, outlines… with a preview and their text."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from pbgdpl.core.text import search_key, vietnamese_slug

from .base import Audience, MediaItem, upload_path


class MaterialKind(models.TextChoices):
    LEAFLET = "to-roi", _("Tờ rơi")
    FOLDER = "to-gap", _("Tờ gấp")
    BILLBOARD = "pano", _("Pano")
    POSTER = "ap-phich", _("Áp phích")
    OUTLINE = "de-cuong", _("Đề cương tuyên truyền")
    LECTURE = "bai-giang", _("Bài giảng")
    QA = "hoi-dap", _("Tài liệu hỏi đáp")


class Material(MediaItem):
    kind = models.CharField(_("loại tài liệu"), max_length=12, choices=MaterialKind.choices)
    audience = models.CharField(_("đối tượng"), max_length=14, choices=Audience.choices, default=Audience.EVERYONE)
    year = models.PositiveSmallIntegerField(_("năm"), validators=[MinValueValidator(1990), MaxValueValidator(2100)])
    issuer = models.CharField(_("đơn vị phát hành"), max_length=300)
    file = models.FileField(_("tệp tài liệu (PDF, DOCX, PPTX)"), upload_to=upload_path("materials"), max_length=300)
    pdf = models.FileField(_("bản PDF"), upload_to=upload_path("materials-pdf"), blank=True, editable=False,
                           max_length=300)
    preview = models.ImageField(_("ảnh trang đầu"), upload_to=upload_path("materials-preview"), blank=True,
                                editable=False, max_length=300)
    page_count = models.PositiveIntegerField(_("số trang"), default=0, editable=False)
    text = models.TextField(_("nội dung chữ"), blank=True, editable=False)
    text_needs_review = models.BooleanField(_("chữ cần kiểm tra"), default=False, editable=False,
                                            help_text=_("Chữ đọc bằng nhận dạng ảnh (OCR) hoặc không đọc được."))

    class Meta(MediaItem.Meta):
        verbose_name = _("tài liệu tuyên truyền")
        verbose_name_plural = _("tài liệu tuyên truyền")

    def save(self, *args, **kwargs):
        self.search_text = search_key(self.title, self.description, self.issuer, self.get_kind_display(), self.text)
        super().save(*args, **kwargs)

    @property
    def slug(self) -> str:
        return vietnamese_slug(self.title, 80) or "tai-lieu"

    def get_absolute_url(self) -> str:
        return reverse("media:material", kwargs={"pk": self.pk, "slug": self.slug})

    def download_url(self) -> str:
        return reverse("media:material_download", kwargs={"pk": self.pk})

    @property
    def extension(self) -> str:
        return self.file.name.rsplit(".", 1)[-1].upper() if "." in self.file.name else ""
