"""Page cost bounds: a document with hundreds of articles renders in a fixed number of SQL
queries (cold and warm cache), and the benchmark command reports every page it measures."""

import json
import re
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pbgdpl.legal.models import Provision

from .factories import D, big_law_text, create_document

pytestmark = pytest.mark.django_db

# Document page: the document with its joins (and the page extensions' annotations, such as
# consultation's "issued from a consulted draft"), fields, attachments, versions, relations both
# ways, the provisions stamp and the provisions themselves, plus the site's layout (site,
# settings, menu, footer links). Independent of the number of articles.
MAX_DOCUMENT_QUERIES = 16


@pytest.fixture
def big_law():
    return create_document("91/2015/QH13", title="Bộ luật Dân sự", doc_type="Bộ luật", issued_on=D(2015, 11, 24),
                           effective_from=D(2017, 1, 1), text=big_law_text(700, clauses=2, points=1))


def test_big_document_page_has_a_bounded_number_of_queries(client, big_law, django_assert_max_num_queries):
    assert Provision.objects.filter(version=big_law.current_version, kind="article").count() == 700
    cache.clear()
    with django_assert_max_num_queries(MAX_DOCUMENT_QUERIES):
        cold = client.get(big_law.get_absolute_url())
    with django_assert_max_num_queries(MAX_DOCUMENT_QUERIES - 1):  # the provisions come from the cache
        warm = client.get(big_law.get_absolute_url())
    assert cold.status_code == warm.status_code == 200
    html = warm.content.decode()
    assert cold.content.decode() == html
    # A text this long comes in pages: the whole contents, and the last article on the last page.
    last = re.search(r'<a href="\./\?trang=(\d+)#dieu-700">Điều 700\. Quy định số 700</a>', html)
    assert last is not None
    with django_assert_max_num_queries(MAX_DOCUMENT_QUERIES - 1):
        last_page = client.get(f"{big_law.get_absolute_url()}?trang={last[1]}").content.decode()
    assert 'id="dieu-700-khoan-2-diem-a"' in last_page
    with django_assert_max_num_queries(MAX_DOCUMENT_QUERIES - 1):
        whole = client.get(f"{big_law.get_absolute_url()}?toan-van=1").content.decode()
    assert 'id="dieu-1-khoan-1"' in whole and 'id="dieu-700-khoan-2-diem-a"' in whole
    assert '<a href="#dieu-700">Điều 700. Quy định số 700</a>' in whole


def test_small_document_needs_no_more_queries_than_a_big_one(client, big_law, django_assert_max_num_queries):
    small = create_document("1/2020/QH14", issued_on=D(2020, 1, 1))
    with django_assert_max_num_queries(MAX_DOCUMENT_QUERIES):
        assert client.get(small.get_absolute_url()).status_code == 200


def test_reparsed_version_is_not_served_from_a_stale_cache(client, big_law):
    from pbgdpl.legal.services import replace_provisions

    version = big_law.current_version
    client.get(big_law.get_absolute_url())
    Provision.objects.filter(version=version, eid="dieu-1").update(title="Tiêu đề cũ trong bộ nhớ đệm")
    assert "Tiêu đề cũ trong bộ nhớ đệm" not in client.get(big_law.get_absolute_url()).content.decode()
    replace_provisions(version)  # new rows: the cached HTML must not be reused
    html = client.get(big_law.get_absolute_url()).content.decode()
    assert "Điều 1.</a> <span class=\"lg-article-title\">Quy định số 1</span>" in html


def test_listing_queries_do_not_grow_with_the_number_of_documents(client):
    url = "/van-ban/?hieu_luc=in_force&loai=luat&linh_vuc=dan-su"

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    create_document("1/2021/QH15", issued_on=D(2021, 1, 1), fields=["Dân sự"])
    queries()  # the first request also looks up the site and its settings, then caches them
    few = queries()
    for number in range(2, 8):
        create_document(f"{number}/2021/QH15", issued_on=D(2021, 1, number), fields=["Dân sự", "Lao động"])
    assert queries() == few <= 20


def test_bench_command_reports_pages_and_queries(big_law):
    out = StringIO()
    call_command("bench_legal_pages", "--runs", "2", "--warmup", "1", "--json", stdout=out)
    report = json.loads(out.getvalue())
    pages = {row["url"]: row for row in report["pages"]}
    assert set(pages) >= {big_law.get_absolute_url(), "/van-ban/", "/van-ban/sap-co-hieu-luc/"}
    big = pages[big_law.get_absolute_url()]
    assert big["page"] == "91/2015/QH13 (700 điều)"
    assert 0 < big["queries"] <= MAX_DOCUMENT_QUERIES
    assert big["p95_ms"] >= big["median_ms"]  # a percentile table an operator can read as-is
    assert report["uncached_render"]["provisions"] == Provision.objects.filter(version=big_law.current_version).count()


def test_bench_command_says_how_to_load_demo_data_when_empty():
    with pytest.raises(CommandError, match="import_documents pbgdpl/legal/demo_data/"):
        call_command("bench_legal_pages", "--runs", "1")
