"""Totals up the hierarchy: the one place where an indicator's aggregation rule is applied.

Only accepted returns count. Across units, ``sum`` and ``latest`` (stocks such as teams or
bookshelves) add up, ``average`` averages the units that reported, and ``ratio`` is recomputed from
the summed numerator and denominator — never an average of percentages. :func:`apply_rules` is that
rule; :func:`rollup` (every unit of a subtree) and :func:`unit_totals` (one unit) feed it sums and
counts.

Old periods map through the unit history: a former unit (an inactive :class:`Unit` whose code is
recorded in a current unit's :class:`UnitCodeHistory`, e.g. a commune merged in 2025) counts under
that current unit, so a commune's 2024 figures are the sum of the communes it was made of.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import BigIntegerField, Count, F, Q, Sum
from django.db.models.functions import Cast, Round

from .models import Aggregation, Indicator, ReportingPeriod, ReturnStatus, ReturnValue, Unit, UnitCodeHistory
from .validation import ratio

CENT = Decimal("0.01")


def apply_rules(indicators: list[Indicator], cents: dict[str, int], counts: dict[str, int]) -> dict[str, Decimal | None]:
    """Totals by indicator code from the summed figures (in hundredths) and how many units gave each."""
    totals: dict[str, Decimal | None] = {}
    for indicator in indicators:
        code = indicator.code
        if indicator.aggregation == Aggregation.RATIO or code not in cents:
            totals[code] = None
        elif indicator.aggregation == Aggregation.AVERAGE:
            totals[code] = (Decimal(cents[code]) / counts[code] * CENT).quantize(CENT)
        else:
            totals[code] = Decimal(cents[code]) * CENT
    codes = {i.pk: i.code for i in indicators}
    for indicator in indicators:
        if indicator.aggregation == Aggregation.RATIO:
            totals[indicator.code] = ratio(totals.get(codes.get(indicator.numerator_id)),
                                           totals.get(codes.get(indicator.denominator_id)))
    return totals


def former_units(root: Unit) -> dict[int, int]:
    """{former unit id: current unit id} for the inactive units whose codes the history of a unit in
    ``root``'s subtree records."""
    history = UnitCodeHistory.objects.filter(unit__path__startswith=root.path)
    successor = dict(history.values_list("code", "unit_id"))
    if not successor:
        return {}
    former = Unit.objects.filter(is_active=False, code__in=history.values("code")).values_list("pk", "code")
    return {pk: successor[code] for pk, code in former if successor[code] != pk}


def _accepted_values(period: ReportingPeriod, root: Unit, former: dict[int, int]):
    where = Q(return_obj__unit__path__startswith=root.path)
    if former:
        where |= Q(return_obj__unit_id__in=list(former))
    return ReturnValue.objects.filter(where, return_obj__period=period, return_obj__status=ReturnStatus.ACCEPTED)


# Figures are summed as whole hundredths: exact, and far cheaper than Decimal arithmetic per row.
_CENTS = Cast(Round(F("value") * 100), BigIntegerField())


@dataclass
class Rollup:
    """Totals for every unit of a subtree: ``totals[unit_id][indicator_code]``."""

    root: Unit
    indicators: list[Indicator]
    totals: dict[int, dict[str, Decimal | None]] = field(default_factory=dict)
    reporting_units: dict[int, int] = field(default_factory=dict)  # unit id → accepted returns in its subtree

    def of(self, unit_id: int) -> dict[str, Decimal | None]:
        return self.totals.get(unit_id) or {i.code: None for i in self.indicators}


def rollup(period: ReportingPeriod, root: Unit) -> Rollup:
    """Totals for the root and every unit below it, from one read of the subtree's accepted figures.

    Each unit's own figures are gathered first (one return per unit and period), then added once
    to the unit and to each of its ancestors up to the root.
    """
    indicators = period.form.ordered_indicators()
    code_of = {i.pk: i.code for i in indicators if i.aggregation != Aggregation.RATIO}
    skip = root.path.count("/") - 2  # "/1/7/42/" under root "/1/7/" → [7, 42]
    chains = {pk: [int(part) for part in path.strip("/").split("/")[skip:]]
              for pk, path in root.subtree().values_list("pk", "path")}
    former = former_units(root)
    for old, current in former.items():  # a former unit's figures go up its successor's chain
        chains[old] = chains[current]
    own: dict[int, dict[str, int]] = defaultdict(dict)
    rows = _accepted_values(period, root, former).values_list("return_obj__unit_id", "indicator_id").annotate(cents=_CENTS)
    for unit_id, indicator_id, value in rows.iterator(chunk_size=10000):
        code = code_of.get(indicator_id)
        if code is not None:
            own[unit_id][code] = value
    cents: dict[int, dict[str, int]] = defaultdict(dict)
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    reporting: dict[int, int] = defaultdict(int)
    for unit_id, figures in own.items():
        for ancestor in chains[unit_id]:
            sums, numbers = cents[ancestor], counts[ancestor]
            for code, value in figures.items():
                sums[code] = sums.get(code, 0) + value
                numbers[code] = numbers.get(code, 0) + 1
            reporting[ancestor] += 1
    result = Rollup(root=root, indicators=indicators, reporting_units=dict(reporting))
    for unit_id, sums in cents.items():
        result.totals[unit_id] = apply_rules(indicators, sums, counts[unit_id])
    return result


def _subtree_sums(period: ReportingPeriod, unit: Unit, code_of: dict[int, str]) -> tuple[dict, dict]:
    rows = (_accepted_values(period, unit, former_units(unit)).values("indicator_id")
            .annotate(cents=Sum(_CENTS), n=Count("id")).values_list("indicator_id", "cents", "n"))
    cents, counts = {}, {}
    for indicator_id, total, n in rows:
        if indicator_id in code_of:
            cents[code_of[indicator_id]] = int(total)
            counts[code_of[indicator_id]] = n
    return cents, counts


def unit_totals(period: ReportingPeriod, unit: Unit) -> dict[str, Decimal | None]:
    """One unit's totals (its whole subtree), summed by the database."""
    indicators = period.form.ordered_indicators()
    code_of = {i.pk: i.code for i in indicators if i.aggregation != Aggregation.RATIO}
    return apply_rules(indicators, *_subtree_sums(period, unit, code_of))


@dataclass
class ComparedRow:
    indicator: Indicator
    current: Decimal | None
    previous: Decimal | None

    @property
    def change(self) -> Decimal | None:
        if self.current is None or self.previous is None:
            return None
        return self.current - self.previous

    @property
    def change_percent(self) -> Decimal | None:
        if self.change is None or not self.previous:
            return None
        return (self.change * 100 / self.previous).quantize(Decimal("0.1"))


def compare_with_previous(period: ReportingPeriod, unit: Unit, current: dict | None = None) -> list[ComparedRow]:
    """The unit's totals for ``period`` next to the previous period of the same form."""
    now = current if current is not None else unit_totals(period, unit)
    previous_period = period.previous()
    previous = unit_totals(previous_period, unit) if previous_period else {}
    return [ComparedRow(i, now.get(i.code), previous.get(i.code)) for i in period.form.ordered_indicators()]
