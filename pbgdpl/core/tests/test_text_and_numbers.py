"""The shared folding, slug and number rules that every app relies on."""

import pytest

from pbgdpl.core.numbers import digits_only, normalize_vietnamese_phone, parse_ascii_int
from pbgdpl.core.text import ascii_identifier, fold_diacritics, vietnamese_slug


def test_folding_and_slugs_keep_d_for_dd():
    assert fold_diacritics("Đất đai hoà giải") == "Dat dai hoa giai"
    assert vietnamese_slug("571/QĐ-UBND") == "571-qd-ubnd"
    assert vietnamese_slug("Luật Đất đai") == "luat-dat-dai"
    assert ascii_identifier("QUY CHẾ") == "quy-che"


@pytest.mark.parametrize("typed", ["0912000001", "0912 000 001", "+84912000001", "091２０００００１"])
def test_phone_spellings_become_one_number(typed):
    assert normalize_vietnamese_phone(typed) == "0912000001"


@pytest.mark.parametrize("typed", ["09١٢000001", "091200000", "abc", "0912-000-00١"])
def test_phone_with_foreign_digits_is_refused(typed):
    assert normalize_vietnamese_phone(typed) is None


@pytest.mark.parametrize(("raw", "expected"), [("3", 3), (" 12 ", 12), ("²", None), ("３", None), ("-1", None), ("", None)])
def test_query_string_integers_are_ascii_only(raw, expected):
    assert parse_ascii_int(raw, minimum=0) == expected


def test_identifier_digits_accept_fullwidth_only():
    assert digits_only("0012 3456 ７８９０") == "001234567890"
    assert digits_only("00123456789١") is None
