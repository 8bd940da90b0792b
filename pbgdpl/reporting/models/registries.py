"""Registries the public sections show: legal reporters and propagandists, mediation teams and legal
bookshelves (the legal-access standard is in ``access.py``).

Each row keeps ``search_text``: its words without diacritics, so "hoa giai" finds "Hòa giải".
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

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
