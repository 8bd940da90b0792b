"""Audit trail of staff changes: who, what, when, from where (IP)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        CREATE = "create", _("Tạo mới")
        UPDATE = "update", _("Sửa")
        DELETE = "delete", _("Xóa")

    at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người thực hiện"), null=True,
                             on_delete=models.SET_NULL, related_name="+")
    username = models.CharField(_("tên đăng nhập"), max_length=150, blank=True)  # kept if the user is deleted
    ip_address = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True)
    action = models.CharField(_("thao tác"), max_length=10, choices=Action.choices, db_index=True)
    model = models.CharField(_("loại đối tượng"), max_length=100, db_index=True)  # "app_label.model"
    object_id = models.CharField(_("mã đối tượng"), max_length=64, blank=True)
    object_repr = models.CharField(_("đối tượng"), max_length=250, blank=True)
    path = models.CharField(_("đường dẫn"), max_length=250, blank=True)

    class Meta:
        verbose_name = _("mục nhật ký")
        verbose_name_plural = _("nhật ký thao tác")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.username} {self.action} {self.model} {self.object_repr}"
