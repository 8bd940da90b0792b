"""Demo registries (sample data, labelled so): 30 reporters, 50 mediation teams, bookshelves, and
legal-access results for two years under QĐ 25/2021/QĐ-TTg. Only a few reporters consented to
publish their contact, as in life."""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from django.db import transaction

from pbgdpl.core.demo import read_demo_data

from .models import (
    AccessBand,
    AccessCriterion,
    AccessDecision,
    AccessFramework,
    AccessIndicator,
    AccessResult,
    Bookshelf,
    MediationTeam,
    Reporter,
    Unit,
    UnitKind,
)


def load_frameworks(data: dict) -> None:
    """Each framework with its criteria, indicators and bands — once (an edited framework is kept)."""
    for spec in data["frameworks"]:
        framework, created = AccessFramework.objects.get_or_create(code=spec["code"], defaults={
            "name": spec["name"], "decision": spec["decision"], "valid_from": spec["valid_from"],
            "pass_total": spec["pass_total"], "criterion_min_share": Decimal(str(spec["criterion_min_share"]))})
        if not created:
            continue
        criteria = {number: AccessCriterion.objects.create(framework=framework, number=number, name=name,
                                                           max_points=points)
                    for number, name, points in spec["criteria"]}
        for criterion, number, name, measure, max_points, required, bands in spec.get("indicators", []):
            indicator = AccessIndicator.objects.create(criterion=criteria[criterion], number=number, name=name,
                                                       measure=measure, max_points=max_points, required=required)
            AccessBand.objects.bulk_create([AccessBand(indicator=indicator, low=low, high=high, points=points,
                                                       sort_order=order)
                                            for order, (low, high, points) in enumerate(bands)])


def _sample_figure(rng: random.Random, indicator: AccessIndicator) -> float:
    """A plausible self-assessment figure: mostly inside the indicator's better bands."""
    if indicator.measure.startswith("1 ="):
        return float(rng.random() < 0.9)
    if "%" in indicator.measure:
        return round(rng.uniform(82, 100), 1)
    return float(rng.randint(2, 15))


@transaction.atomic
def load_demo_registries() -> str:
    data = read_demo_data("reporting", "registries.json")
    load_frameworks(data)
    if Reporter.objects.exists() or MediationTeam.objects.exists():
        return "đã có"
    rng = random.Random(25)
    communes = list(Unit.objects.filter(kind=UnitKind.COMMUNE, is_active=True).order_by("path"))
    others = list(Unit.objects.exclude(kind=UnitKind.COMMUNE).exclude(parent__isnull=True).order_by("code"))
    if not communes:
        return "chưa có xã, phường"
    counts = data["counts"]

    def name() -> str:
        return " ".join(rng.choice(data[k]) for k in ("family_names", "middle_names", "given_names"))

    for n in range(counts["reporters"]):
        provincial = n < 12 and others
        unit = rng.choice(others) if provincial else rng.choice(communes)
        consent = n % 5 == 0
        Reporter(full_name=name(), kind=Reporter.Kind.REPORTER if provincial else Reporter.Kind.PROPAGANDIST,
                 level=Reporter.Level.PROVINCE if provincial else Reporter.Level.COMMUNE,
                 field=rng.choice(data["fields"]), unit=unit, talks_given=rng.randint(2, 40),
                 phone=f"09{rng.randint(10000000, 99999999)}", email=f"bcv{n + 1}@vi-du.vn",
                 contact_consent=consent).save()
    for n in range(counts["teams"]):
        commune = communes[n % len(communes)]
        received = rng.randint(0, 12)
        MediationTeam(name=f"Tổ hòa giải {rng.choice(data['villages'])}", commune=commune,
                      mediators=rng.randint(3, 9), year=2025, cases_received=received,
                      cases_succeeded=rng.randint(received // 2, received)).save()
    for n in range(counts["bookshelves"]):
        commune = communes[n % len(communes)]
        Bookshelf(name=f"Tủ sách pháp luật {commune.name}", commune=commune,
                  location=rng.choice(["Trụ sở Ủy ban nhân dân", "Nhà văn hóa", "Điểm bưu điện văn hóa"]),
                  titles=rng.randint(80, 600)).save()
    framework = AccessFramework.objects.get(code=data["frameworks"][0]["code"])
    indicators = list(AccessIndicator.objects.filter(criterion__framework=framework).prefetch_related("bands"))
    for year in counts["access_years"]:
        for commune in communes[:counts["access_communes"]]:
            figures = {i.number: _sample_figure(rng, i) for i in indicators}
            result = AccessResult(commune=commune, year=year, framework=framework, figures=figures)
            result.save()
            if result.passed and rng.random() < 0.8:
                result.decision = AccessDecision.RECOGNISED
                result.decision_number = f"{rng.randint(100, 999)}/QĐ-UBND"
                result.decision_date = datetime.date(year, 12, rng.randint(10, 28))
                result.save(update_fields=["decision", "decision_number", "decision_date"])
    return f"{counts['reporters']} báo cáo viên, {counts['teams']} tổ hòa giải (mẫu)"
