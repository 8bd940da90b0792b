"""API keys for partners: shown once, stored as a hash, revocable, with scopes."""

from __future__ import annotations

import hashlib
import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

KEY_PREFIX = "pbg_"
SCOPES = (
    ("read", _("Đọc dữ liệu công khai (hạn mức cao hơn)")),
    ("bulk", _("Tải dữ liệu hàng loạt")),
)


def hash_key(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiKey(models.Model):
    name = models.CharField(_("đối tác"), max_length=200)
    contact = models.EmailField(_("thư điện tử liên hệ"), blank=True)
    prefix = models.CharField(_("tiền tố"), max_length=12, editable=False, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    scopes = models.JSONField(_("phạm vi"), default=list, blank=True)
    per_minute = models.PositiveIntegerField(_("số yêu cầu mỗi phút"), default=600)
    active = models.BooleanField(_("đang dùng"), default=True)
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("dùng lần cuối"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("ngày thu hồi"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("khóa API")
        verbose_name_plural = _("khóa API")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def issue(cls, name: str, *, scopes=("read",), **fields) -> tuple[ApiKey, str]:
        """A new key; the raw key is returned once and never stored."""
        raw = KEY_PREFIX + secrets.token_urlsafe(32)
        key = cls.objects.create(name=name, prefix=raw[:12], key_hash=hash_key(raw), scopes=list(scopes), **fields)
        return key, raw

    @classmethod
    def find(cls, raw: str) -> ApiKey | None:
        if not raw or not raw.startswith(KEY_PREFIX):
            return None
        key = cls.objects.filter(key_hash=hash_key(raw), active=True).first()
        if key is not None and (key.last_used_at is None or (timezone.now() - key.last_used_at).total_seconds() > 60):
            cls.objects.filter(pk=key.pk).update(last_used_at=timezone.now())
        return key

    def revoke(self) -> None:
        self.active = False
        self.revoked_at = timezone.now()
        self.save(update_fields=["active", "revoked_at"])
