"""Violations read from penalty decrees in the legal registry, corrected by editors where needed."""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..admin_forms import ViolationAdminForm


class Vehicle(models.TextChoices):
    """Who or what the violation concerns, as citizens filter it (the article title says)."""

    CAR = "o-to", _("Ô tô")
    MOTORBIKE = "mo-to", _("Mô tô, xe gắn máy")
    BICYCLE = "xe-dap", _("Xe đạp, xe thô sơ")
    PEDESTRIAN = "di-bo", _("Người đi bộ")
    OTHER = "", _("Khác")


class PenaltyDecree(models.Model):
    """A legal document read as a penalty decree; one row per document."""

    document = models.OneToOneField(
        "legal.LegalDocument", verbose_name=_("văn bản"), on_delete=models.CASCADE, related_name="penalty_decree"
    )
    organisation_multiplier = models.DecimalField(
        _("hệ số mức phạt đối với tổ chức"), max_digits=3, decimal_places=1, default=Decimal(1),
        help_text=_("Tổ chức bị phạt gấp bao nhiêu lần cá nhân (đọc từ văn bản, sửa được)."),
    )
    is_sample = models.BooleanField(_("dữ liệu mẫu"), default=False)
    warnings = models.JSONField(_("cảnh báo khi đọc văn bản"), default=list, blank=True)
    parsed_at = models.DateTimeField(_("đọc lần cuối"), null=True, blank=True)

    class Meta:
        verbose_name = _("nghị định xử phạt")
        verbose_name_plural = _("nghị định xử phạt")

    def __str__(self) -> str:
        return str(self.document)


class ViolationQuerySet(models.QuerySet):
    def public(self):
        """Violations of published decrees, in document order."""
        return self.filter(decree__document__live=True).select_related("decree__document")


class Violation(models.Model):
    """One sanctioned behaviour: who, the fine range, extra penalties, remedies and where it is written.

    ``parsed`` keeps what the parser read last. An editor's correction sets ``edited``; a later
    re-parse then updates only ``parsed`` and flags the row for review when the text changed,
    so the correction is never silently overwritten.
    """

    decree = models.ForeignKey(PenaltyDecree, on_delete=models.CASCADE, related_name="violations")
    eid = models.CharField(_("mã điều khoản"), max_length=200)
    article_eid = models.CharField(_("mã điều"), max_length=200)
    article_title = models.CharField(_("tên điều"), max_length=1000, blank=True)
    behaviour = models.TextField(_("hành vi vi phạm"))
    subject = models.CharField(_("đối tượng"), max_length=500, blank=True)
    vehicle = models.CharField(_("phương tiện / đối tượng"), max_length=10, choices=Vehicle.choices, blank=True)
    fine_min = models.PositiveBigIntegerField(_("mức phạt tối thiểu (cá nhân, đồng)"))
    fine_max = models.PositiveBigIntegerField(_("mức phạt tối đa (cá nhân, đồng)"))
    warning_allowed = models.BooleanField(_("có thể phạt cảnh cáo"), default=False)
    additional_penalties = models.JSONField(_("hình thức xử phạt bổ sung"), default=list, blank=True)
    remedial_measures = models.JSONField(_("biện pháp khắc phục hậu quả"), default=list, blank=True)
    speed_min = models.PositiveSmallIntegerField(_("quá tốc độ từ (km/h)"), null=True, blank=True)
    speed_max = models.PositiveSmallIntegerField(_("quá tốc độ đến (km/h)"), null=True, blank=True)
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    edited = models.BooleanField(_("biên tập viên đã sửa"), default=False)
    needs_review = models.BooleanField(_("cần kiểm tra"), default=False)
    review_note = models.TextField(_("ghi chú kiểm tra"), blank=True)
    parsed = models.JSONField(_("kết quả đọc tự động"), default=dict, blank=True, editable=False)

    objects = ViolationQuerySet.as_manager()
    base_form_class = ViolationAdminForm  # an editor's save marks the row ``edited``

    class Meta:
        verbose_name = _("hành vi vi phạm")
        verbose_name_plural = _("hành vi vi phạm")
        ordering = ["decree", "order"]
        constraints = [models.UniqueConstraint(fields=["decree", "eid"], name="lookups_violation_decree_eid_unique")]

    def __str__(self) -> str:
        return self.behaviour[:120]

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("lookups:violation", kwargs={"pk": self.pk})

    def provision_url(self) -> str:
        """The clause or point in the decree's page (its eid is the anchor)."""
        return f"{self.decree.document.get_absolute_url()}#{self.eid}"

    @property
    def organisation_fine(self) -> tuple[int, int]:
        times = self.decree.organisation_multiplier
        return int(self.fine_min * times), int(self.fine_max * times)
