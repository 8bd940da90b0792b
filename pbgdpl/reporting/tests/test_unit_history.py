"""Old codes: a former commune or district code (before the 2025 merger) finds today's unit, and the
totals of old periods count former units under the unit that took them over."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from pbgdpl.reporting.aggregation import compare_with_previous, rollup, unit_totals
from pbgdpl.reporting.models import (
    ReportingPeriod,
    Return,
    ReturnStatus,
    ReturnValue,
    Unit,
    UnitCodeHistory,
    UnitKind,
)
from pbgdpl.reporting.services.units import find_unit


@pytest.fixture
def merged(province, period):
    """Xã An Bình (today) was made in 2025 of two former communes that filed 2029's second half-year."""
    today = province["a"]
    for code, name in (("X00101", "Xã Cũ Một"), ("X00102", "Xã Cũ Hai"), ("H005", "Huyện Cũ")):
        UnitCodeHistory.objects.create(unit=today, code=code, name=name, valid_until=datetime.date(2025, 6, 30))
    old = ReportingPeriod.objects.create(form=period.form, label="6 tháng cuối năm 2029", start=datetime.date(2029, 7, 1),
                                         end=datetime.date(2029, 12, 31), deadline=datetime.date(2030, 1, 10))
    pb01 = period.form.ordered_indicators()[0]
    for code, name, value in (("X00101", "Xã Cũ Một", 4), ("X00102", "Xã Cũ Hai", 6)):
        former = Unit(code=code, name=name, kind=UnitKind.COMMUNE, parent=province["province"], is_active=False)
        former.save()
        ret = Return.objects.create(unit=former, period=old, status=ReturnStatus.ACCEPTED)
        ReturnValue.objects.create(return_obj=ret, indicator=pb01, value=value)
    return {"old": old, "code": pb01.code, "today": today}


@pytest.mark.parametrize("typed", ["00101", "X00101", "x 00102", "101", "005", "H005"])
def test_an_old_commune_or_district_code_finds_todays_unit(merged, typed):
    assert find_unit(typed) == merged["today"]


def test_unknown_and_current_codes(merged, province):
    assert find_unit("99999") is None and find_unit("") is None
    assert find_unit("X2") == province["b"]


def test_old_period_totals_count_former_communes_under_todays_unit(merged, province, period):
    code, today = merged["code"], merged["today"]
    assert rollup(merged["old"], province["province"]).of(today.pk)[code] == Decimal(10)
    assert rollup(merged["old"], province["province"]).of(province["province"].pk)[code] == Decimal(10)
    assert unit_totals(merged["old"], today)[code] == Decimal(10)
    first = compare_with_previous(period, today)[0]
    assert (first.indicator.code, first.previous) == (code, Decimal(10))


def test_admin_search_by_old_code_finds_the_unit_once(admin_client, merged):
    from pbgdpl.reporting.wagtail_hooks import viewsets

    page = admin_client.get(reverse(viewsets["units"].get_url_name("list")), {"q": "X0010"}).content.decode()
    assert page.count("Tùy chọn khác cho &#x27;Xã An Bình") == 1  # one row, though two old codes match
