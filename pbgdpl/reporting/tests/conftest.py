"""Fixtures of the reporting tests: the demo indicator set, a small province, officers of its units."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from pbgdpl.accounts.roles import REPORTING_UNIT
from pbgdpl.reporting.demo import load_indicator_set
from pbgdpl.reporting.models import ReportForm, ReportingPeriod, Unit, UnitKind, UnitMembership


@pytest.fixture
def indicator_set(db):
    load_indicator_set()


@pytest.fixture
def province(indicator_set):
    """A province with two communes and a department."""
    province = Unit(code="T99", name="Tỉnh Thử", kind=UnitKind.PROVINCE)
    province.save()
    units = {"province": province}
    for key, code, name, kind in [("a", "X1", "Xã An Bình", UnitKind.COMMUNE), ("b", "X2", "Phường Đông Hòa", UnitKind.COMMUNE),
                                  ("dept", "SGD", "Sở Giáo dục và Đào tạo", UnitKind.DEPARTMENT)]:
        unit = Unit(code=code, name=name, kind=kind, parent=province)
        unit.save()
        units[key] = unit
    return units


@pytest.fixture
def period(indicator_set):
    """A half-year period whose deadline is far ahead (tests that need lateness move the clock)."""
    return ReportingPeriod.objects.create(
        form=ReportForm.objects.get(code="PBGDPL-6T"),
        label="6 tháng đầu năm 2030", start=datetime.date(2030, 1, 1), end=datetime.date(2030, 6, 30),
        deadline=datetime.date(2030, 7, 10))


@pytest.fixture
def officers(province):
    from pbgdpl.accounts.extra_roles import ensure_extra_roles

    ensure_extra_roles()
    User = get_user_model()
    group = Group.objects.get(name=REPORTING_UNIT)

    def make(username: str, unit: Unit):
        user = User.objects.create_user(username, f"{username}@don-vi.example", "matkhau-dai-123")
        user.groups.add(group)
        UnitMembership.objects.create(user=user, unit=unit)
        return User.objects.get(pk=user.pk)

    return {"a": make("canbo_a", province["a"]), "b": make("canbo_b", province["b"]),
            "province": make("so_tu_phap", province["province"])}


GOOD = {"PB01": "12", "PB02": "1.250", "PB03": "300", "HG01": "5", "HG02": "40", "HG03": "10", "HG04": "7",
        "HG05": "2", "HG06": "1", "BC01": "0", "BC02": "12", "TS01": "2", "TS02": "150", "TC01": "1"}


def form_data(figures: dict[str, str], action: str) -> dict[str, str]:
    return {"action": action, **{f"v_{code}": value for code, value in figures.items()}}


def refused(response) -> bool:
    """Wagtail's admin answers a PermissionDenied with a redirect to the dashboard and a message."""
    from django.urls import reverse

    return response.status_code == 403 or (response.status_code == 302
                                           and response["Location"] == reverse("wagtailadmin_home"))
