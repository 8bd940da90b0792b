"""Search analytics: what is recorded (nothing personal), roll-up and retention, the editors' report."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.utils import timezone

from pbgdpl.search.analytics import services
from pbgdpl.search.analytics.models import Granularity, SearchClickStat, SearchQueryStat
from pbgdpl.search.models import DictionaryEntry

from .test_views import search_index  # noqa: F401  (fixture: a small real index)

PERSONAL_FIELD_HINTS = ("ip", "addr", "agent", "session", "user", "cookie", "email", "phone")


def test_a_search_is_counted_without_personal_data(client, search_index):  # noqa: F811
    client.get(
        "/tim-kiem/",
        {"q": "  Nghỉ  THAI sản ", "doc_type": "Bộ luật"},
        REMOTE_ADDR="203.0.113.7",
        HTTP_USER_AGENT="Mozilla/5.0 (Linux; Android 14) TestPhone",
    )
    row = SearchQueryStat.objects.get()
    assert row.query == "nghỉ thai sản"
    assert row.folded == "nghi thai san"
    assert row.filters == "doc_type=Bộ luật"
    assert row.result_count == 1
    assert row.searches == 1
    assert row.granularity == Granularity.HOUR
    assert (row.period_start.minute, row.period_start.second, row.period_start.microsecond) == (0, 0, 0)
    names = [f.name for model in (SearchQueryStat, SearchClickStat) for f in model._meta.get_fields()]
    assert not [n for n in names if any(hint in n for hint in PERSONAL_FIELD_HINTS)]
    stored = " ".join(str(v) for v in SearchQueryStat.objects.values_list().get())
    assert "203.0.113.7" not in stored and "TestPhone" not in stored


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("cccd 001234567890 bị mất", "cccd *** bị mất"),
        ("số điện thoại 0912 345 678 của cán bộ", "số điện thoại *** của cán bộ"),
        ("gửi đơn tới nguyenvana@gmail.com", "gửi đơn tới ***"),
        ("100/2019/NĐ-CP điều 5", "100/2019/nđ-cp điều 5"),
        ("ngày 20.11.2019", "ngày 20.11.2019"),
    ],
)
def test_numbers_and_addresses_people_type_are_not_stored(db, typed, stored):
    services.record_search(typed, None, 1)
    assert SearchQueryStat.objects.get().query == stored


def test_same_query_in_the_same_hour_is_one_row(client, search_index):  # noqa: F811
    for i in range(3):
        client.get("/tim-kiem/", {"q": "ly hôn"}, REMOTE_ADDR=f"203.0.113.{i}")
    client.get("/tim-kiem/", {"q": "ly hôn", "page": "2"}, REMOTE_ADDR="203.0.113.9")  # paging is not a new search
    client.get("/tim-kiem/api/", {"q": "LY HÔN"}, REMOTE_ADDR="203.0.113.3")
    row = SearchQueryStat.objects.get()
    assert row.searches == 4


def test_refining_with_htmx_filters_is_not_a_new_search(client, search_index):  # noqa: F811
    client.get("/tim-kiem/", {"q": "quyền"}, HTTP_HX_REQUEST="true", HTTP_HX_TRIGGER="search-form")
    client.get("/tim-kiem/", {"q": "quyền", "doc_type": "Luật"}, HTTP_HX_REQUEST="true", HTTP_HX_TRIGGER="search-results")
    assert [(r.query, r.filters, r.searches) for r in SearchQueryStat.objects.all()] == [("quyền", "", 1)]


def test_zero_result_searches_are_visible_as_such(client, search_index):  # noqa: F811
    client.get("/tim-kiem/", {"q": "xyzzy quux"})
    assert SearchQueryStat.objects.get().result_count == 0


def test_compaction_rolls_old_hours_into_days_and_purge_respects_retention(db, settings):
    settings.SEARCH_ANALYTICS_RETENTION_DAYS = 30
    tz = timezone.get_current_timezone()
    day = datetime.datetime(2026, 3, 1, tzinfo=tz)
    services.record_search("sổ đỏ", None, 5, when=day.replace(hour=8))
    services.record_search("sổ đỏ", None, 5, when=day.replace(hour=9))
    services.record_search("sổ đỏ", None, 5, when=day.replace(hour=9, minute=30))
    services.record_click("sổ đỏ", "provision:1", "/van-ban/x/#dieu-1", when=day.replace(hour=9))
    services.record_search("ly hôn", None, 2, when=day - datetime.timedelta(days=40))
    with time_machine.travel(day + datetime.timedelta(days=5), tick=False):
        result = services.maintain()
    assert result["purged"] == 1
    row = SearchQueryStat.objects.get()
    assert (row.granularity, row.searches, row.query) == (Granularity.DAY, 3, "sổ đỏ")
    assert timezone.localtime(row.period_start) == day
    click = SearchClickStat.objects.get()
    assert (click.granularity, click.clicks) == (Granularity.DAY, 1)


def test_recent_hours_stay_hourly(db):
    now = timezone.now()
    services.record_search("thuế", None, 1, when=now - datetime.timedelta(hours=2))
    services.compact(now)
    assert SearchQueryStat.objects.get().granularity == Granularity.HOUR


def test_admin_report_requires_login(client, db):
    response = client.get("/quan-tri/thong-ke-tim-kiem/")
    assert response.status_code == 302
    assert "/quan-tri/login/" in response["Location"]


@pytest.fixture
def admin_client_logged_in(client, django_user_model):
    user = django_user_model.objects.create_superuser("bientap", "bientap@example.org", "mat-khau-dai-1")
    client.force_login(user)
    return client


def test_admin_report_lists_top_and_failing_queries(admin_client_logged_in):
    services.record_search("nghỉ đẻ", None, 4)
    services.record_search("nghỉ đẻ", None, 4)
    services.record_search("bảo hiểm xe ôm", None, 0)
    services.record_click("nghỉ đẻ", "provision:139", "/van-ban/bo-luat-lao-dong-2019/#dieu-139")
    response = admin_client_logged_in.get("/quan-tri/thong-ke-tim-kiem/", {"days": "7"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Thống kê tìm kiếm" in html
    assert "nghỉ đẻ" in html and "bảo hiểm xe ôm" in html
    assert "/van-ban/bo-luat-lao-dong-2019/#dieu-139" in html
    assert "Thêm vào từ điển" in html
    assert "term=b%E1%BA%A3o+hi%E1%BB%83m+xe+%C3%B4m" in html


def test_report_lists_queries_nobody_opened_a_result_for(admin_client_logged_in):
    for _ in range(3):
        services.record_search("tiền đền bù giải tỏa", None, 12)
    services.record_search("nghỉ đẻ", None, 4)
    services.record_search("nghỉ đẻ", None, 4)
    services.record_click("Nghỉ đẻ", "provision:139", "/van-ban/bo-luat-lao-dong-2019/#dieu-139")
    from pbgdpl.search.analytics import selectors

    rows = selectors.unclicked_queries(selectors.Period.last_days(7))
    assert [(r["query"], r["searches"]) for r in rows] == [("tiền đền bù giải tỏa", 3)]
    html = admin_client_logged_in.get("/quan-tri/thong-ke-tim-kiem/").content.decode()
    assert "Tìm nhiều nhưng không ai mở kết quả" in html and "tiền đền bù giải tỏa" in html


def test_add_dictionary_entry_prefilled_from_a_failing_query(admin_client_logged_in):
    from pbgdpl.search.wagtail_hooks import dictionary_add_url

    url = dictionary_add_url("bảo hiểm xe ôm")
    html = admin_client_logged_in.get(url).content.decode()
    assert 'value="bảo hiểm xe ôm"' in html
    response = admin_client_logged_in.post(
        url, {"kind": "synonym", "term": "bảo hiểm xe ôm", "expansions": "bảo hiểm trách nhiệm dân sự", "enabled": "on"}
    )
    assert response.status_code == 302
    assert DictionaryEntry.objects.get(term="bảo hiểm xe ôm").expansions == "bảo hiểm trách nhiệm dân sự"


def test_dictionary_listing_is_searchable_and_filterable(admin_client_logged_in):
    from django.urls import reverse

    from pbgdpl.search.wagtail_hooks import dictionary_viewset

    url = reverse(dictionary_viewset.get_url_name("list"))
    html = admin_client_logged_in.get(url, {"q": "sổ đỏ", "kind": "synonym"}).content.decode()
    assert "giấy chứng nhận quyền sử dụng đất" in html
    assert "bồ nhí" not in html


def test_report_names_clicked_results_from_the_index(admin_client_logged_in, search_index):  # noqa: F811
    admin_client_logged_in.get(
        "/tim-kiem/mo/", {"to": "/van-ban/bo-luat-lao-dong-2019/#dieu-139", "key": "provision:139", "q": "nghỉ đẻ"}
    )
    html = admin_client_logged_in.get("/quan-tri/thong-ke-tim-kiem/").content.decode()
    assert "Điều 139. Nghỉ thai sản — Bộ luật Lao động 2019" in html


def test_distinct_client_rows_are_kept_only_as_long_as_popular_searches_look_back(db):
    from pbgdpl.search.analytics.models import SearchPhraseClient

    now = timezone.now()
    old, recent = "1" * 32, "2" * 32  # client keys as core.ratelimit.client_key makes them
    services.record_search("sổ đỏ", None, 5, client=old, when=now - datetime.timedelta(days=31))
    services.record_search("sổ đỏ", None, 5, client=recent, when=now - datetime.timedelta(days=2))
    services.record_search("không thấy gì", None, 0, client="3" * 32)  # found nothing: never popular, not kept
    services.purge(now)
    row = SearchPhraseClient.objects.get()
    assert row.client != recent  # a hash of the key with the phrase, not the key itself


def test_a_clients_repeat_is_refused_from_memory_without_asking_the_shared_cache(db, monkeypatch):
    """A reloaded (or cached) search page must not cost a Redis round trip per hit to be refused."""
    services.record_search("ly hôn", None, 3, client="client-a")

    def unavailable(*args, **kwargs):
        raise AssertionError("the shared cache was asked again")

    monkeypatch.setattr(services.cache, "add", unavailable)
    services.record_search("ly hôn", None, 3, client="client-a")
    assert SearchQueryStat.objects.get().searches == 1


def test_the_memory_of_repeats_ends_before_the_shared_window(db, monkeypatch):
    """After KNOWN_SEEN_S the shared cache decides again: a window another process opened is honoured
    (refused), and one that expired there counts again."""
    monkeypatch.setattr(services, "KNOWN_SEEN_S", 0.0)
    services.record_search("ly hôn", None, 3, client="client-a")
    services.record_search("ly hôn", None, 3, client="client-a")  # the shared key still holds: refused
    assert SearchQueryStat.objects.get().searches == 1
    services.cache.clear()  # the shared window ended
    services.record_search("ly hôn", None, 3, client="client-a")
    assert SearchQueryStat.objects.get().searches == 2
