import datetime

from pbgdpl.core.dates import parse_date


def test_dates_as_people_type_them_and_as_date_pickers_send_them():
    expected = datetime.date(2026, 11, 27)
    assert [parse_date(text) for text in ("27/11/2026", " 27-11-2026 ", "27.11.2026", "2026-11-27")] == [expected] * 4


def test_an_impossible_day_or_another_shape_is_no_date():
    assert parse_date("31/02/2026") is None
    assert parse_date("11/27/2026") is None  # month first is not how Vietnamese dates are written
    assert parse_date("hôm qua") is None
    assert parse_date("") is None
