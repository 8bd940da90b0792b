"""Files an editor uploads in the admin to import as legal documents (pbgdpl/legal/admin_import/).

A batch is what one upload brought; each item is one file, read by the background worker
(``legal.tasks.read_import_item``): extracted text, parser warnings, the article tree and the
metadata the parser could guess. The editor corrects the metadata and saves the item as a draft
through the same importer as ``manage.py import_documents``.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from pbgdpl.core.private_media import PrivateStorage


class ImportStorage(PrivateStorage):
    """Uploaded import files: never served, readable by the web server and the worker only."""

    subdirectory = "imports"
    file_permissions_mode = 0o600
    directory_permissions_mode = 0o700


def import_storage() -> ImportStorage:
    return ImportStorage()


def import_path(instance, filename: str) -> str:
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"{uuid.uuid4().hex}.{suffix}"


class ImportBatch(models.Model):
    created_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người tải lên"), null=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("lượt nhập văn bản")
        verbose_name_plural = _("lượt nhập văn bản")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"#{self.pk}"

    def progress(self) -> tuple[int, int]:
        """(items read, all items)."""
        statuses = list(self.items.values_list("status", flat=True))
        return sum(1 for s in statuses if s not in ImportItem.PENDING), len(statuses)


class ImportItem(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Đang chờ đọc")
        READING = "reading", _("Đang đọc")
        READY = "ready", _("Đã đọc, chờ kiểm tra")
        FAILED = "failed", _("Không đọc được")
        SAVED = "saved", _("Đã lưu")

    PENDING = (Status.QUEUED, Status.READING)

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="items")
    file = models.FileField(_("tệp"), upload_to=import_path, storage=import_storage)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    text = models.TextField(_("toàn văn đọc được"), blank=True)
    extraction_method = models.CharField(max_length=10, blank=True)
    needs_review = models.BooleanField(default=False)
    warnings = models.JSONField(default=list, blank=True)
    outline = models.JSONField(_("cây điều khoản"), default=list, blank=True)
    metadata = models.JSONField(_("thông tin đoán được"), default=dict, blank=True)
    error = models.TextField(blank=True)
    document = models.ForeignKey("legal.LegalDocument", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")

    class Meta:
        verbose_name = _("tệp nhập văn bản")
        verbose_name_plural = _("tệp nhập văn bản")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.original_name

    @property
    def is_csv(self) -> bool:
        return self.original_name.lower().endswith(".csv")
