"""Filters of the public lists (GET forms: a wrong value gives a message, never an error page)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from pbgdpl.core.forms import VietnameseMessagesMixin

from .models import Audience, MaterialKind


def _field_choices(model) -> list[tuple[str, str]]:
    from pbgdpl.legal.models import Field

    ids = model.objects.published().exclude(field=None).values_list("field_id", flat=True).distinct()
    return [("", _("Tất cả lĩnh vực"))] + [(str(f.pk), f.name) for f in Field.objects.filter(pk__in=ids)]


class MaterialFilterForm(VietnameseMessagesMixin, forms.Form):
    q = forms.CharField(label=_("Từ khóa"), required=False, max_length=200)
    loai = forms.ChoiceField(label=_("Loại tài liệu"), required=False)
    linh_vuc = forms.ChoiceField(label=_("Lĩnh vực"), required=False)
    doi_tuong = forms.ChoiceField(label=_("Đối tượng"), required=False)
    nam = forms.ChoiceField(label=_("Năm"), required=False)

    def __init__(self, *args, **kwargs):
        from .models import Material

        super().__init__(*args, **kwargs)
        self.fields["loai"].choices = [("", _("Tất cả loại"))] + list(MaterialKind.choices)
        self.fields["doi_tuong"].choices = [("", _("Mọi đối tượng"))] + list(Audience.choices)
        self.fields["linh_vuc"].choices = _field_choices(Material)
        years = Material.objects.published().values_list("year", flat=True).distinct().order_by("-year")
        self.fields["nam"].choices = [("", _("Mọi năm"))] + [(str(y), str(y)) for y in years]
