"""Reporting units in a hierarchy (province → departments, organisations and communes) and their people.

Since 1 July 2025 a province has no districts: communes sit directly under it. Codes that a unit
carried before a reorganisation are kept in :class:`UnitCodeHistory`, so a report from 2024 that
names an old district or commune code can still be matched to today's unit.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel


class UnitKind(models.TextChoices):
    PROVINCE = "province", _("Tỉnh, thành phố")
    DEPARTMENT = "department", _("Sở, ban, ngành")
    ORGANISATION = "organisation", _("Tổ chức, đoàn thể")
    COMMUNE = "commune", _("Xã, phường, đặc khu")


class Unit(ClusterableModel):
    """One reporting unit. ``path`` is the chain of ancestor ids ("/1/7/"), so a subtree is one
    indexed prefix query, whatever its depth. Clusterable so its old codes are edited with it."""

    code = models.CharField(_("mã đơn vị"), max_length=20, unique=True)
    name = models.CharField(_("tên đơn vị"), max_length=200)
    kind = models.CharField(_("loại đơn vị"), max_length=20, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("đơn vị cấp trên"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    email = models.EmailField(_("thư điện tử của đơn vị"), blank=True, help_text=_("Nhận thư nhắc hạn báo cáo."))
    is_active = models.BooleanField(_("đang hoạt động"), default=True)

    class Meta:
        verbose_name = _("đơn vị báo cáo")
        verbose_name_plural = _("đơn vị báo cáo")
        ordering = ["path"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        path = f"{self.parent.path if self.parent_id else '/'}{self.pk}/"
        if path != self.path:
            old = self.path
            Unit.objects.filter(pk=self.pk).update(path=path)
            self.path = path
            if old:  # moved: its subtree follows
                for child in Unit.objects.filter(path__startswith=old).exclude(pk=self.pk):
                    child.path = path + child.path[len(old):]
                    Unit.objects.filter(pk=child.pk).update(path=child.path)

    def subtree(self):
        """This unit and every unit below it."""
        return Unit.objects.filter(path__startswith=self.path)

    def is_ancestor_of(self, other: Unit) -> bool:
        return other.path.startswith(self.path) and other.pk != self.pk


class UnitCodeHistory(models.Model):
    """A code (and name) of a former unit now part of ``unit``: a commune or district before the 2025
    merger ("X00123", "H001"), a former province ("T34"). Several former units may lead to one
    current unit. If a former unit still has its own (inactive) :class:`Unit` row with returns,
    the totals of those old periods count it under ``unit`` (see ``aggregation.former_units``)."""

    unit = ParentalKey(Unit, on_delete=models.CASCADE, related_name="old_codes")
    code = models.CharField(_("mã cũ"), max_length=20, db_index=True,
                            help_text=_("Tỉnh: T + 2 số (T34); huyện: H + 3 số (H001); xã: X + 5 số (X00123)."))
    name = models.CharField(_("tên cũ"), max_length=200)
    valid_until = models.DateField(_("sử dụng đến ngày"))

    class Meta:
        verbose_name = _("mã đơn vị cũ")
        verbose_name_plural = _("mã đơn vị cũ")
        ordering = ["-valid_until", "code"]

    def __str__(self) -> str:
        return f"{self.code} – {self.name}"


class UnitMembership(models.Model):
    """The unit a staff user reports for (one unit per user)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reporting_membership",
        verbose_name=_("người dùng"),
    )
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="members", verbose_name=_("đơn vị"))

    class Meta:
        verbose_name = _("thành viên đơn vị báo cáo")
        verbose_name_plural = _("thành viên đơn vị báo cáo")

    def __str__(self) -> str:
        return f"{self.user} – {self.unit}"
