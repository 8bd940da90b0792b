"""Returns: one unit's figures for one period, their workflow status and their history."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .indicators import Indicator, ReportingPeriod
from .units import Unit


class ReturnStatus(models.TextChoices):
    DRAFT = "draft", _("Đang nhập")
    SUBMITTED = "submitted", _("Đã nộp, chờ duyệt")
    RETURNED = "returned", _("Bị trả lại")
    ACCEPTED = "accepted", _("Đã chấp nhận")


EDITABLE_STATUSES = (ReturnStatus.DRAFT, ReturnStatus.RETURNED)


class Return(models.Model):
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="returns", verbose_name=_("đơn vị"))
    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="returns",
                               verbose_name=_("kỳ báo cáo"))
    status = models.CharField(_("trạng thái"), max_length=20, choices=ReturnStatus.choices,
                              default=ReturnStatus.DRAFT, db_index=True)
    submitted_at = models.DateTimeField(_("nộp lúc"), null=True, blank=True)
    submitted_late = models.BooleanField(_("nộp sau hạn"), default=False)
    reviewed_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True)
    review_comment = models.TextField(_("ý kiến của người duyệt"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("báo cáo")
        verbose_name_plural = _("báo cáo")
        permissions = [("review_return", "Duyệt báo cáo của đơn vị cấp dưới")]
        constraints = [models.UniqueConstraint(fields=["unit", "period"], name="reporting_return_once")]

    def __str__(self) -> str:
        return f"{self.unit} – {self.period}"

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES


class ReturnValue(models.Model):
    return_obj = models.ForeignKey(Return, on_delete=models.CASCADE, related_name="values")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+")
    value = models.DecimalField(max_digits=14, decimal_places=2)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["return_obj", "indicator"], name="reporting_value_once")]


class ReturnEvent(models.Model):
    """One change to a return: saved figures (with what changed), submitted, accepted, returned."""

    class Action(models.TextChoices):
        SAVED = "saved", _("Lưu bản nháp")
        UPLOADED = "uploaded", _("Tải lên tệp Excel")
        SUBMITTED = "submitted", _("Nộp báo cáo")
        ACCEPTED = "accepted", _("Chấp nhận")
        RETURNED = "returned", _("Trả lại")
        REMINDED = "reminded", _("Gửi thư nhắc hạn")

    return_obj = models.ForeignKey(Return, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    action = models.CharField(max_length=20, choices=Action.choices)
    at = models.DateTimeField(auto_now_add=True)
    note = models.TextField(blank=True)
    # {"indicator code": [old, new]} as strings; empty for workflow steps.
    changes = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]


class ReminderSent(models.Model):
    """A reminder already sent, so the daily job never repeats one."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10)  # "before" or "after"
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "period", "kind"], name="reporting_reminder_once")]
