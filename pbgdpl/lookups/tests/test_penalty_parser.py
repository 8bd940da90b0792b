"""The penalty parser reads the two sample decrees (different drafting habits) exactly, and invents nothing."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from pbgdpl.legal.parsing import parse_text
from pbgdpl.lookups.penalties.parser import parse_decree

DECREES = Path(__file__).resolve().parents[1] / "demo_data" / "penalty_decrees.jsonl"


def _decree(number: str):
    for line in DECREES.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["number"] == number:
            return parse_decree(parse_text(record["text"]).nodes)
    raise LookupError(number)


@pytest.fixture(scope="module")
def traffic():
    return _decree("901/2026/NĐ-CP")


@pytest.fixture(scope="module")
def public_order():
    return _decree("902/2026/NĐ-CP")


def _by_eid(decree):
    return {violation.eid: violation for violation in decree.violations}


def test_traffic_decree_every_violation_fine_and_subject(traffic):
    found = {v.eid: (v.vehicle, v.fine_min, v.fine_max, v.warning_allowed) for v in traffic.violations}
    expected = {}
    for eid_prefix, vehicle, low, high, letters in (
        ("dieu-5-khoan-1", "o-to", 400_000, 600_000, "abc"),
        ("dieu-5-khoan-2", "o-to", 4_000_000, 6_000_000, "abc"),
        ("dieu-5-khoan-3", "o-to", 18_000_000, 20_000_000, "abc"),
        ("dieu-6-khoan-1", "mo-to", 400_000, 600_000, "abcd"),
        ("dieu-6-khoan-2", "mo-to", 800_000, 1_000_000, "abc"),
        ("dieu-6-khoan-3", "mo-to", 4_000_000, 6_000_000, "abcd"),
        ("dieu-6-khoan-5", "mo-to", 8_000_000, 10_000_000, "ab"),
        ("dieu-7-khoan-1", "xe-dap", 100_000, 200_000, "abc"),
    ):
        for letter in letters:
            expected[f"{eid_prefix}-diem-{letter}"] = (vehicle, low, high, False)
    expected.update({
        "dieu-5-khoan-4": ("o-to", 30_000_000, 40_000_000, False),
        "dieu-6-khoan-4": ("mo-to", 6_000_000, 8_000_000, False),
        "dieu-7-khoan-2": ("xe-dap", 400_000, 600_000, False),
        "dieu-8-diem-a": ("di-bo", 150_000, 250_000, True),
        "dieu-8-diem-b": ("di-bo", 150_000, 250_000, True),
        "dieu-8-diem-c": ("di-bo", 150_000, 250_000, True),
        # Article 9 sanctions several vehicles: the clause names its own.
        "dieu-9-khoan-1": ("mo-to", 200_000, 300_000, False),
        "dieu-9-khoan-2": ("mo-to", 2_000_000, 4_000_000, False),
        "dieu-9-khoan-3": ("o-to", 18_000_000, 20_000_000, False),
    })
    assert found == expected
    assert traffic.organisation_multiplier == Decimal(2)
    assert traffic.warnings == []


def test_traffic_decree_extra_penalties_and_remedies_reach_the_right_points(traffic):
    violations = _by_eid(traffic)
    with_extra = {eid: v.additional_penalties for eid, v in violations.items() if v.additional_penalties}
    assert with_extra == {
        "dieu-5-khoan-2-diem-b": ["Tước quyền sử dụng giấy phép lái xe từ 01 tháng đến 03 tháng"],
        "dieu-5-khoan-3-diem-a": ["Tước quyền sử dụng giấy phép lái xe từ 02 tháng đến 04 tháng"],
        "dieu-5-khoan-3-diem-c": ["Tước quyền sử dụng giấy phép lái xe từ 02 tháng đến 04 tháng"],
        "dieu-5-khoan-4": ["Tước quyền sử dụng giấy phép lái xe từ 22 tháng đến 24 tháng"],
        "dieu-6-khoan-3-diem-a": ["Tước quyền sử dụng giấy phép lái xe từ 01 tháng đến 03 tháng"],
        "dieu-6-khoan-3-diem-d": ["Tước quyền sử dụng giấy phép lái xe từ 01 tháng đến 03 tháng"],
        "dieu-6-khoan-4": ["Tước quyền sử dụng giấy phép lái xe từ 10 tháng đến 12 tháng"],
        "dieu-6-khoan-5-diem-a": ["Tước quyền sử dụng giấy phép lái xe từ 22 tháng đến 24 tháng; tái phạm thì bị tịch thu phương tiện"],
        "dieu-6-khoan-5-diem-b": ["Tước quyền sử dụng giấy phép lái xe từ 22 tháng đến 24 tháng; tái phạm thì bị tịch thu phương tiện"],
    }
    with_remedy = {eid: v.remedial_measures for eid, v in violations.items() if v.remedial_measures}
    assert with_remedy == {
        "dieu-5-khoan-2-diem-c": ["Buộc di chuyển phương tiện ra khỏi phần đường xe chạy"],
        "dieu-9-khoan-2": ["Buộc nộp lại giấy phép lái xe đó"],
    }
    # Speeding bands: "đến dưới 10 km/h" excludes 10.
    assert (violations["dieu-6-khoan-2-diem-a"].speed_min, violations["dieu-6-khoan-2-diem-a"].speed_max) == (5, 9)
    assert (violations["dieu-6-khoan-3-diem-b"].speed_min, violations["dieu-6-khoan-3-diem-b"].speed_max) == (10, 20)
    assert violations["dieu-5-khoan-1-diem-a"].subject == "người điều khiển xe ô tô"


def test_second_layout_clause_level_violations_and_sanctions_after_the_measure(public_order):
    violations = _by_eid(public_order)
    assert {eid: (v.fine_min, v.fine_max, v.warning_allowed) for eid, v in violations.items()} == {
        "dieu-4-khoan-1-diem-a": (500_000, 1_000_000, True),
        "dieu-4-khoan-1-diem-b": (500_000, 1_000_000, True),
        "dieu-4-khoan-1-diem-c": (500_000, 1_000_000, True),
        # "Phạt tiền từ 2.000.000 đến 3.000.000 đồng": the unit written once.
        "dieu-4-khoan-2-diem-a": (2_000_000, 3_000_000, False),
        "dieu-4-khoan-2-diem-b": (2_000_000, 3_000_000, False),
        "dieu-4-khoan-2-diem-c": (2_000_000, 3_000_000, False),
        "dieu-5-khoan-1": (500_000, 1_000_000, False),
        "dieu-5-khoan-2": (5_000_000, 7_000_000, False),
        "dieu-6": (500_000, 1_000_000, False),  # an article without clauses
        "dieu-7-khoan-1-diem-a": (200_000, 400_000, False),
        "dieu-7-khoan-1-diem-b": (200_000, 400_000, False),
        "dieu-7-khoan-2": (1_000_000, 2_000_000, False),
    }
    assert violations["dieu-5-khoan-2"].behaviour.startswith("Vứt, thải rác thải sinh hoạt trên vỉa hè")
    assert violations["dieu-4-khoan-2-diem-c"].additional_penalties == [
        "Tịch thu tang vật, phương tiện được sử dụng để vi phạm hành chính"]
    assert violations["dieu-5-khoan-2"].remedial_measures == [
        "Buộc thu gom rác thải đã vứt, thải không đúng nơi quy định",
        "Buộc khôi phục lại tình trạng ban đầu đã bị thay đổi do vi phạm hành chính gây ra"]
    assert violations["dieu-7-khoan-2"].remedial_measures == ["Buộc bồi thường thiệt hại do vi phạm hành chính gây ra"]
    assert public_order.organisation_multiplier == Decimal(2)


def test_unreadable_provisions_are_flagged_never_invented():
    text = """Điều 1. Xử phạt người điều khiển xe ô tô
1. Phạt tiền theo quy định của pháp luật đối với người điều khiển xe vi phạm.
2. Phạt tiền từ 6.000.000 đồng đến 4.000.000 đồng đối với hành vi chở hàng quá tải.
3. Phạt tiền từ 1.000.000 đồng đến 2.000.000 đồng đối với người điều khiển xe thực hiện một trong các hành vi vi phạm sau đây:
4. Hình thức xử phạt bổ sung: Tước quyền sử dụng giấy phép lái xe từ 01 tháng đến 03 tháng.
"""
    decree = parse_decree(parse_text(text).nodes)
    assert decree.violations == []
    assert {eid for eid, _message in decree.warnings} == {"dieu-1-khoan-1", "dieu-1-khoan-2", "dieu-1-khoan-3"}
    assert decree.organisation_multiplier == Decimal(1)  # the decree says nothing about organisations
