"""The practitioners' forum: categories (public or members-only), threads, posts, subscriptions,
invitations, bans and the moderators' decisions.

Members are ordinary Django users in the "Thành viên diễn đàn" group with no admin permission.
Posts keep the author's Markdown and the sanitised HTML rendered from it (``markup.render``).
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pbgdpl.core import private_media


class PrivateStorage(private_media.PrivateStorage):
    """Attachments live outside MEDIA_ROOT and reach a reader only through the forum's view, which
    checks that the reader may see the category (members-only files never have a public URL)."""

    subdirectory = "forum"
    file_permissions_mode = 0o600
    directory_permissions_mode = 0o700


def private_storage() -> PrivateStorage:
    return PrivateStorage()


def attachment_path(instance, filename: str) -> str:
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"{timezone.now():%Y/%m}/{secrets.token_hex(16)}.{extension}"


class CategoryQuerySet(models.QuerySet):
    def readable_by(self, user):
        from .access import is_member

        return self if is_member(user) else self.filter(members_only=False)


class Category(models.Model):
    name = models.CharField(_("tên chuyên mục"), max_length=120)
    slug = models.SlugField(_("đường dẫn"), max_length=140, unique=True)
    description = models.TextField(_("mô tả"), blank=True)
    members_only = models.BooleanField(
        _("chỉ thành viên được đọc"), default=False,
        help_text=_("Nội dung không hiện với khách, không vào tìm kiếm công khai và sơ đồ trang."))
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    objects = CategoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("chuyên mục diễn đàn")
        verbose_name_plural = _("chuyên mục diễn đàn")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("forum:category", kwargs={"slug": self.slug})


class ThreadQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(hidden=False)

    def public(self):
        return self.visible().filter(category__members_only=False)


class Thread(models.Model):
    category = models.ForeignKey(Category, verbose_name=_("chuyên mục"), on_delete=models.PROTECT,
                                 related_name="threads")
    title = models.CharField(_("tiêu đề"), max_length=200)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    last_post_at = models.DateTimeField(default=timezone.now, db_index=True)
    locked = models.BooleanField(_("đã khóa"), default=False)
    hidden = models.BooleanField(_("đã ẩn"), default=False)

    objects = ThreadQuerySet.as_manager()

    class Meta:
        verbose_name = _("chủ đề")
        verbose_name_plural = _("chủ đề")
        ordering = ["-last_post_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("forum:thread", kwargs={"pk": self.pk})


class Post(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    source = models.TextField(_("nội dung (Markdown)"))
    html = models.TextField(editable=False)
    attachment = models.FileField(_("tệp đính kèm"), upload_to=attachment_path, storage=private_storage, blank=True)
    attachment_name = models.CharField(max_length=120, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    hidden = models.BooleanField(_("đã ẩn"), default=False)

    class Meta:
        verbose_name = _("bài viết")
        verbose_name_plural = _("bài viết")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"#{self.pk} trong “{self.thread}”"


class Subscription(models.Model):
    """A member follows a thread or a whole category and gets a digest of new posts."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_subscriptions")
    thread = models.ForeignKey(Thread, null=True, blank=True, on_delete=models.CASCADE, related_name="subscriptions")
    category = models.ForeignKey(Category, null=True, blank=True, on_delete=models.CASCADE,
                                 related_name="subscriptions")
    since = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "thread"], name="forum_one_subscription_per_thread"),
            models.UniqueConstraint(fields=["user", "category"], name="forum_one_subscription_per_category"),
        ]


class Invitation(models.Model):
    """An invitation the department sends; the signed link carries its id and works once."""

    email = models.EmailField(_("thư điện tử"))
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    used_at = models.DateTimeField(null=True, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+")

    class Meta:
        verbose_name = _("lời mời tham gia diễn đàn")
        verbose_name_plural = _("lời mời tham gia diễn đàn")

    def __str__(self) -> str:
        return self.email


class Ban(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_ban")
    reason = models.TextField(_("lý do"))
    until = models.DateTimeField(_("đến"), null=True, blank=True, help_text=_("Để trống: cấm vô thời hạn."))
    created_at = models.DateTimeField(default=timezone.now)

    def is_active(self, now=None) -> bool:
        return self.until is None or self.until > (now or timezone.now())


class ModerationAction(models.Model):
    """One moderator's decision and its reason (also in the audit log: saved in the moderator's request)."""

    class Kind(models.TextChoices):
        HIDE = "hide", _("Ẩn")
        UNHIDE = "unhide", _("Hiện lại")
        LOCK = "lock", _("Khóa chủ đề")
        UNLOCK = "unlock", _("Mở khóa chủ đề")
        MOVE = "move", _("Chuyển chuyên mục")
        BAN = "ban", _("Cấm đăng bài")
        UNBAN = "unban", _("Bỏ cấm")

    moderator = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    target = models.CharField(max_length=250)
    reason = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("quyết định điều hành")
        verbose_name_plural = _("quyết định điều hành")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.target} — {self.reason}"[:250]
