"""Registries the public sections show: legal reporters and propagandists, mediation teams, legal
bookshelves, and the legal-access standard (a versioned framework as data, results per commune).

Each row keeps ``search_text``: its words without diacritics, so "hoa giai" finds "Hòa giải".
"""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from pbgdpl.core.numbers import normalize_vietnamese_phone
from pbgdpl.core.text import search_key

from .units import Unit


def folded(*parts: object) -> str:
    return search_key(*parts)


class Searchable(models.Model):
    search_text = models.TextField(editable=False, default="")

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.search_text = folded(*self.search_parts())
        super().save(*args, **kwargs)

    def search_parts(self) -> list[object]:
        raise NotImplementedError


class Reporter(Searchable):
    class Kind(models.TextChoices):
        REPORTER = "reporter", _("Báo cáo viên pháp luật")
        PROPAGANDIST = "propagandist", _("Tuyên truyền viên pháp luật")

    class Level(models.TextChoices):
        PROVINCE = "province", _("Cấp tỉnh")
        COMMUNE = "commune", _("Cấp xã")

    full_name = models.CharField(_("họ và tên"), max_length=120)
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices)
    level = models.CharField(_("cấp"), max_length=20, choices=Level.choices)
    field = models.CharField(_("lĩnh vực"), max_length=200, blank=True)
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="reporters")
    talks_given = models.PositiveIntegerField(_("số buổi đã tuyên truyền"), default=0)
    phone = models.CharField(_("số điện thoại"), max_length=20, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    contact_consent = models.BooleanField(
        _("đồng ý công khai số điện thoại, thư điện tử"), default=False,
        help_text=_("Chỉ đánh dấu khi người này đồng ý bằng văn bản. Không đánh dấu thì liên hệ không được công khai."))
    is_active = models.BooleanField(_("đang hoạt động"), default=True)

    class Meta:
        verbose_name = _("báo cáo viên, tuyên truyền viên")
        verbose_name_plural = _("báo cáo viên, tuyên truyền viên")
        ordering = ["full_name"]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs):
        self.phone = (normalize_vietnamese_phone(self.phone) or self.phone.strip()) if self.phone else ""
        super().save(*args, **kwargs)

    def search_parts(self):
        return [self.full_name, self.field, self.unit.name if self.unit_id else ""]

    def public_contact(self) -> tuple[str, str]:
        """(phone, email) to publish: empty unless the person consented."""
        return (self.phone, self.email) if self.contact_consent else ("", "")


class MediationTeam(Searchable):
    name = models.CharField(_("tên tổ hòa giải"), max_length=200)
    commune = models.ForeignKey(Unit, verbose_name=_("xã, phường"), on_delete=models.PROTECT,
                                related_name="mediation_teams")
    mediators = models.PositiveIntegerField(_("số hòa giải viên"), default=3)
    year = models.PositiveIntegerField(_("năm số liệu"))
    cases_received = models.PositiveIntegerField(_("vụ, việc tiếp nhận"), default=0)
    cases_succeeded = models.PositiveIntegerField(_("vụ, việc hòa giải thành"), default=0)

    class Meta:
        verbose_name = _("tổ hòa giải")
        verbose_name_plural = _("tổ hòa giải")
        ordering = ["commune__name", "name"]

    def __str__(self) -> str:
        return self.name

    def search_parts(self):
        return [self.name, self.commune.name if self.commune_id else ""]


class Bookshelf(Searchable):
    name = models.CharField(_("tên tủ sách"), max_length=200)
    commune = models.ForeignKey(Unit, verbose_name=_("xã, phường"), on_delete=models.PROTECT,
                                related_name="bookshelves")
    location = models.CharField(_("nơi đặt"), max_length=200)
    titles = models.PositiveIntegerField(_("số đầu sách"), default=0)

    class Meta:
        verbose_name = _("tủ sách pháp luật")
        verbose_name_plural = _("tủ sách pháp luật")
        ordering = ["commune__name", "name"]

    def __str__(self) -> str:
        return self.name

    def search_parts(self):
        return [self.name, self.location, self.commune.name if self.commune_id else ""]


class AccessFramework(ClusterableModel):
    """A version of the legal-access standard (QĐ 25/2021/QĐ-TTg, its successor…): criteria with
    maximum points and the pass conditions, as data."""

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

    def evaluate(self, points: dict[str, Decimal]) -> tuple[Decimal, bool]:
        """(total, passed) for points by criterion number — the pass rule, in one place."""
        criteria = list(self.criteria.all())
        total = sum((Decimal(points.get(c.number, 0)) for c in criteria), Decimal(0))
        every = all(Decimal(points.get(c.number, 0)) >= c.max_points * self.criterion_min_share for c in criteria)
        return total, bool(criteria) and total >= self.pass_total and every


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


class AccessResult(Searchable):
    """A commune's result for one year: its self-assessed points by criterion, the province's decision."""

    commune = models.ForeignKey(Unit, verbose_name=_("xã, phường"), on_delete=models.PROTECT,
                                related_name="access_results")
    year = models.PositiveIntegerField(_("năm đánh giá"))
    framework = models.ForeignKey(AccessFramework, verbose_name=_("bộ tiêu chí"), on_delete=models.PROTECT)
    points = models.JSONField(_("điểm tự đánh giá theo tiêu chí"), default=dict)
    total = models.DecimalField(_("tổng điểm"), max_digits=6, decimal_places=2, editable=False, default=0)
    passed = models.BooleanField(_("đủ điều kiện đạt chuẩn"), editable=False, default=False)
    evidence = models.ForeignKey("wagtaildocs.Document", verbose_name=_("hồ sơ minh chứng"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    decision_number = models.CharField(_("quyết định công nhận của tỉnh"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("kết quả chuẩn tiếp cận pháp luật")
        verbose_name_plural = _("kết quả chuẩn tiếp cận pháp luật")
        ordering = ["-year", "commune__name"]
        constraints = [models.UniqueConstraint(fields=["commune", "year"], name="reporting_access_once")]

    def __str__(self) -> str:
        return f"{self.commune} – {self.year}"

    def save(self, *args, **kwargs):
        if self.framework_id:
            self.total, self.passed = self.framework.evaluate(
                {k: Decimal(str(v)) for k, v in (self.points or {}).items()})
        super().save(*args, **kwargs)

    def search_parts(self):
        return [self.commune.name if self.commune_id else ""]

    @property
    def recognised(self) -> bool:
        return bool(self.decision_number) and self.passed
