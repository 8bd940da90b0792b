"""What every media item shares: background processing state and the rule that only a processed,
published item is public."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _


class Processing(models.TextChoices):
    PENDING = "cho", _("Đang chờ xử lý")
    DONE = "xong", _("Đã xử lý xong")
    FAILED = "loi", _("Xử lý lỗi")


class Audience(models.TextChoices):
    EVERYONE = "nguoi-dan", _("Người dân")
    PUPILS = "hoc-sinh", _("Học sinh, sinh viên")
    OFFICIALS = "can-bo", _("Cán bộ, công chức")
    BUSINESSES = "doanh-nghiep", _("Doanh nghiệp, người lao động")
    MINORITIES = "dan-toc", _("Đồng bào dân tộc thiểu số")


class PublishedQuerySet(models.QuerySet):
    def published(self):
        """Public: the editor published it AND its processing succeeded (never half-processed)."""
        return self.filter(live=True, processing=Processing.DONE)


@deconstructible
class UploadPath:
    """A random directory per file: public media URLs cannot be guessed from one another."""

    def __init__(self, folder: str):
        self.folder = folder

    def __call__(self, instance, filename: str) -> str:
        return f"media/{self.folder}/{uuid.uuid4().hex}/{filename}"

    def __eq__(self, other) -> bool:
        return isinstance(other, UploadPath) and other.folder == self.folder


def upload_path(folder: str) -> UploadPath:
    return UploadPath(folder)


class MediaItem(models.Model):
    title = models.CharField(_("tiêu đề"), max_length=300)
    description = models.TextField(_("mô tả"), blank=True)
    field = models.ForeignKey("legal.Field", verbose_name=_("lĩnh vực"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    live = models.BooleanField(_("công khai"), default=False,
                               help_text=_("Chỉ hiện trên Cổng khi đã xử lý xong tệp."))
    processing = models.CharField(_("trạng thái xử lý"), max_length=4, choices=Processing.choices,
                                  default=Processing.PENDING, editable=False)
    processing_error = models.TextField(_("lỗi xử lý"), blank=True, editable=False)
    is_sample = models.BooleanField(_("dữ liệu mẫu"), default=False)
    search_text = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.live and self.processing == Processing.DONE
