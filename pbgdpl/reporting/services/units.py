"""Reporting units from the official commune list (geo), kept in step on every bootstrap."""

from __future__ import annotations

from django.db import transaction

from pbgdpl.geo.communes import official_units

from ..models import Unit, UnitCodeHistory, UnitKind


def province_code(code: int) -> str:
    return f"T{code:02d}"


def commune_code(code: int) -> str:
    return f"X{code:05d}"


def normalise_code(text: str) -> str:
    """A code as stored: "34" → "T34", "001" → "H001" (a district), "123" / "00123" → "X00123"
    (a commune: official commune codes have five digits, district codes three, provinces two);
    a code with its letter is kept, upper-cased."""
    code = "".join(str(text).split()).upper()
    if not code.isdigit():
        return code
    if len(code) <= 2:
        return province_code(int(code))
    if len(code) == 3 and code.startswith("0"):
        return f"H{code}"
    return commune_code(int(code))


def find_unit(code: str) -> Unit | None:
    """Today's unit for a code, current or old: a 2024 report naming a former district or commune
    (before the 2025 merger) finds the unit that took it over. A current active unit wins; among
    old codes the most recently retired one."""
    wanted = normalise_code(code)
    if not wanted:
        return None
    current = Unit.objects.filter(code=wanted, is_active=True).first()
    if current is not None:
        return current
    history = (UnitCodeHistory.objects.filter(code=wanted).select_related("unit")
               .order_by("-valid_until", "-pk").first())
    if history is not None:
        return history.unit
    return Unit.objects.filter(code=wanted).first()


@transaction.atomic
def sync_official_units(province_name: str) -> tuple[Unit, int]:
    """Create the province and every one of its communes (by official code) that is missing; names
    follow the official list. Returns the province unit and how many units were created. Communes
    that left the list are kept (their returns stay) but marked inactive."""
    official = official_units(province_name)
    if official is None:
        raise ValueError(f"Unknown province {province_name!r}")
    (code, name), communes = official
    province, created = Unit.objects.get_or_create(
        code=province_code(code), defaults={"name": name, "kind": UnitKind.PROVINCE})
    made = int(created)
    existing = {u.code: u for u in Unit.objects.filter(kind=UnitKind.COMMUNE, parent=province)}
    wanted = {commune_code(c): n for c, n in communes}
    new = [Unit(code=c, name=n, kind=UnitKind.COMMUNE, parent=province) for c, n in wanted.items() if c not in existing]
    if new:
        Unit.objects.bulk_create(new, batch_size=500)
        _set_paths(province, [u.code for u in new])  # bulk_create skips save(), which sets the path
        made += len(new)
    for unit in existing.values():
        active = unit.code in wanted
        if unit.is_active != active or (active and unit.name != wanted[unit.code]):
            unit.is_active = active
            unit.name = wanted.get(unit.code, unit.name)
            unit.save(update_fields=["is_active", "name"])
    return province, made


def _set_paths(parent: Unit, codes: list[str]) -> None:
    units = [unit for start in range(0, len(codes), 500)
             for unit in Unit.objects.filter(code__in=codes[start:start + 500])]
    for unit in units:
        unit.path = f"{parent.path}{unit.pk}/"
    Unit.objects.bulk_update(units, ["path"], batch_size=500)


def ensure_official_units() -> str:
    """Set-up step: the portal's province (PortalSettings) and its official communes as units."""
    from wagtail.models import Site

    from pbgdpl.core.models import PortalSettings

    site = Site.objects.filter(is_default_site=True).first()
    province = PortalSettings.for_site(site).province if site else ""
    if not province or official_units(province) is None:
        return "chưa đặt tỉnh: bỏ qua"
    _unit, made = sync_official_units(province)
    return f"{made} đơn vị mới" if made else "đã đủ"
