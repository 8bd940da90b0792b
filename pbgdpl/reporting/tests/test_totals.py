"""Totals up the hierarchy follow each indicator's aggregation rule; only accepted returns count."""

from decimal import Decimal

from django.urls import reverse

from pbgdpl.reporting.aggregation import compare_with_previous, rollup
from pbgdpl.reporting.models import (
    Aggregation,
    Indicator,
    ReportingPeriod,
    Return,
    ReturnStatus,
    ReturnValue,
    Unit,
)


def _accepted(unit, period, figures):
    ret = Return.objects.create(unit=unit, period=period, status=ReturnStatus.ACCEPTED)
    for code, value in figures.items():
        ReturnValue.objects.create(return_obj=ret, indicator=Indicator.objects.get(code=code), value=Decimal(value))
    return ret


def test_rollup_sums_averages_and_recomputes_ratios(province, period):
    Indicator.objects.filter(code="PB03").update(aggregation=Aggregation.AVERAGE)
    group = Unit(code="CUM", name="Cụm xã thử", kind="organisation", parent=province["province"])
    group.save()
    commune = province["a"]
    commune.parent = group
    commune.save()  # moving a unit moves its path
    _accepted(commune, period, {"PB01": 10, "PB03": 100, "HG03": 10, "HG04": 9})
    _accepted(province["b"], period, {"PB01": 5, "PB03": 300, "HG03": 30, "HG04": 15})
    submitted = _accepted(province["dept"], period, {"PB01": 1000})
    submitted.status = ReturnStatus.SUBMITTED
    submitted.save()
    result = rollup(period, province["province"])
    top = result.of(province["province"].pk)
    assert top["PB01"] == 15  # the submitted (not accepted) return is left out
    assert top["PB03"] == 200  # average of the two communes
    assert top["HG07"] == Decimal("60.0")  # 24 / 40, not the mean of 90 % and 50 %
    assert result.of(group.pk)["PB01"] == 10  # the middle level has its own total
    assert result.reporting_units[province["province"].pk] == 2


def test_comparison_with_the_previous_period_and_dashboard(client, officers, province, period):
    earlier = ReportingPeriod.objects.create(form=period.form, label="6 tháng cuối năm 2029",
                                             start="2029-07-01", end="2029-12-31", deadline="2030-01-10")
    _accepted(province["a"], earlier, {"PB01": 8})
    _accepted(province["a"], period, {"PB01": 12})
    rows = {row.indicator.code: row for row in compare_with_previous(period, province["province"])}
    assert (rows["PB01"].current, rows["PB01"].previous, rows["PB01"].change_percent) == (12, 8, Decimal("50.0"))
    client.force_login(officers["province"])
    page = client.get(reverse("reporting_admin:dashboard", args=[period.pk]) + "?chi_tieu=PB01").content.decode()
    assert "<svg" in page and 'aria-hidden="true"' in page
    assert "+4 (+50 %)" in page
    assert "<caption>Số liệu của biểu đồ PB01</caption>" in page
