"""Demo loader: the PBGDPL indicator set (editable data), the province with its official communes,
a few departments and organisations, and two periods of plausible sample returns (labelled as such)."""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from pbgdpl.core.demo import read_demo_data

from .demo_registries import load_demo_registries
from .models import (
    FormIndicator,
    Indicator,
    ReportForm,
    ReportingPeriod,
    Return,
    ReturnEvent,
    ReturnStatus,
    ReturnValue,
    Unit,
    UnitCodeHistory,
    UnitKind,
)
from .services.units import sync_official_units

SAMPLE_NOTE = "Dữ liệu mẫu (minh họa), không phải số liệu thật."


@transaction.atomic
def load_indicator_set() -> int:
    """Create the indicators, forms and periods that do not exist yet (by code); editors' changes stay."""
    data = read_demo_data("reporting", "indicators.json")
    created = 0
    specs = data["indicators"]
    for spec in specs:
        fields = {k: spec[k] for k in ("name", "unit_of_measure", "group", "aggregation") if k in spec}
        for key in ("max_value", "integer_only"):
            if key in spec:
                fields[key] = spec[key]
        _indicator, made = Indicator.objects.get_or_create(code=spec["code"], defaults=fields)
        created += made
    by_code = {i.code: i for i in Indicator.objects.all()}
    for spec in specs:  # links between indicators, once they all exist
        indicator = by_code[spec["code"]]
        for key in ("compare_to", "numerator", "denominator"):
            if key in spec and getattr(indicator, f"{key}_id") is None:
                setattr(indicator, key, by_code[spec[key]])
                if key == "compare_to":
                    indicator.comparison = spec["comparison"]
                indicator.save()
    for spec in data["forms"]:
        form, made = ReportForm.objects.get_or_create(code=spec["code"], defaults={
            "name": spec["name"], "period_type": spec["period_type"], "unit_kinds": spec["unit_kinds"]})
        if made:
            for position, code in enumerate(spec["indicators"]):
                FormIndicator.objects.create(form=form, indicator=by_code[code], sort_order=position)
    for spec in data["periods"]:
        ReportingPeriod.objects.get_or_create(
            form=ReportForm.objects.get(code=spec["form"]), start=spec["start"], end=spec["end"],
            defaults={"label": spec["label"], "deadline": spec["deadline"]})
    return created


def _sample_figures(rng: random.Random, commune: bool) -> dict[str, int]:
    received = rng.randint(4, 30) if commune else 0
    succeeded = rng.randint(received // 2, received) if received else 0
    failed = rng.randint(0, received - succeeded) if received else 0
    return {
        "PB01": rng.randint(6, 40), "PB02": rng.randint(300, 4000), "PB03": rng.randint(200, 3000),
        "HG01": rng.randint(5, 15) if commune else 0, "HG02": rng.randint(30, 90) if commune else 0,
        "HG03": received, "HG04": succeeded, "HG05": failed, "HG06": received - succeeded - failed,
        "BC01": 0 if commune else rng.randint(2, 12), "BC02": rng.randint(8, 30) if commune else rng.randint(0, 10),
        "TS01": rng.randint(1, 6) if commune else 1, "TS02": rng.randint(80, 600),
        "TC01": int(rng.random() < 0.7) if commune else 0,
    }


@transaction.atomic
def load_sample_returns(province: Unit) -> int:
    """Two half-years of accepted returns from ~20 units, once (skipped when any return exists)."""
    if Return.objects.exists():
        return 0
    rng = random.Random(2026)
    units = list(Unit.objects.filter(parent=province).exclude(kind=UnitKind.COMMUNE).order_by("code"))
    communes = list(Unit.objects.filter(parent=province, kind=UnitKind.COMMUNE).order_by("path"))
    units += communes[:read_demo_data("reporting", "units.json")["communes_with_returns"]]
    labels = read_demo_data("reporting", "units.json")["periods_with_returns"]
    count = 0
    for period in ReportingPeriod.objects.filter(label__in=labels, form__code="PBGDPL-6T"):
        indicators = {i.code: i for i in period.form.ordered_indicators()}
        submitted = timezone.make_aware(datetime.datetime.combine(period.deadline, datetime.time(9)))
        for unit in units:
            ret = Return.objects.create(unit=unit, period=period, status=ReturnStatus.ACCEPTED,
                                        submitted_at=submitted, reviewed_at=submitted)
            ReturnValue.objects.bulk_create([
                ReturnValue(return_obj=ret, indicator=indicators[code], value=Decimal(value))
                for code, value in _sample_figures(rng, unit.kind == UnitKind.COMMUNE).items()
            ])
            ReturnEvent.objects.create(return_obj=ret, action=ReturnEvent.Action.ACCEPTED, note=SAMPLE_NOTE)
            count += 1
    return count


def load_demo_reporting(stdout=None) -> str:
    load_indicator_set()
    data = read_demo_data("reporting", "units.json")
    province, _made = sync_official_units(data["province"])
    for history in data["province_history"]:
        UnitCodeHistory.objects.get_or_create(unit=province, code=history["code"], defaults={
            "name": history["name"], "valid_until": history["valid_until"]})
    for spec in data["units"]:
        if not Unit.objects.filter(code=spec["code"]).exists():
            Unit(code=spec["code"], name=spec["name"], kind=spec["kind"], parent=province).save()
    returns = load_sample_returns(province)
    registries = load_demo_registries()
    return f"{Unit.objects.count()} đơn vị báo cáo, {returns} báo cáo mẫu; {registries}"
