"""Pages nginx answers from its own copy are counted from its hit log, once each, as the
application's own cache hits are (visits and search statistics)."""

from __future__ import annotations

import json
import os

import pytest
from django.core.management import call_command
from django.db.models import Sum

from pbgdpl.core.pagecache import frontend_hits
from pbgdpl.reporting import visits
from pbgdpl.reporting.models import PageView
from pbgdpl.search.analytics.models import SearchQueryStat

pytestmark = pytest.mark.django_db

PHONE = "Mozilla/5.0 (Linux; Android 14) Mobile Safari/537.36"


def _line(uri: str, address: str = "203.0.113.5", agent: str = PHONE, fetch_dest: str = "document") -> str:
    return json.dumps({"time": "1700000000.000", "method": "GET", "host": "testserver", "uri": uri,
                       "scheme": "http", "address": address, "agent": agent, "referer": "",
                       "language": "vi", "language_cookie": "", "fetch_dest": fetch_dest}) + "\n"


@pytest.fixture
def counting(settings, tmp_path):
    settings.VISIT_STATS_FLUSH_SIZE = 1
    settings.VAR_DIR = tmp_path / "var"
    visits.buffer.clear()
    yield tmp_path / "frontend-hits.log"
    visits.buffer.clear()


def _views() -> int:
    return PageView.objects.aggregate(total=Sum("views"))["total"] or 0


def _searches(query: str) -> int:
    return SearchQueryStat.objects.filter(query=query).aggregate(total=Sum("searches"))["total"] or 0


def test_hits_in_nginx_log_are_counted_once_with_what_the_page_stored(seeded_site, page_cache, counting):
    log = counting
    page_cache.warm(["/", "/tim-kiem/?q=ly+h%C3%B4n"])  # the application's copies (nginx got them from it)
    views_before, searches_before = _views(), _searches("ly hôn")
    log.write_text(_line("/") + _line("/") + _line("/", address="198.51.100.7") + _line("/tim-kiem/?q=ly+h%C3%B4n")
                   + "not json\n" + _line("/gioi-thieu/")[:40])  # the last line is still being written
    first = frontend_hits.count_new_hits(log)
    assert (first.lines, first.counted, first.unreadable) == (5, 4, 1)
    assert _views() - views_before == 4
    assert _searches("ly hôn") - searches_before == 1  # the stored page's result count came with it

    again = frontend_hits.count_new_hits(log)
    assert again.lines == 0 and _views() - views_before == 4  # nothing counted twice

    with log.open("a") as handle:  # nginx finishes the line
        handle.write(_line("/gioi-thieu/")[40:])
    finished = frontend_hits.count_new_hits(log)
    assert finished.counted == 1 and finished.without_stored_page == 1  # never cached by the app: a visit still
    assert _views() - views_before == 5


def test_an_encoded_path_is_counted_under_the_path_the_application_sees(seeded_site, page_cache, counting):
    log = counting
    log.write_text(_line("/gi%E1%BB%9Bi-thi%E1%BB%87u/"))
    frontend_hits.count_new_hits(log)
    assert PageView.objects.filter(path="/giới-thiệu/").exists()


def test_a_rotated_log_is_read_from_its_start_and_bots_are_not_visits(seeded_site, page_cache, counting):
    log = counting
    log.write_text(_line("/") * 3)
    frontend_hits.count_new_hits(log)
    views_before = _views()
    rotated = log.with_name("rotated.log")
    rotated.write_text(_line("/") + _line("/", agent="Googlebot/2.1"))
    os.replace(rotated, log)  # a new file (inode) under the same name, shorter than the old offset
    result = frontend_hits.count_new_hits(log)
    assert result.counted == 2
    assert _views() - views_before == 1


def test_the_command_reports_what_it_counted(seeded_site, page_cache, counting, capsys):
    counting.write_text(_line("/"))
    call_command("count_frontend_hits", str(counting))
    assert "1 hits counted" in capsys.readouterr().out


def test_a_part_a_script_fetched_from_nginx_is_not_a_visit(seeded_site, page_cache, counting):
    log = counting
    page_cache.warm(["/"])
    before = _views()
    log.write_text(_line("/") + _line("/", fetch_dest="empty") + _line("/", fetch_dest=""))
    assert frontend_hits.count_new_hits(log).lines == 3
    assert _views() - before == 2  # the navigation and the line of a browser that names nothing
