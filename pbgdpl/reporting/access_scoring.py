"""The legal-access scoring rule, in one place: figures → indicator points (by band) → criterion
points → total and pass/fail.

A criterion with indicators gets the sum of its indicators' points (capped at its maximum); a
criterion without indicators keeps the points typed for it (a framework entered only down to its
criteria). The result passes when the total reaches the framework's minimum, every criterion
reaches its minimum share, and no "must score" indicator scored zero — each failed condition is
named, so the commune and the province see why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db.models import Prefetch

from .models import AccessBand, AccessFramework, AccessIndicator


def as_decimal(value: object) -> Decimal | None:
    """A stored figure ("12.5", 12.5); None when empty or not a number (typed text is checked by
    ``validation.parse_figure`` before it is stored)."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


@dataclass
class CriterionScore:
    number: str
    name: str
    max_points: Decimal
    minimum: Decimal
    points: Decimal = Decimal(0)
    indicators: list[tuple[AccessIndicator, Decimal | None, Decimal]] = field(default_factory=list)

    @property
    def met(self) -> bool:
        return self.points >= self.minimum


@dataclass
class Scorecard:
    criteria: list[CriterionScore]
    total: Decimal
    passed: bool
    failures: list[str]

    def criterion_json(self) -> dict[str, float]:
        return {c.number: float(c.points) for c in self.criteria}

    def indicator_json(self) -> dict[str, float]:
        return {i.number: float(points) for c in self.criteria for i, _value, points in c.indicators}


def indicators_of(framework: AccessFramework) -> list[AccessIndicator]:
    return list(AccessIndicator.objects.filter(criterion__framework=framework).select_related("criterion")
                .prefetch_related(Prefetch("bands", queryset=AccessBand.objects.order_by("sort_order", "low")))
                .order_by("number"))


def score(framework: AccessFramework, figures: dict, typed_points: dict | None = None) -> Scorecard:
    """The scorecard of a self-assessment: ``figures`` by indicator number, ``typed_points`` by
    criterion number (used only for criteria without indicators)."""
    typed_points = typed_points or {}
    by_criterion: dict[int, list[AccessIndicator]] = {}
    for indicator in indicators_of(framework):
        by_criterion.setdefault(indicator.criterion_id, []).append(indicator)
    criteria, failures = [], []
    for criterion in framework.criteria.all():
        card = CriterionScore(criterion.number, criterion.name, criterion.max_points,
                              (criterion.max_points * framework.criterion_min_share).quantize(Decimal("0.01")))
        indicators = by_criterion.get(criterion.pk, [])
        if indicators:
            for indicator in indicators:
                value = as_decimal(figures.get(indicator.number))
                points = indicator.points_for(value)
                card.indicators.append((indicator, value, points))
                if indicator.required and not points:
                    failures.append(f"Chỉ tiêu {indicator.number} là chỉ tiêu bắt buộc nhưng chưa đạt điểm.")
            card.points = min(sum((p for _i, _v, p in card.indicators), Decimal(0)), criterion.max_points)
        else:
            card.points = min(max(as_decimal(typed_points.get(criterion.number)) or Decimal(0), Decimal(0)),
                              criterion.max_points)
        if not card.met:
            failures.append(f"Tiêu chí {criterion.number} được {card.points:f} điểm, dưới mức tối thiểu "
                            f"{card.minimum:f} điểm.")
        criteria.append(card)
    total = sum((c.points for c in criteria), Decimal(0))
    if total < framework.pass_total:
        failures.insert(0, f"Tổng điểm {total:f} dưới mức {framework.pass_total:f} điểm.")
    return Scorecard(criteria, total, bool(criteria) and not failures, failures)
