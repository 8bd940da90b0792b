"""Legal-access standard: QĐ 25/2021/QĐ-TTg loads as data; a commune's self-assessment figures give
banded points, criterion points and pass/fail; the province records its decision."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from pbgdpl.core.demo import read_demo_data
from pbgdpl.reporting.demo_registries import load_frameworks
from pbgdpl.reporting.models import AccessFramework, AccessResult

from .conftest import refused

TOP = {"1.1": 100, "1.2": 100, "2.1": 100, "2.2": 12, "2.3": 1, "3.1": 80, "3.2": 100, "4.1": 98, "4.2": 100,
       "5.1": 100, "5.2": 1}


@pytest.fixture
def qd25(db):
    load_frameworks(read_demo_data("reporting", "registries.json"))
    return AccessFramework.objects.get(code="QD25-2021")


def result(commune, framework, **changes):
    made = AccessResult(commune=commune, year=2026, framework=framework, figures={**TOP, **changes})
    made.save()
    return made


def test_qd25_loads_with_criteria_indicators_and_bands(qd25):
    assert qd25.criteria.count() == 5 and qd25.pass_total == 80
    assert sum(c.max_points for c in qd25.criteria.all()) == 100
    assert AccessFramework.for_year(2026) == qd25


def test_figures_give_banded_points_and_pass_fail(qd25, province):
    top = result(province["a"], qd25)
    assert (top.total, top.passed) == (100, True)
    top.figures["4.1"] = 85  # band 80 ≤ x < 90 → 8 of 20 points
    top.save()
    assert top.indicator_points["4.1"] == 8 and top.points["4"] == 18 and (top.total, top.passed) == (88, True)
    top.delete()
    weak = result(province["a"], qd25, **{"3.1": 30})  # criterion 3: 0 + 8 < half of 20
    assert (weak.total, weak.passed) == (88, False)
    weak.delete()
    disciplined = result(province["a"], qd25, **{"5.2": 0})  # a must-score indicator at zero
    assert (disciplined.total, disciplined.passed) == (96, False)


def test_a_successor_framework_is_data(qd25, province):
    successor = AccessFramework.objects.create(code="MOI", name="Bộ tiêu chí mới", decision="Quyết định mới",
                                               valid_from=datetime.date(2027, 1, 1), pass_total=90)
    successor.criteria.create(number="1", name="Tiêu chí duy nhất", max_points=100)
    successor.save()
    assert AccessFramework.for_year(2027) == successor and AccessFramework.for_year(2026) == qd25


def test_commune_self_assesses_and_the_province_decides(client, officers, province, qd25):
    url = reverse("reporting_admin:access", args=[2026, province["a"].pk])
    client.force_login(officers["a"])
    bad = client.post(url, {"action": "save", **{f"f_{k}": v for k, v in TOP.items()}, "f_4.1": "chín mươi"})
    assert bad.status_code == 400 and "chín mươi" in bad.content.decode()
    assert not AccessResult.objects.exists()
    client.post(url, {"action": "save", **{f"f_{k}": str(v) for k, v in TOP.items()}, "f_4.1": "85,5"})
    saved = AccessResult.objects.get(commune=province["a"], year=2026)
    assert saved.figures["4.1"] == "85.5" and saved.figures["1.1"] == "100" and saved.total == 88 and saved.passed
    assert 'value="85,5"' in client.get(url).content.decode()
    assert refused(client.post(url, {"action": "recognise", "decision_number": "1/QĐ-UBND"}))
    client.force_login(officers["b"])
    assert refused(client.get(url))
    client.force_login(officers["province"])
    page = client.post(url, {"action": "recognise", "decision_number": ""}, follow=True).content.decode()
    assert "Hãy ghi số quyết định" in page
    client.post(url, {"action": "recognise", "decision_number": "123/QĐ-UBND", "decision_date": "2026-12-20"})
    saved.refresh_from_db()
    assert saved.recognised and saved.decided_by == officers["province"]
    assert saved.decision_date == datetime.date(2026, 12, 20)
    client.force_login(officers["a"])
    page = client.post(url, {"action": "save", **{f"f_{k}": "0" for k in TOP}}, follow=True).content.decode()
    assert "không sửa số liệu được nữa" in page
    saved.refresh_from_db()
    assert saved.total == 88 and saved.points["4"] == Decimal(18)


def test_a_failing_commune_cannot_be_recognised(client, officers, province, qd25):
    result(province["b"], qd25, **{"5.2": 0})
    client.force_login(officers["province"])
    url = reverse("reporting_admin:access", args=[2026, province["b"].pk])
    page = client.post(url, {"action": "recognise", "decision_number": "9/QĐ-UBND"}, follow=True).content.decode()
    assert "chưa đủ điều kiện" in page
    assert not AccessResult.objects.get(commune=province["b"]).decision
    listing = client.get(reverse("reporting_admin:access_list", args=[2026])).content.decode()
    assert "Chưa đủ điều kiện" in listing and "Chưa tự đánh giá" in listing
