"""Figures are checked against their indicator's rules, with the message the officer reads."""

from decimal import Decimal

from pbgdpl.reporting.models import Indicator
from pbgdpl.reporting.validation import check_figures

from .conftest import GOOD


def _indicators():
    return list(Indicator.objects.exclude(code__startswith="BENCH").order_by("code"))


def test_vietnamese_number_forms_are_read(indicator_set):
    checked = check_figures(_indicators(), {**GOOD, "PB02": "1.250", "PB03": "2 300"}, complete=True)
    assert checked.ok, checked.errors
    assert checked.values["PB02"] == Decimal("1250")
    assert checked.values["PB03"] == Decimal("2300")


def test_each_rule_has_its_own_message(indicator_set):
    checked = check_figures(_indicators(), {**GOOD, "PB01": "mười", "PB02": "-5", "PB03": "2,5", "TC01": "3",
                                            "HG04": "11"}, complete=True)
    assert checked.errors["PB01"].startswith("«mười» không phải là số")
    assert checked.errors["PB02"] == "Số liệu không được là số âm."
    assert checked.errors["PB03"] == "Chỉ tiêu này chỉ nhận số nguyên."
    assert checked.errors["TC01"] == "Không được lớn hơn 1."
    # 11 cases succeeded out of 10 received.
    assert checked.errors["HG04"] == "Không được lớn hơn chỉ tiêu HG03 «Số vụ, việc hòa giải tiếp nhận» (10)."
    assert set(checked.errors) == {"PB01", "PB02", "PB03", "TC01", "HG04"}


def test_blanks_are_allowed_in_a_draft_but_not_on_submission(indicator_set):
    partial = {"PB01": "3"}
    assert check_figures(_indicators(), partial, complete=False).ok
    refused = check_figures(_indicators(), partial, complete=True)
    assert refused.errors["PB02"] == "Chưa nhập số liệu."
    assert "HG07" not in refused.errors  # a computed ratio is never typed
