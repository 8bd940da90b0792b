"""The public search page, its htmx partial, suggestions, the JSON endpoint and the click redirect."""

from __future__ import annotations

import datetime
import json

import pytest
from django.core.cache import cache

from pbgdpl.search import index as index_mod
from pbgdpl.search import registry
from pbgdpl.search.analytics.models import SearchClickStat
from pbgdpl.search.registry import SearchEntry, SearchSource
from pbgdpl.search.services import mark_changed

LABOUR = {
    "group_key": "legal:1",
    "group_title": "Bộ luật Lao động 2019",
    "group_url": "/van-ban/bo-luat-lao-dong-2019/",
    "doc_number": "45/2019/QH14",
    "date": datetime.date(2019, 11, 20),
    "facets": {
        "doc_type": ["Bộ luật"],
        "issuer": ["Quốc hội"],
        "field": ["Lao động"],
        "validity": ["Còn hiệu lực"],
        "scope": ["Trung ương"],
        "year": ["2019"],
    },
}
FAMILY = {
    "group_key": "legal:2",
    "group_title": "Luật Hôn nhân và gia đình 2014",
    "group_url": "/van-ban/luat-hon-nhan-va-gia-dinh-2014/",
    "doc_number": "52/2014/QH13",
    "date": datetime.date(2014, 6, 19),
    "facets": {
        "doc_type": ["Luật"],
        "issuer": ["Quốc hội"],
        "field": ["Hôn nhân và gia đình"],
        "validity": ["Còn hiệu lực"],
        "scope": ["Trung ương"],
        "year": ["2014"],
    },
}
LAND = {
    "group_key": "legal:3",
    "group_title": "Luật Đất đai 2013",
    "group_url": "/van-ban/luat-dat-dai-2013/",
    "doc_number": "45/2013/QH13",
    "date": datetime.date(2013, 11, 29),
    "facets": {
        "doc_type": ["Luật"],
        "issuer": ["Quốc hội"],
        "field": ["Đất đai"],
        "validity": ["Hết hiệu lực toàn bộ"],
        "scope": ["Trung ương"],
        "year": ["2013"],
    },
}

ENTRIES = [
    SearchEntry(
        key="provision:35",
        kind="provision",
        title="Điều 35. Quyền đơn phương chấm dứt hợp đồng lao động của người lao động",
        body=(
            "1. Người lao động có quyền đơn phương chấm dứt hợp đồng lao động nhưng phải báo trước cho "
            "người sử dụng lao động như sau: a) Ít nhất 45 ngày nếu làm việc theo hợp đồng lao động không "
            "xác định thời hạn; b) Ít nhất 30 ngày nếu làm việc theo hợp đồng lao động xác định thời hạn có "
            "thời hạn từ 12 tháng đến 36 tháng."
        ),
        url="/van-ban/bo-luat-lao-dong-2019/#dieu-35",
        **LABOUR,
    ),
    SearchEntry(
        key="provision:139",
        kind="provision",
        title="Điều 139. Nghỉ thai sản",
        body=(
            "1. Lao động nữ được nghỉ thai sản trước và sau khi sinh con là 06 tháng; thời gian nghỉ trước "
            "khi sinh không quá 02 tháng. Trường hợp lao động nữ sinh đôi trở lên thì tính từ con thứ 02 trở "
            "đi, cứ mỗi con, người mẹ được nghỉ thêm 01 tháng."
        ),
        url="/van-ban/bo-luat-lao-dong-2019/#dieu-139",
        **LABOUR,
    ),
    SearchEntry(
        key="provision:94",
        kind="provision",
        title="Điều 94. Nguyên tắc trả lương",
        body=(
            "1. Người sử dụng lao động phải trả lương trực tiếp, đầy đủ, đúng hạn cho người lao động. "
            "2. Người sử dụng lao động không được hạn chế hoặc can thiệp vào quyền tự quyết chi tiêu lương "
            "của người lao động."
        ),
        url="/van-ban/bo-luat-lao-dong-2019/#dieu-94",
        **LABOUR,
    ),
    SearchEntry(
        key="provision:1051",
        kind="provision",
        title="Điều 51. Quyền yêu cầu giải quyết ly hôn",
        body=(
            "1. Vợ, chồng hoặc cả hai người có quyền yêu cầu Tòa án giải quyết ly hôn. 3. Chồng không có "
            "quyền yêu cầu ly hôn trong trường hợp vợ đang có thai, sinh con hoặc đang nuôi con dưới 12 tháng tuổi."
        ),
        url="/van-ban/luat-hon-nhan-va-gia-dinh-2014/#dieu-51",
        **FAMILY,
    ),
    SearchEntry(
        key="provision:1082",
        kind="provision",
        title="Điều 82. Nghĩa vụ, quyền của cha, mẹ không trực tiếp nuôi con sau khi ly hôn",
        body=(
            "1. Cha, mẹ không trực tiếp nuôi con có nghĩa vụ tôn trọng quyền của con được sống chung với "
            "người trực tiếp nuôi. 2. Cha, mẹ không trực tiếp nuôi con có nghĩa vụ cấp dưỡng cho con."
        ),
        url="/van-ban/luat-hon-nhan-va-gia-dinh-2014/#dieu-82",
        **FAMILY,
    ),
    SearchEntry(
        key="provision:2099",
        kind="provision",
        title="Điều 99. Trường hợp sử dụng đất được cấp Giấy chứng nhận quyền sử dụng đất",
        body=(
            "1. Nhà nước cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn "
            "liền với đất cho người đang sử dụng đất có đủ điều kiện."
        ),
        url="/van-ban/luat-dat-dai-2013/#dieu-99",
        **LAND,
    ),
    SearchEntry(
        key="news:7",
        kind="news",
        title="Người lao động nữ được nghỉ thai sản bao lâu?",
        body="Bài viết giải thích chế độ nghỉ thai sản của lao động nữ theo Bộ luật Lao động năm 2019.",
        url="/tin-tuc/nghi-thai-san/",
        group_key="news:7",
        date=datetime.date(2026, 3, 8),
        facets={"year": ["2026"]},
    ),
]


