"""Visits are counted on the server without cookies or addresses, rolled up per day, shown in the admin."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from pbgdpl.reporting import visits
from pbgdpl.reporting.models import DailyVisits, PageView
from pbgdpl.reporting.services.visit_stats import roll_up

PHONE = "Mozilla/5.0 (Linux; Android 14) Mobile Safari/537.36"
DESKTOP = "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0"


@pytest.fixture
def counting(settings):
    settings.VISIT_STATS_FLUSH_SIZE = 1
    visits.buffer.clear()
    yield
    visits.buffer.clear()


def test_views_and_visitors_are_counted_without_cookies_or_addresses(client, counting, db):
    with time_machine.travel(datetime.datetime(2030, 3, 2, 3, tzinfo=datetime.UTC)):
        for agent, address in ((PHONE, "203.0.113.5"), (PHONE, "203.0.113.5"), (DESKTOP, "198.51.100.7")):
            response = client.get("/du-lieu-mo/", HTTP_USER_AGENT=agent, REMOTE_ADDR=address,
                                  HTTP_REFERER="https://www.google.com/search?q=x")
            assert "Set-Cookie" not in response.headers or "sessionid" not in response.headers["Set-Cookie"]
        client.get("/du-lieu-mo/", HTTP_USER_AGENT="Googlebot/2.1", REMOTE_ADDR="66.249.66.1")
        client.get("/du-lieu-mo/bao-cao-vien.csv", HTTP_USER_AGENT=DESKTOP)  # a download, not a page view
    stored = list(PageView.objects.values_list("visitor", "device", "referrer_host"))
    assert len(stored) == 3
    assert all("203.0.113.5" not in visitor and len(visitor) == 32 for visitor, _d, _r in stored)
    assert roll_up(before=datetime.date(2030, 3, 3)) == 1
    assert not PageView.objects.exists()  # the hashes are gone with the raw rows
    site = DailyVisits.objects.get(day="2030-03-02", path="")
    assert (site.views, site.visitors) == (3, 2)
    assert site.devices == {"mobile": 1, "desktop": 1} and site.referrers == {"www.google.com": 3}
    page = DailyVisits.objects.get(day="2030-03-02", path="/du-lieu-mo/")
    assert (page.section, page.views, page.visitors) == ("du-lieu-mo", 3, 2)


def test_a_part_fetched_into_a_page_is_not_another_visit(client, counting, db):
    # The browser's navigation counts; the next page of a long text that a script fetches into it
    # (Sec-Fetch-Dest: empty) does not. A browser that sends no Sec-Fetch-Dest is counted as before.
    client.get("/du-lieu-mo/", HTTP_USER_AGENT=PHONE, HTTP_SEC_FETCH_DEST="document")
    client.get("/du-lieu-mo/", HTTP_USER_AGENT=PHONE, HTTP_SEC_FETCH_DEST="empty")
    client.get("/du-lieu-mo/", HTTP_USER_AGENT=DESKTOP)
    assert PageView.objects.count() == 2


def test_the_same_visitor_gets_another_hash_the_next_day(db):
    monday, tuesday = datetime.date(2030, 3, 4), datetime.date(2030, 3, 5)
    assert visits.visitor_hash(monday, "203.0.113.5", PHONE) == visits.visitor_hash(monday, "203.0.113.5", PHONE)
    assert visits.visitor_hash(monday, "203.0.113.5", PHONE) != visits.visitor_hash(tuesday, "203.0.113.5", PHONE)


def test_admin_shows_and_exports_the_statistics(admin_client):
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    DailyVisits.objects.create(day=yesterday, path="", views=40, visitors=12, devices={"mobile": 9})
    DailyVisits.objects.create(day=yesterday, path="/van-ban/", section="van-ban", views=25, visitors=8)
    page = admin_client.get(reverse("reporting_admin:visits")).content.decode()
    assert "<strong>40</strong>" in page and "/van-ban/" in page and "Điện thoại" in page and "<svg" in page
    csv_text = admin_client.get(reverse("reporting_admin:visits") + "?dang=csv").content.decode("utf-8-sig")
    assert f"{yesterday.isoformat()},/van-ban/,van-ban,25,8" in csv_text


def test_identical_views_are_written_as_one_counted_row(settings, db):
    settings.VISIT_STATS_FLUSH_SIZE = 5
    visits.buffer.clear()
    row = {"day": datetime.date(2030, 3, 2), "path": "/", "section": "trang-chu", "referrer_host": "",
           "device": "mobile", "visitor": "a" * 32}
    for view in range(5):
        due = visits.buffer.add(row if view < 4 else {**row, "visitor": "b" * 32})
    visits.write_views(due)
    assert sorted(PageView.objects.values_list("visitor", "views")) == [("a" * 32, 4), ("b" * 32, 1)]
    roll_up(before=datetime.date(2030, 3, 3))
    site = DailyVisits.objects.get(day="2030-03-02", path="")
    assert (site.views, site.visitors) == (5, 2)
