"""Communes (xã, phường, đặc khu) of the portal's province, from the official 2025 list.

A ``geo`` app does not exist yet; until it does, the list comes straight from the
``vietnam-provinces`` package (34 provinces, 3,321 communes after 1 July 2025).
"""

from __future__ import annotations

import functools
import unicodedata

from vietnam_provinces import Province, Ward

PREFIXES = ("tỉnh ", "thành phố ", "tp. ", "tp ")


def _plain(name: str) -> str:
    name = unicodedata.normalize("NFC", name).strip().lower()
    for prefix in PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix):].strip()
    return name


@functools.lru_cache(maxsize=8)
def communes_of(province_name: str) -> tuple[str, ...]:
    """Commune names of the province called ``province_name`` ("Tỉnh Hưng Yên" or "Hưng Yên"), sorted."""
    wanted = _plain(province_name)
    province = next((p for p in Province.iter_all() if _plain(p.name) == wanted), None)
    if province is None:
        return ()
    names = {w.name for w in Ward.iter_all() if w.province_code == province.code}
    return tuple(sorted(names, key=lambda n: _plain(n.split(" ", 1)[-1]) if " " in n else n))


def portal_communes(request=None) -> tuple[str, ...]:
    """Communes of the province set in PortalSettings (the default site's when no request)."""
    from wagtail.models import Site

    from pbgdpl.core.models import PortalSettings

    site = Site.find_for_request(request) if request is not None else Site.objects.filter(is_default_site=True).first()
    province = PortalSettings.for_site(site).province if site else "Tỉnh Hưng Yên"
    return communes_of(province)
