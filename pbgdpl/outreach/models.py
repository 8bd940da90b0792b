"""The editor's choice to share an item on Facebook / Zalo OA, and the outbox of posts.

A post row is written in the transaction that publishes the item (``services.on_published``) and
sent afterwards by the task queue; one row per item and platform, so publishing again never posts
twice, and the platform's post id is kept once it went out.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Platform(models.TextChoices):
    FACEBOOK = "facebook", _("Facebook")
    ZALO = "zalo", _("Zalo OA")


class PostStatus(models.TextChoices):
    PENDING = "pending", _("Chờ gửi")
    SENT = "sent", _("Đã đăng")
    FAILED = "failed", _("Lỗi")


class ShareChoice(models.Model):
    """What the editor ticked on an item's edit form (kept until the item is published)."""

    label = models.CharField(max_length=60)  # "news.ArticlePage", "legal.LegalDocument"
    object_pk = models.CharField(max_length=40)
    facebook = models.BooleanField(default=False)
    zalo = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["label", "object_pk"], name="outreach_choice_unique")]


class SocialPost(models.Model):
    platform = models.CharField(_("mạng xã hội"), max_length=10, choices=Platform.choices)
    label = models.CharField(_("loại nội dung"), max_length=60)
    object_pk = models.CharField(max_length=40)
    title = models.CharField(_("tiêu đề"), max_length=1000)
    summary = models.TextField(_("tóm tắt"), blank=True)
    link = models.URLField(_("liên kết"), max_length=500)
    image_url = models.URLField(_("ảnh"), max_length=500, blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=PostStatus.choices, default=PostStatus.PENDING)
    attempts = models.PositiveSmallIntegerField(_("số lần thử"), default=0)
    last_error = models.TextField(_("lỗi gần nhất"), blank=True)
    remote_id = models.CharField(_("mã bài trên mạng xã hội"), max_length=200, blank=True)
    remote_url = models.URLField(_("địa chỉ bài đăng"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    next_attempt_at = models.DateTimeField(_("thử lại lúc"), null=True, blank=True)
    sent_at = models.DateTimeField(_("đăng lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("bài đăng mạng xã hội")
        verbose_name_plural = _("bài đăng mạng xã hội")
        constraints = [models.UniqueConstraint(fields=["platform", "label", "object_pk"],
                                               name="outreach_post_once_per_platform")]

    def __str__(self) -> str:
        return f"{self.get_platform_display()}: {self.title[:80]}"
