"""The legal-access standard (chuẩn tiếp cận pháp luật) as versioned data: a framework (QĐ 25/2021/
QĐ-TTg, its successor…) has criteria, each with indicators whose banded scores turn a commune's
self-assessment figures into points; the pass conditions are the framework's minimum total, the
minimum share of each criterion's maximum, and indicators that must score. A commune's yearly
result holds its figures, the points they give and the province's decision.

The scoring rule lives in ``reporting.access_scoring``; these models hold the data it reads.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from .registries import Searchable
from .units import Unit


class AccessFramework(ClusterableModel):
    """A version of the standard: criteria with maximum points and the pass conditions, as data."""

    code = models.CharField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên"), max_length=300)
    decision = models.CharField(_("văn bản quy định"), max_length=100)
    valid_from = models.DateField(_("áp dụng từ"))
    pass_total = models.DecimalField(_("tổng điểm tối thiểu để đạt"), max_digits=6, decimal_places=2)
    criterion_min_share = models.DecimalField(
        _("tỉ lệ điểm tối thiểu của mỗi tiêu chí"), max_digits=4, decimal_places=2, default=Decimal("0.5"),
        help_text=_("0,5 nghĩa là mỗi tiêu chí phải đạt ít nhất 50 % điểm tối đa của nó."))

    class Meta:
        verbose_name = _("bộ tiêu chí tiếp cận pháp luật")
        verbose_name_plural = _("bộ tiêu chí tiếp cận pháp luật")
        ordering = ["-valid_from"]

    def __str__(self) -> str:
        return f"{self.name} ({self.decision})"

    @classmethod
    def for_year(cls, year: int) -> AccessFramework | None:
        """The version in force for an assessment year: the latest one applying by 31 December."""
        return cls.objects.filter(valid_from__year__lte=year).order_by("-valid_from").first()


class AccessCriterion(models.Model):
    framework = ParentalKey(AccessFramework, on_delete=models.CASCADE, related_name="criteria")
    number = models.CharField(_("số thứ tự"), max_length=10)
    name = models.CharField(_("tên tiêu chí"), max_length=300)
    max_points = models.DecimalField(_("điểm tối đa"), max_digits=6, decimal_places=2)

    class Meta:
        ordering = ["framework", "number"]
        constraints = [models.UniqueConstraint(fields=["framework", "number"], name="reporting_criterion_once")]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


class AccessIndicator(ClusterableModel):
    """One indicator of a criterion: the figure a commune reports and the bands that score it."""

    criterion = models.ForeignKey(AccessCriterion, verbose_name=_("tiêu chí"), on_delete=models.CASCADE,
                                  related_name="indicators")
    number = models.CharField(_("số thứ tự"), max_length=10, help_text=_("Ví dụ 2.3 (tiêu chí 2, chỉ tiêu 3)."))
    name = models.CharField(_("tên chỉ tiêu"), max_length=400)
    measure = models.CharField(_("số liệu tự đánh giá"), max_length=100,
                               help_text=_("Điều xã nhập, ví dụ «tỉ lệ %», «số văn bản», «1 = có, 0 = không»."))
    max_points = models.DecimalField(_("điểm tối đa"), max_digits=6, decimal_places=2)
    required = models.BooleanField(_("bắt buộc đạt"), default=False,
                                   help_text=_("Chỉ tiêu này được 0 điểm thì xã không đạt chuẩn, dù tổng điểm cao."))

    class Meta:
        verbose_name = _("chỉ tiêu tiếp cận pháp luật")
        verbose_name_plural = _("chỉ tiêu tiếp cận pháp luật")
        ordering = ["criterion__framework", "number"]
        constraints = [models.UniqueConstraint(fields=["criterion", "number"], name="reporting_access_indicator_once")]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"

    def points_for(self, value: Decimal | None) -> Decimal:
        """The points of the band holding ``value`` (from ≤ value < to); none, or no figure: 0."""
        if value is None:
            return Decimal(0)
        for band in self.bands.all():
            if band.low <= value and (band.high is None or value < band.high):
                return band.points
        return Decimal(0)


class AccessBand(Orderable):
    indicator = ParentalKey(AccessIndicator, on_delete=models.CASCADE, related_name="bands")
    low = models.DecimalField(_("từ (gồm cả giá trị này)"), max_digits=12, decimal_places=2)
    high = models.DecimalField(_("đến dưới"), max_digits=12, decimal_places=2, null=True, blank=True,
                               help_text=_("Bỏ trống: không giới hạn trên."))
    points = models.DecimalField(_("điểm"), max_digits=6, decimal_places=2)

    class Meta(Orderable.Meta):
        verbose_name = _("mức điểm")

    def clean(self):
        if self.high is not None and self.low is not None and self.high <= self.low:
            raise ValidationError(_("Giá trị «đến dưới» phải lớn hơn giá trị «từ»."))
        indicator = getattr(self, "indicator", None)
        if indicator is not None and self.points is not None and indicator.max_points is not None \
                and self.points > indicator.max_points:
            raise ValidationError(_("Điểm của một mức không được vượt quá điểm tối đa của chỉ tiêu."))


class AccessDecision(models.TextChoices):
    PENDING = "", _("Chưa quyết định")
    RECOGNISED = "recognised", _("Công nhận đạt chuẩn")
    REFUSED = "refused", _("Không công nhận")


class AccessResult(Searchable):
    """A commune's result for one year: its self-assessment figures (or, for a framework without
    indicators, its points by criterion), the computed points and pass/fail, the province's decision."""

    commune = models.ForeignKey(Unit, verbose_name=_("xã, phường"), on_delete=models.PROTECT,
                                related_name="access_results")
    year = models.PositiveIntegerField(_("năm đánh giá"))
    framework = models.ForeignKey(AccessFramework, verbose_name=_("bộ tiêu chí"), on_delete=models.PROTECT)
    figures = models.JSONField(_("số liệu tự đánh giá theo chỉ tiêu"), default=dict, blank=True)
    points = models.JSONField(_("điểm theo tiêu chí"), default=dict, blank=True,
                              help_text=_("Tính từ số liệu tự đánh giá khi bộ tiêu chí có chỉ tiêu chấm điểm."))
    indicator_points = models.JSONField(default=dict, blank=True, editable=False)
    total = models.DecimalField(_("tổng điểm"), max_digits=6, decimal_places=2, editable=False, default=0)
    passed = models.BooleanField(_("đủ điều kiện đạt chuẩn"), editable=False, default=False)
    evidence = models.ForeignKey("wagtaildocs.Document", verbose_name=_("hồ sơ minh chứng"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    decision = models.CharField(_("quyết định của tỉnh"), max_length=12, choices=AccessDecision.choices,
                                default=AccessDecision.PENDING, blank=True)
    decision_number = models.CharField(_("số quyết định của tỉnh"), max_length=100, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", editable=False)

    class Meta:
        verbose_name = _("kết quả chuẩn tiếp cận pháp luật")
        verbose_name_plural = _("kết quả chuẩn tiếp cận pháp luật")
        ordering = ["-year", "commune__name"]
        constraints = [models.UniqueConstraint(fields=["commune", "year"], name="reporting_access_once")]

    def __str__(self) -> str:
        return f"{self.commune} – {self.year}"

    def save(self, *args, **kwargs):
        from ..access_scoring import score

        if self.framework_id:
            card = score(self.framework, self.figures or {}, self.points or {})
            self.points, self.indicator_points = card.criterion_json(), card.indicator_json()
            self.total, self.passed = card.total, card.passed
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "points", "indicator_points", "total", "passed"}
        super().save(*args, **kwargs)

    def search_parts(self):
        return [self.commune.name if self.commune_id else ""]

    @property
    def recognised(self) -> bool:
        return self.decision == AccessDecision.RECOGNISED
