"""Regression tests for the search findings of issue 10 (#8, #9, #10, #15 first half).

Each test names its finding and fails on the code before the fix.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache

from pbgdpl.accounts import roles
from pbgdpl.accounts.extra_roles import REPORTING_UNIT, ensure_extra_roles
from pbgdpl.accounts.services import ensure_editorial_setup
from pbgdpl.search.analytics import selectors, services
from pbgdpl.search.analytics.models import SearchClickStat, SearchQueryStat
from pbgdpl.search.tests.test_views import search_index  # noqa: F401  (fixture: a small real index)

REPORT_URL = "/quan-tri/thong-ke-tim-kiem/"
ATTACKER = "198.51.100.66"
POPULAR_LINK = '?q=ngh%E1%BB%89+thai+s%E1%BA%A3n">nghỉ thai sản</a>'


@pytest.fixture
def staff(home):
    ensure_editorial_setup()
    ensure_extra_roles()
    users = {}
    for i, role in enumerate((roles.ADMINISTRATOR, roles.EDITORIAL_BOARD, roles.EDITOR, REPORTING_UNIT)):
        user = get_user_model().objects.create_user(username=f"search-role{i}", password="Mat-khau-rat-dai-2026")
        user.groups.add(Group.objects.get(name=role))
        users[role] = user
    return users


def _popular_now() -> list[str]:
    cache.delete(selectors.POPULAR_CACHE_KEY)
    return selectors.popular_queries()


def test_finding_9_one_client_cannot_make_a_phrase_popular(client, search_index):  # noqa: F811
    """#9: three searches from one client put a phrase on /tim-kiem/; popular counts distinct people."""
    for _ in range(3):
        services.record_search("nghỉ thai sản", None, 3)  # counted without a client: no person behind it
    for query in ("nghỉ thai sản", "nghi thai san", "Nghỉ thai sản", "nghỉ thai sản ", "NGHỈ THAI SẢN"):
        client.get("/tim-kiem/", {"q": query}, REMOTE_ADDR=ATTACKER)
    assert "nghỉ thai sản" not in _popular_now()
    assert POPULAR_LINK not in client.get("/tim-kiem/").content.decode()
    for address in ("203.0.113.1", "203.0.113.2"):
        client.get("/tim-kiem/", {"q": "nghỉ thai sản"}, REMOTE_ADDR=address)
    assert _popular_now() == ["nghỉ thai sản"]
    assert POPULAR_LINK in client.get("/tim-kiem/").content.decode()
    # No address is stored.
    from pbgdpl.search.analytics.models import SearchPhraseClient

    stored = " ".join(str(v) for row in SearchPhraseClient.objects.values_list() for v in row)
    assert ATTACKER not in stored


def test_finding_9_the_threshold_is_a_setting(client, search_index, settings):  # noqa: F811
    """#9: the number of distinct clients a public phrase needs is configurable."""
    settings.SEARCH_POPULAR_MIN_CLIENTS = 2
    for address in ("203.0.113.1", "203.0.113.2"):
        client.get("/tim-kiem/", {"q": "ly hôn"}, REMOTE_ADDR=address)
    assert _popular_now() == ["ly hôn"]


def test_finding_9_board_hides_a_phrase_editors_cannot(client, search_index, staff):  # noqa: F811
    """#9: the board hides a phrase from the public list in the statistics admin; an editor may not."""
    for address in ("203.0.113.1", "203.0.113.2", "203.0.113.3"):
        client.get("/tim-kiem/", {"q": "nghỉ thai sản"}, REMOTE_ADDR=address)
    assert _popular_now() == ["nghỉ thai sản"]
    client.force_login(staff[roles.EDITOR])
    response = client.post("/quan-tri/thong-ke-tim-kiem/an-cum-tu/", {"query": "nghỉ thai sản", "hidden": "1"})
    assert response.status_code == 403
    assert _popular_now() == ["nghỉ thai sản"]
    client.force_login(staff[roles.EDITORIAL_BOARD])
    report = client.get(REPORT_URL).content.decode()
    assert "Ẩn khỏi tìm kiếm phổ biến" in report
    response = client.post("/quan-tri/thong-ke-tim-kiem/an-cum-tu/", {"query": "Nghi thai san", "hidden": "1"})
    assert response.status_code == 302
    assert _popular_now() == []
    assert POPULAR_LINK not in client.get("/tim-kiem/").content.decode()
    assert "Cụm từ đã ẩn khỏi tìm kiếm phổ biến" in client.get(REPORT_URL).content.decode()
    client.post("/quan-tri/thong-ke-tim-kiem/an-cum-tu/", {"query": "nghỉ thai sản", "hidden": "0"})
    assert _popular_now() == ["nghỉ thai sản"]


