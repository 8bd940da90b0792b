"""Editable vocabularies: document types, issuing bodies and fields of law (seeded by a migration)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import Scope


class VocabularyQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class Vocabulary(models.Model):
    name = models.CharField(_("tên"), max_length=200, unique=True)
    slug = models.SlugField(_("đường dẫn"), max_length=200, unique=True)
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    active = models.BooleanField(_("đang dùng"), default=True)

    objects = VocabularyQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class DocumentType(Vocabulary):
    """Loại văn bản: Luật, Nghị định, Quyết định, …"""

    class Meta(Vocabulary.Meta):
        verbose_name = _("loại văn bản")
        verbose_name_plural = _("loại văn bản")


class Issuer(Vocabulary):
    """Cơ quan ban hành. ``scope`` is the default scope of the documents it issues."""

    abbreviation = models.CharField(_("viết tắt"), max_length=50, blank=True)
    scope = models.CharField(_("cấp"), max_length=20, choices=Scope.choices, default=Scope.CENTRAL)

    class Meta(Vocabulary.Meta):
        verbose_name = _("cơ quan ban hành")
        verbose_name_plural = _("cơ quan ban hành")


class Field(Vocabulary):
    """Lĩnh vực: đất đai, hôn nhân và gia đình, …"""

    class Meta(Vocabulary.Meta):
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")
