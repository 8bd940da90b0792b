"""Infographics: an image with a required alternative text and a long description of all it says."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from pbgdpl.core.text import search_key, vietnamese_slug

from .base import MediaItem, Processing


class Infographic(MediaItem):
    image = models.ForeignKey("wagtailimages.Image", verbose_name=_("ảnh (bản in khổ lớn)"), on_delete=models.PROTECT,
                              related_name="+")
    alt_text = models.CharField(_("văn bản thay thế (alt)"), max_length=250,
                                help_text=_("Một câu cho người không nhìn thấy ảnh: ảnh nói về điều gì."))
    long_description = models.TextField(_("mô tả đầy đủ"),
                                        help_text=_("Toàn bộ thông tin trong ảnh, viết thành chữ (để đọc bằng trình "
                                                    "đọc màn hình và để tìm kiếm)."))
    year = models.PositiveSmallIntegerField(_("năm"), null=True, blank=True)

    class Meta(MediaItem.Meta):
        verbose_name = _("infographic")
        verbose_name_plural = _("infographic")

    def save(self, *args, **kwargs):
        # An image is decoded by Wagtail at upload: nothing is left to process in the background.
        self.processing = Processing.DONE
        self.search_text = search_key(self.title, self.alt_text, self.long_description)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        slug = vietnamese_slug(self.title, 80) or "infographic"
        return reverse("media:infographic", kwargs={"pk": self.pk, "slug": slug})
