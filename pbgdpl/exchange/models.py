"""What the exchange remembers: every run (the log editors read), what was sent with which content
hash (so unchanged items are not re-sent and a restarted run skips what already went), what was
pulled from which source id (so a document is never imported twice), and the pull cursor."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Direction(models.TextChoices):
    PUSH = "push", _("Gửi lên trục")
    PULL = "pull", _("Nhận từ trục")


class RunStatus(models.TextChoices):
    RUNNING = "running", _("Đang chạy")
    OK = "ok", _("Thành công")
    PARTIAL = "partial", _("Có mục lỗi")
    FAILED = "failed", _("Thất bại")


class ExchangeRun(models.Model):
    direction = models.CharField(_("chiều"), max_length=10, choices=Direction.choices)
    status = models.CharField(_("kết quả"), max_length=10, choices=RunStatus.choices, default=RunStatus.RUNNING)
    started_at = models.DateTimeField(_("bắt đầu"), auto_now_add=True)
    finished_at = models.DateTimeField(_("kết thúc"), null=True, blank=True)
    sent = models.PositiveIntegerField(_("đã gửi"), default=0)
    received = models.PositiveIntegerField(_("đã nhận"), default=0)
    unchanged = models.PositiveIntegerField(_("không đổi"), default=0)
    failed = models.PositiveIntegerField(_("lỗi"), default=0)
    errors = models.JSONField(_("lỗi chi tiết"), default=list, blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("lượt trao đổi dữ liệu")
        verbose_name_plural = _("nhật ký trao đổi dữ liệu")

    def __str__(self) -> str:
        return f"{self.get_direction_display()} {self.started_at:%d/%m/%Y %H:%M}"


class SentItem(models.Model):
    """The last version of one item the exchange accepted."""

    item_id = models.CharField(_("mã mục"), max_length=100, unique=True)  # "document:12", "news:40", "qa:7"
    content_hash = models.CharField(_("mã băm nội dung"), max_length=64)
    remote_id = models.CharField(_("mã trên trục"), max_length=200, blank=True)
    sent_at = models.DateTimeField(_("gửi lúc"), auto_now=True)

    class Meta:
        verbose_name = _("mục đã gửi")
        verbose_name_plural = _("mục đã gửi")


class PulledItem(models.Model):
    """One document of the national source and the draft it became."""

    source_id = models.CharField(_("mã nguồn"), max_length=200, unique=True)
    content_hash = models.CharField(_("mã băm nội dung"), max_length=64)
    document = models.ForeignKey("legal.LegalDocument", verbose_name=_("văn bản"), null=True,
                                 on_delete=models.SET_NULL, related_name="+")
    pulled_at = models.DateTimeField(_("nhận lúc"), auto_now=True)

    class Meta:
        verbose_name = _("văn bản nhận về")
        verbose_name_plural = _("văn bản nhận về")


class Checkpoint(models.Model):
    """Where the last pull stopped (the source's cursor), so the next run resumes there."""

    name = models.CharField(max_length=50, unique=True)
    value = models.CharField(max_length=500, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
