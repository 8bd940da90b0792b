"""Personal data in the registries: a reporter's phone number and e-mail (``manage.py personal_data``)."""

from __future__ import annotations

from django.db.models import Q

from pbgdpl.core.numbers import normalize_vietnamese_phone

from ..models import Reporter


def _matching(email: str, phone: str):
    query = Q(pk__in=[])
    if email:
        query |= Q(email__iexact=email.strip())
    normalized = normalize_vietnamese_phone(phone) if phone else None
    if normalized:
        query |= Q(phone=normalized)
    return Reporter.objects.filter(query)


def export_person(email: str, phone: str) -> list[dict]:
    return [{"ho_ten": r.full_name, "loai": r.get_kind_display(), "don_vi": r.unit.name, "dien_thoai": r.phone,
             "thu_dien_tu": r.email, "dong_y_cong_khai_lien_he": r.contact_consent}
            for r in _matching(email, phone).select_related("unit")]


def erase_person(email: str, phone: str) -> int:
    """Remove the contact details and withdraw the consent; the registry entry (a public role) stays."""
    return _matching(email, phone).update(phone="", email="", contact_consent=False)
