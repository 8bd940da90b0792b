import datetime
from zoneinfo import ZoneInfo

from pbgdpl.core.templatetags.portal_tags import vi_date


def test_dates_read_the_vietnamese_way():
    assert vi_date(datetime.date(2026, 11, 27)) == "Thứ Sáu, 27/11/2026"
    assert vi_date(datetime.date(2026, 11, 29)) == "Chủ Nhật, 29/11/2026"
    assert vi_date(datetime.date(2026, 3, 2)) == "Thứ Hai, 02/03/2026"


def test_short_and_time_styles():
    assert vi_date(datetime.date(2026, 1, 5), "short") == "05/01/2026"
    moment = datetime.datetime(2026, 11, 27, 14, 5)
    assert vi_date(moment, "time") == "Thứ Sáu, 27/11/2026, 14:05"


def test_aware_datetimes_are_shown_in_vietnam_time(settings):
    settings.TIME_ZONE = "Asia/Ho_Chi_Minh"
    late_evening_utc = datetime.datetime(2026, 11, 26, 18, 30, tzinfo=ZoneInfo("UTC"))
    # 18:30 UTC on Thursday is 01:30 on Friday in Hà Nội.
    assert vi_date(late_evening_utc, "time") == "Thứ Sáu, 27/11/2026, 01:30"


def test_empty_or_wrong_values_render_nothing():
    assert vi_date(None) == ""
    assert vi_date("27/11/2026") == ""
