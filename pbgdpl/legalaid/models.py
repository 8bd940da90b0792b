"""Legal-aid requests sent to the provincial legal-aid centre.

Personal data (name, phone, e-mail, commune and the situation described) lives only here, is
never public, is kept ``LEGALAID_RETENTION_DAYS`` after the request is closed and can be erased
by the requester through the private tracking link, like a Q&A question.
"""

from __future__ import annotations

import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pbgdpl.core import tracking
from pbgdpl.core.tracking import hash_token


class Status(models.TextChoices):
    NEW = "new", _("Mới tiếp nhận")
    REVIEWING = "reviewing", _("Đang xem xét")
    ACCEPTED = "accepted", _("Đã thụ lý, đang trợ giúp")
    DECLINED = "declined", _("Không thuộc diện, đã hướng dẫn")
    DONE = "done", _("Đã hoàn thành")
    WITHDRAWN = "withdrawn", _("Người yêu cầu đã rút")


FINAL_STATUSES = (Status.DECLINED, Status.DONE, Status.WITHDRAWN)
PERSONAL_FIELDS = ("name", "phone", "email", "commune", "situation")


def new_tracking_code() -> str:
    """The field's default (named by migration 0001): a code readable over the phone."""
    return tracking.new_tracking_code("TG")


class AidRequest(models.Model):
    tracking_code = models.CharField(_("mã tra cứu"), max_length=20, unique=True, default=new_tracking_code)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    submission_key = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)

    group = models.CharField(_("diện được trợ giúp (người yêu cầu tự chọn)"), max_length=40, blank=True)
    situation = models.TextField(_("sự việc cần trợ giúp"))
    name = models.CharField(_("họ và tên"), max_length=100, blank=True)
    phone = models.CharField(_("số điện thoại"), max_length=20, blank=True, db_index=True)
    email = models.EmailField(_("thư điện tử"), blank=True, db_index=True)
    commune = models.CharField(_("xã, phường, đặc khu"), max_length=120, blank=True)
    consent_version = models.CharField(_("phiên bản nội dung đồng ý"), max_length=20)
    consent_at = models.DateTimeField(_("thời điểm đồng ý"))
    personal_data_erased_at = models.DateTimeField(_("đã xóa dữ liệu cá nhân lúc"), null=True, blank=True)
    is_sample = models.BooleanField(_("dữ liệu mẫu"), default=False)

    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.NEW,
                              db_index=True)
    staff_note = models.TextField(_("ghi chú gửi người yêu cầu"), blank=True,
                                  help_text=_("Hiện trên trang theo dõi riêng của người yêu cầu."))
    received_at = models.DateTimeField(_("ngày nhận"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("cập nhật"), auto_now=True)

    class Meta:
        verbose_name = _("yêu cầu trợ giúp pháp lý")
        verbose_name_plural = _("yêu cầu trợ giúp pháp lý")
        ordering = ["-received_at"]

    def __str__(self) -> str:
        sample = " (mẫu)" if self.is_sample else ""
        return f"{self.tracking_code}{sample}"

    def set_token(self) -> str:
        """Create the private-link secret (256 bits); only its hash is stored."""
        token = secrets.token_urlsafe(32)
        self.token_hash = hash_token(token)
        return token

    @property
    def group_label(self) -> str:
        from .eligibility import label_of

        return label_of(self.group) or "Chưa xác định"

    @property
    def is_open(self) -> bool:
        return self.status not in FINAL_STATUSES