def test_finding_10_a_script_cannot_fill_the_analytics_tables(client, search_index):  # noqa: F811
    """#10: analytics rows were written on every search and click; now per client: repeats count
    once per window and at most MAX_WRITES_PER_MINUTE searches (and clicks) per minute."""
    for _ in range(30):
        client.get("/tim-kiem/", {"q": "ly hôn"}, REMOTE_ADDR=ATTACKER)
    assert SearchQueryStat.objects.get().searches == 1
    for i in range(200):
        client.get("/tim-kiem/api/", {"q": f"rác {i} xyzzy"}, REMOTE_ADDR=ATTACKER)
    assert SearchQueryStat.objects.count() == services.MAX_WRITES_PER_MINUTE
    for i in range(200):
        client.get("/tim-kiem/mo/", {"to": f"/van-ban/x-{i}/", "q": "ly hôn"}, REMOTE_ADDR=ATTACKER)
    for _ in range(10):
        client.get("/tim-kiem/mo/", {"to": "/van-ban/x-0/", "q": "ly hôn"}, REMOTE_ADDR=ATTACKER)
    assert SearchClickStat.objects.count() == services.MAX_WRITES_PER_MINUTE
    assert SearchClickStat.objects.get(target_url="/van-ban/x-0/").clicks == 1
    # Another visitor is still counted.
    client.get("/tim-kiem/", {"q": "ly hôn"}, REMOTE_ADDR="203.0.113.5")
    assert SearchQueryStat.objects.get(query="ly hôn").searches == 2


@pytest.mark.parametrize(
    "role, status",
    [(roles.EDITOR, 403), (REPORTING_UNIT, 403), (roles.EDITORIAL_BOARD, 200), (roles.ADMINISTRATOR, 200)],
)
def test_finding_15_search_statistics_only_for_board_and_administrators(client, staff, role, status):
    """#15: every staff role could read the search statistics; now Quản trị and Ban biên tập only."""
    services.record_search("tra cứu bí mật", None, 2)
    client.force_login(staff[role])
    response = client.get(REPORT_URL)
    assert response.status_code == status
    assert ("tra cứu bí mật" in response.content.decode()) is (status == 200)
    menu_shows_report = REPORT_URL in client.get("/quan-tri/").content.decode()
    assert menu_shows_report is (status == 200)


@pytest.mark.parametrize("raw", ["²", "٢", "２", "1²", "-1", "0"])
def test_finding_8_unicode_page_numbers_are_a_clear_message(client, search_index, raw):  # noqa: F811
    """#8: ?page=² (and other non-ASCII digits) gave a 500 or a silent page; now a Vietnamese message."""
    response = client.get("/tim-kiem/", {"q": "lao động", "page": raw})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Số trang phải là một số nguyên từ 1 đến 100" in html
    assert "Bộ luật Lao động 2019" in html  # the first page is shown meanwhile
    api = client.get("/tim-kiem/api/", {"q": "lao động", "page": raw, "per_page": "5"})
    assert api.status_code == 400
    assert "Số trang" in api.json()["error"]
    per_page = client.get("/tim-kiem/api/", {"q": "lao động", "per_page": raw})
    assert per_page.status_code == 400


def test_finding_8_unicode_days_on_the_statistics_report(client, staff):
    """#8: the report's integer parameter ``days`` takes ASCII digits only (falls back to 30 days)."""
    client.force_login(staff[roles.EDITORIAL_BOARD])
    for raw in ("²", "٧", "７"):
        response = client.get(REPORT_URL, {"days": raw})
        assert response.status_code == 200
        assert '<option value="30" selected>' in response.content.decode()
