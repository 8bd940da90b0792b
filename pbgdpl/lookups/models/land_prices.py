"""The province's land price tables (bảng giá đất), imported from spreadsheets, one row per road segment."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

POSITIONS = (1, 2, 3, 4)


class LandPriceTable(models.Model):
    """One decision's price table; a later decision adds a new table and the old one stays as history."""

    title = models.CharField(_("tên bảng giá"), max_length=500)
    decision = models.ForeignKey(
        "legal.LegalDocument", verbose_name=_("quyết định ban hành"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="land_price_tables",
    )
    valid_from = models.DateField(_("áp dụng từ ngày"))
    valid_to = models.DateField(_("áp dụng đến ngày"), null=True, blank=True)
    position_rules = models.TextField(
        _("cách xác định vị trí"), blank=True,
        help_text=_("Giải thích vị trí 1–4 như quyết định quy định; hiển thị cùng kết quả tra cứu."),
    )
    is_sample = models.BooleanField(_("dữ liệu mẫu"), default=False)
    source_file = models.CharField(_("tệp nguồn"), max_length=300, blank=True)
    imported_at = models.DateTimeField(_("ngày nhập"), auto_now_add=True)

    class Meta:
        verbose_name = _("bảng giá đất")
        verbose_name_plural = _("bảng giá đất")
        ordering = ["-valid_from", "-id"]

    def __str__(self) -> str:
        return self.title


class LandPriceRow(models.Model):
    """Prices (đồng/m²) of one land type along one segment of a road in one commune."""

    table = models.ForeignKey(LandPriceTable, on_delete=models.CASCADE, related_name="rows")
    line = models.PositiveIntegerField(_("dòng trong tệp"))
    commune = models.CharField(_("xã, phường"), max_length=200)
    street = models.CharField(_("tên đường, phố"), max_length=300)
    segment_from = models.CharField(_("đoạn từ"), max_length=300, blank=True)
    segment_to = models.CharField(_("đến"), max_length=300, blank=True)
    land_type = models.CharField(_("loại đất"), max_length=200)
    price_1 = models.PositiveBigIntegerField(_("giá vị trí 1"))
    price_2 = models.PositiveBigIntegerField(_("giá vị trí 2"), null=True, blank=True)
    price_3 = models.PositiveBigIntegerField(_("giá vị trí 3"), null=True, blank=True)
    price_4 = models.PositiveBigIntegerField(_("giá vị trí 4"), null=True, blank=True)
    # Folded (no diacritics, lower case) copies: what citizens type is matched against these.
    commune_folded = models.CharField(max_length=200, db_index=True, editable=False)
    street_folded = models.CharField(max_length=300, db_index=True, editable=False)

    class Meta:
        verbose_name = _("dòng giá đất")
        verbose_name_plural = _("dòng giá đất")
        ordering = ["table", "line"]
        indexes = [models.Index(fields=["table", "commune_folded", "street_folded"], name="lookups_land_lookup")]

    def __str__(self) -> str:
        return f"{self.street} ({self.commune})"

    def prices(self) -> list[tuple[int, int | None]]:
        return [(position, getattr(self, f"price_{position}")) for position in POSITIONS]
