"""Indicators, forms and periods: what units report, as data an administrator edits.

A new form from the Ministry is a new :class:`ReportForm` with its indicators, entered in the
admin — no code. Modelled on DHIS2's data elements, data sets and periods.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from .units import UnitKind


class Aggregation(models.TextChoices):
    SUM = "sum", _("Cộng")
    AVERAGE = "average", _("Trung bình")
    # A stock (teams, bookshelves): summed across units; a year is its last period, not the sum.
    LATEST = "latest", _("Số liệu cuối kỳ")
    RATIO = "ratio", _("Tỉ lệ (%) giữa hai chỉ tiêu")


class Comparison(models.TextChoices):
    NOT_ABOVE = "le", _("không vượt quá")
    EQUAL = "eq", _("bằng")


class Indicator(models.Model):
    code = models.CharField(_("mã chỉ tiêu"), max_length=30, unique=True)
    name = models.CharField(_("tên chỉ tiêu"), max_length=300)
    unit_of_measure = models.CharField(_("đơn vị tính"), max_length=50)
    group = models.CharField(_("nhóm"), max_length=100, blank=True)
    aggregation = models.CharField(_("cách tổng hợp"), max_length=10, choices=Aggregation.choices,
                                   default=Aggregation.SUM)
    numerator = models.ForeignKey("self", verbose_name=_("tử số"), null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")
    denominator = models.ForeignKey("self", verbose_name=_("mẫu số"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    min_value = models.DecimalField(_("giá trị nhỏ nhất"), max_digits=14, decimal_places=2, null=True, blank=True,
                                    default=0)
    max_value = models.DecimalField(_("giá trị lớn nhất"), max_digits=14, decimal_places=2, null=True, blank=True)
    integer_only = models.BooleanField(_("chỉ nhận số nguyên"), default=True)
    compare_to = models.ForeignKey("self", verbose_name=_("so với chỉ tiêu"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    comparison = models.CharField(_("quan hệ"), max_length=2, choices=Comparison.choices, blank=True)

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} – {self.name}"

    @property
    def is_computed(self) -> bool:
        return self.aggregation == Aggregation.RATIO

    def clean(self):
        if self.is_computed and not (self.numerator_id and self.denominator_id):
            raise ValidationError(_("Chỉ tiêu tỉ lệ cần có tử số và mẫu số."))
        if bool(self.compare_to_id) != bool(self.comparison):
            raise ValidationError(_("Chọn cả chỉ tiêu để so sánh và quan hệ, hoặc bỏ trống cả hai."))
        if self.min_value is not None and self.max_value is not None and self.min_value > self.max_value:
            raise ValidationError(_("Giá trị nhỏ nhất lớn hơn giá trị lớn nhất."))


class PeriodType(models.TextChoices):
    HALF_YEAR = "half_year", _("6 tháng")
    YEAR_PRELIMINARY = "year_preliminary", _("Năm (số liệu sơ bộ)")
    YEAR_OFFICIAL = "year_official", _("Năm (số liệu chính thức)")


class ReportForm(ClusterableModel):
    """A set of indicators reported for one period type by units of the given kinds."""

    code = models.CharField(_("mã biểu"), max_length=30, unique=True)
    name = models.CharField(_("tên biểu mẫu"), max_length=300)
    period_type = models.CharField(_("kỳ báo cáo"), max_length=20, choices=PeriodType.choices)
    unit_kinds = models.JSONField(_("loại đơn vị báo cáo"), default=list,
                                  help_text=_("Các loại đơn vị phải nộp biểu này."))

    class Meta:
        verbose_name = _("biểu mẫu báo cáo")
        verbose_name_plural = _("biểu mẫu báo cáo")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} – {self.name}"

    def ordered_indicators(self) -> list[Indicator]:
        return [row.indicator for row in self.rows.select_related("indicator").order_by("sort_order", "id")]

    def clean(self):
        unknown = set(self.unit_kinds or []) - set(UnitKind.values)
        if unknown:
            raise ValidationError(_("Loại đơn vị không hợp lệ: %(kinds)s") % {"kinds": ", ".join(sorted(unknown))})


class FormIndicator(Orderable):
    form = ParentalKey(ReportForm, on_delete=models.CASCADE, related_name="rows")
    indicator = models.ForeignKey(Indicator, verbose_name=_("chỉ tiêu"), on_delete=models.PROTECT, related_name="+")

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["form", "indicator"], name="reporting_form_indicator_once")]


class ReportingPeriod(models.Model):
    form = models.ForeignKey(ReportForm, on_delete=models.PROTECT, related_name="periods",
                             verbose_name=_("biểu mẫu"))
    label = models.CharField(_("tên kỳ"), max_length=100)
    start = models.DateField(_("từ ngày"))
    end = models.DateField(_("đến ngày"))
    deadline = models.DateField(_("hạn nộp"))

    class Meta:
        verbose_name = _("kỳ báo cáo")
        verbose_name_plural = _("kỳ báo cáo")
        ordering = ["-end", "form__code"]
        constraints = [models.UniqueConstraint(fields=["form", "start", "end"], name="reporting_period_once")]

    def __str__(self) -> str:
        return f"{self.form.code} – {self.label}"

    def previous(self) -> ReportingPeriod | None:
        """The same form's period that ended last before this one started."""
        return (ReportingPeriod.objects.filter(form_id=self.form_id, end__lt=self.start)
                .order_by("-end").first())

    def clean(self):
        if self.start and self.end and self.start > self.end:
            raise ValidationError(_("Ngày bắt đầu kỳ sau ngày kết thúc."))