class DemoSource(SearchSource):
    """A source that serves the entries above, as the legal and news apps would."""

    label = "tests.Demo"

    def entries_for(self, pk) -> list[SearchEntry]:
        return [entry for entry in ENTRIES if entry.group_key.split(":")[1] == str(pk) and entry.group_key.startswith(("legal", "news"))]

    def all_pks(self):
        return sorted({entry.group_key.split(":")[1] for entry in ENTRIES})


@pytest.fixture
def search_index(db, settings, tmp_path, django_capture_on_commit_callbacks):
    """A fresh index with the entries above, indexed through the registry and the outbox."""
    settings.SEARCH_INDEX_DIR = tmp_path / "search"
    index_mod.readers.reset()
    cache.clear()
    source = registry.register(DemoSource())
    with django_capture_on_commit_callbacks(execute=True):
        for pk in source.all_pks():
            mark_changed(source.label, pk)
    index_mod.readers.reset()
    yield
    registry._sources.pop(source.label, None)
    index_mod.readers.reset()


def api(client, **params):
    response = client.get("/tim-kiem/api/", params)
    return response, json.loads(response.content)


def test_results_grouped_by_document_with_highlights(client, search_index):
    response = client.get("/tim-kiem/", {"q": "nghỉ thai sản"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bộ luật Lao động 2019" in html
    assert "Điều 139. Nghỉ thai sản" in html
    assert "45/2019/QH14" in html
    assert 'class="badge badge-valid">Còn hiệu lực' in html
    assert "<mark>" in html
    # The query stays in the box.
    assert 'value="nghỉ thai sản"' in html


def test_a_question_one_provision_answers_gets_an_answer_card(client, search_index):
    html = client.get("/tim-kiem/", {"q": "vo dang mang thai chong co duoc yeu cau ly hon khong"}).content.decode()
    card = html[html.index('class="answer-card"') : html.index("</section>")]
    assert "Quy định trả lời câu hỏi của bạn" in card
    assert "Điều 51. Quyền yêu cầu giải quyết ly hôn" in card
    assert "Luật Hôn nhân và gia đình 2014" in card and 'class="badge badge-valid">Còn hiệu lực' in card
    assert "<mark>" in card and "Xem toàn văn điều này" in card
    # A vague query that many articles match gets no card.
    assert 'class="answer-card"' not in client.get("/tim-kiem/", {"q": "người lao động"}).content.decode()
    # The JSON endpoint carries the same card.
    _, data = api(client, q="vo dang mang thai chong co duoc yeu cau ly hon khong")
    assert data["answer"]["key"] == "provision:1051" and data["answer"]["validity"] == "Còn hiệu lực"


def test_query_without_diacritics_finds_and_highlights_the_accented_text(client, search_index):
    response = client.get("/tim-kiem/", {"q": "nghi thai san"})
    html = response.content.decode()
    assert "Điều 139. Nghỉ thai sản" in html
    assert "<mark>thai</mark>" in html or "<mark>thai sản</mark>" in html
    assert "Có phải bạn muốn tìm:" in html
    assert "nghỉ thai sản</a>" in html


def test_colloquial_phrase_is_searched_and_shown_as_the_legal_term(client, search_index):
    html = client.get("/tim-kiem/", {"q": "nghi de"}).content.decode()
    assert "Điều 139. Nghỉ thai sản" in html
    assert "Đã tìm theo thuật ngữ pháp lý:" in html
    assert "“nghi de” → <strong>“nghỉ thai sản”</strong>" in html
    assert "Đã tìm theo thuật ngữ pháp lý:" not in client.get("/tim-kiem/", {"q": "nghỉ thai sản"}).content.decode()


def test_facet_filter_narrows_and_counts_agree(client, search_index):
    _, everything = api(client, q="quyền", per_page=50)
    counts = {fv["value"]: fv["count"] for fv in everything["facets"]["doc_type"]}
    assert counts.get("Luật", 0) >= 2 and counts.get("Bộ luật", 0) >= 1
    _, narrowed = api(client, q="quyền", doc_type="Luật", per_page=50)
    # A document whose articles are not consecutive in the ranking comes back lower down as a
    # second group; the total counts documents.
    assert narrowed["total"] == counts["Luật"] == len({g["key"] for g in narrowed["groups"]})
    assert {g["facets"]["doc_type"][0] for g in narrowed["groups"]} == {"Luật"}
    # The same filter through the HTML form (no JavaScript): the box is ticked, other laws are gone.
    html = client.get("/tim-kiem/", {"q": "quyền", "doc_type": "Luật"}).content.decode()
    assert 'name="doc_type" value="Luật" checked' in html
    assert "Bộ luật Lao động 2019" not in html
    assert "Luật Hôn nhân và gia đình 2014" in html


def test_validity_filter(client, search_index):
    _, data = api(client, q="quyền sử dụng đất", validity="Hết hiệu lực toàn bộ")
    assert [g["title"] for g in data["groups"]] == ["Luật Đất đai 2013"]


def test_filters_work_without_javascript(client, search_index):
    html = client.get("/tim-kiem/", {"q": "lao động"}).content.decode()
    # A plain GET form around the checkboxes with a submit button.
    assert '<form id="search-form"' in html and 'method="get"' in html
    assert 'type="checkbox"' in html
    assert "Áp dụng bộ lọc" in html
    news_only = client.get("/tim-kiem/", {"q": "lao động", "kind": "news"}).content.decode()
    assert "Người lao động nữ được nghỉ thai sản bao lâu?" in news_only
    assert "Điều 94. Nguyên tắc trả lương" not in news_only


def test_htmx_request_gets_only_the_results_region(client, search_index):
    response = client.get("/tim-kiem/", {"q": "ly hôn"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and "<header" not in html
    assert "Điều 51. Quyền yêu cầu giải quyết ly hôn" in html
    assert "HX-Request" in response["Vary"]
    # History restore needs the whole page.
    full = client.get(
        "/tim-kiem/", {"q": "ly hôn"}, HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true"
    ).content.decode()
    assert "<html" in full


def test_page_is_wired_for_htmx_and_accessible(client, search_index):
    html = client.get("/tim-kiem/", {"q": "ly hôn"}).content.decode()
    assert 'id="search-results"' in html and 'aria-live="polite"' in html
    assert 'hx-target="#search-results"' in html and 'hx-push-url="true"' in html
    assert '<label for="q">' in html
    assert "<details class=\"facet-panel\"" in html
    assert "js/htmx.min.js" in html and "search/search.js" in html  # the latter from base.html
    assert "<script>" not in html  # no inline scripts (strict CSP)


def test_empty_query_shows_tips_and_popular_searches(client, search_index):
    from pbgdpl.search.analytics.services import record_search

    for i, query in enumerate(("ly hôn", "ly hon", "LY HON", "chưa có gì", "chưa có gì", "chưa có gì")):
        record_search(query, None, 0 if query == "chưa có gì" else 3, client=f"client-{i}")
    for i in range(5):
        record_search("nguyen van a 0912 345 678", None, 2, client=f"client-{i}")
    record_search("sổ hồng", None, 7, client="client-1")
    cache.clear()
    html = client.get("/tim-kiem/").content.decode()
    assert "Mẹo tìm kiếm" in html
    assert "Được tìm nhiều" in html
    assert '?q=ly+h%C3%B4n">ly hôn</a>' in html  # typed both ways: shown once, accented
    assert "?q=ly+hon" not in html
    assert "chưa có gì" not in html  # queries that found nothing are not advertised
    assert "0912" not in html  # nothing that looks personal is shown
    assert "sổ hồng" not in html  # one person: not yet popular


def test_no_results_offers_next_steps(client, search_index):
    html = client.get("/tim-kiem/", {"q": "xyzzy quux", "doc_type": "Luật"}).content.decode()
    assert "Không tìm thấy kết quả nào" in html
    assert 'href="/hoi-dap/"' in html
    assert "vbpl.vn" in html
    assert "Bỏ các bộ lọc và tìm lại" in html
    assert 'value="xyzzy quux"' in html


def test_overlong_query_is_kept_with_a_message(client, search_index):
    long_query = "sổ đỏ " * 50
    response = client.get("/tim-kiem/", {"q": long_query})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Từ khóa quá dài" in html
    assert long_query.strip()[:40] in html


def test_bad_page_and_sort_fall_back_on_the_html_page(client, search_index):
    response = client.get("/tim-kiem/", {"q": "lao động", "page": "abc", "sort": "whatever"})
    assert response.status_code == 200
    assert "Bộ luật Lao động 2019" in response.content.decode()


def test_a_page_past_the_end_shows_the_last_page_and_says_so(client, search_index):
    html = client.get("/tim-kiem/", {"q": "lao động", "page": "99"}).content.decode()
    assert "đang hiển thị trang cuối" in html
    assert "Bộ luật Lao động 2019" in html  # results, not an empty list under "Tìm thấy … kết quả"


def test_direct_hit_for_a_provision_reference(client, search_index):
    html = client.get("/tim-kiem/", {"q": "dieu 35 bo luat lao dong"}).content.decode()
    assert "Đi thẳng tới" in html
    assert "%23dieu-35" in html  # the link goes (through the click counter) to the article's anchor


def test_suggest_json_and_html(client, search_index):
    response = client.get("/tim-kiem/goi-y/", {"q": "bo luat lao"})
    data = json.loads(response.content)
    assert response.status_code == 200
    assert data["suggestions"][0]["title"] == "Bộ luật Lao động 2019"
    assert data["suggestions"][0]["url"] == "/van-ban/bo-luat-lao-dong-2019/"
    by_number = json.loads(client.get("/tim-kiem/goi-y/", {"q": "52/2014"}).content)
    assert by_number["suggestions"][0]["doc_number"] == "52/2014/QH13"
    html = client.get("/tim-kiem/goi-y/", {"q": "luật hôn"}, HTTP_HX_REQUEST="true").content.decode()
    assert 'role="listbox"' in html and "Luật Hôn nhân và gia đình 2014" in html
    assert json.loads(client.get("/tim-kiem/goi-y/", {"q": "l"}).content)["suggestions"] == []


def test_json_api_shape(client, search_index):
    response, data = api(client, q="nghi thai san")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert set(data) >= {"query", "total", "groups", "facets", "direct_hit", "suggestion"}
    assert data["query"]["text"] == "nghi thai san"
    group = data["groups"][0]
    assert set(group) >= {"key", "title", "url", "doc_number", "kind", "date", "facets", "hits"}
    assert group["url"].startswith("http://testserver/")
    assert "<mark>" in group["hits"][0]["snippet_html"]
    assert set(data["facets"]) >= {"kind", "doc_type", "validity", "year"}
    assert data["suggestion"] == "nghỉ thai sản"


@pytest.mark.parametrize(
    "params",
    [
        {"q": "ly hôn", "page": "abc"},
        {"q": "ly hôn", "page": "100000000000000000000"},
        {"q": "ly hôn", "page": "0"},
        {"q": "ly hôn", "per_page": "5000"},
        {"q": "ly hôn", "sort": "random"},
        {"q": "x" * 500},
        {"q": ""},
        {"q": "ly hôn", "doc_type": ["v"] * 50},
    ],
)
def test_json_api_bad_parameters_give_400_in_vietnamese(client, search_index, params):
    response, data = api(client, **params)
    assert response.status_code == 400
    assert data["error"]
    assert not data["error"].isascii()  # a Vietnamese sentence, not an English code


def test_json_api_ignores_unknown_parameters(client, search_index):
    response, data = api(client, q="ly hôn", colour="red", utm_source="zalo")
    assert response.status_code == 200
    assert data["total"] >= 1


def test_click_redirect_counts_local_targets(client, search_index):
    response = client.get("/tim-kiem/mo/", {"to": "/van-ban/bo-luat-lao-dong-2019/#dieu-139", "key": "provision:139", "q": "Nghỉ Thai Sản"})
    assert response.status_code == 302
    assert response["Location"] == "/van-ban/bo-luat-lao-dong-2019/#dieu-139"
    row = SearchClickStat.objects.get()
    assert (row.folded, row.target_key, row.clicks) == ("nghi thai san", "provision:139", 1)


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "http:/evil.example", "", "van-ban/x"],
)
def test_click_redirect_refuses_foreign_urls(client, db, target):
    response = client.get("/tim-kiem/mo/", {"to": target, "q": "x"})
    assert response.status_code == 400
    assert "Liên kết không hợp lệ" in response.content.decode()
    assert not SearchClickStat.objects.exists()


def test_result_links_go_through_the_click_counter(client, search_index):
    html = client.get("/tim-kiem/", {"q": "ly hôn"}).content.decode()
    assert "/tim-kiem/mo/?to=%2Fvan-ban%2Fluat-hon-nhan-va-gia-dinh-2014%2F%23dieu-51" in html


MEDIATION_NEWS = [
    SearchEntry(
        key=f"news:{100 + n}",
        kind="news",
        title=f"Hòa giải ở cơ sở: câu chuyện số {n}",
        body=f"Tổ hòa giải thôn số {n} đã hòa giải thành một vụ tranh chấp đất đai giữa hai gia đình.",
        url=f"/tin-tuc/hoa-giai-{n}/",
        group_key=f"news:{100 + n}",
        date=datetime.date(2026, 1, n),
        facets={"year": ["2026"]},
    )
    for n in range(1, 13)
]


class MediationNewsSource(SearchSource):
    label = "tests.MediationNews"

    def entries_for(self, pk) -> list[SearchEntry]:
        return [entry for entry in MEDIATION_NEWS if entry.key == f"news:{pk}"]

    def all_pks(self):
        return [entry.key.split(":")[1] for entry in MEDIATION_NEWS]


@pytest.fixture
def news_index(db, settings, tmp_path, django_capture_on_commit_callbacks):
    settings.SEARCH_INDEX_DIR = tmp_path / "search-news"
    index_mod.readers.reset()
    source = registry.register(MediationNewsSource())
    with django_capture_on_commit_callbacks(execute=True):
        for pk in source.all_pks():
            mark_changed(source.label, pk)
    index_mod.readers.reset()
    yield
    registry._sources.pop(source.label, None)
    index_mod.readers.reset()


def test_pagination_keeps_the_query_filters_and_sort(client, news_index):
    first = client.get("/tim-kiem/", {"q": "hòa giải", "kind": "news", "sort": "newest"}).content.decode()
    assert first.count('class="result-group"') == 10
    assert "Hòa giải ở cơ sở: câu chuyện số 12" in first  # newest first
    assert "?q=h%C3%B2a+gi%E1%BA%A3i&amp;kind=news&amp;sort=newest&amp;page=2" in first
    second = client.get("/tim-kiem/", {"q": "hòa giải", "kind": "news", "sort": "newest", "page": "2"}).content.decode()
    assert second.count('class="result-group"') == 2
    assert "Hòa giải ở cơ sở: câu chuyện số 1<" in second
    assert '<span aria-current="page">2</span>' in second


def test_an_unreadable_index_gives_a_notice_not_an_error(client, db, monkeypatch):
    from pbgdpl.search import engine

    def broken(*args, **kwargs):
        raise OSError("index directory missing")

    monkeypatch.setattr(engine, "search", broken)
    response = client.get("/tim-kiem/", {"q": "ly hôn"})
    assert response.status_code == 200
    assert "tạm gián đoạn" in response.content.decode()
    api_response = client.get("/tim-kiem/api/", {"q": "ly hôn"})
    assert api_response.status_code == 503
    assert "tạm gián đoạn" in json.loads(api_response.content)["error"]


def test_browsers_can_add_the_search(client, search_index):
    html = client.get("/tim-kiem/").content.decode()
    assert 'rel="search" type="application/opensearchdescription+xml" href="/tim-kiem/opensearch.xml"' in html
    description = client.get("/tim-kiem/opensearch.xml")
    assert description["Content-Type"].startswith("application/opensearchdescription+xml")
    assert 'template="http://testserver/tim-kiem/?q={searchTerms}"' in description.content.decode()
    suggestions = json.loads(client.get("/tim-kiem/goi-y/", {"q": "luat hon", "format": "opensearch"}).content)
    assert suggestions[0] == "luat hon"
    assert suggestions[1] == ["Luật Hôn nhân và gia đình 2014"]
    assert suggestions[3] == ["http://testserver/van-ban/luat-hon-nhan-va-gia-dinh-2014/"]
