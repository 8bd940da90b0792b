"""Every feed of the site read as a feed reader would (feedparser, bozo 0), JSON Feed 1.1's
required members checked, the pages' <link rel="alternate"> and the page cache's purge."""

from __future__ import annotations

import json

import feedparser
import pytest

from pbgdpl.legal.models import LegalDocument
from pbgdpl.legal.tests.factories import D, create_document, relation
from pbgdpl.news.models import ArticleIndexPage
from pbgdpl.qa.models import Question
from pbgdpl.qa.tests.conftest import demo_qa, laws, search_dir  # noqa: F401 (fixtures)

CONTENT_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml", "json": "application/feed+json"}


def check_json_feed(data: dict) -> None:
    """The members JSON Feed 1.1 requires (https://jsonfeed.org/version/1.1), with their types."""
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert isinstance(data["title"], str) and data["title"]
    assert isinstance(data["items"], list)
    for key in ("home_page_url", "feed_url"):
        assert data[key].startswith("http")
    for item in data["items"]:
        assert isinstance(item["id"], str) and item["id"]
        assert isinstance(item.get("content_html", item.get("content_text")), str)
        assert item["url"].startswith("http")
        for key in ("date_published", "date_modified"):
            if key in item:
                assert "T" in item[key]  # RFC 3339


def read(client, path: str, fmt: str) -> feedparser.FeedParserDict:
    base, _, query = path.partition("?")
    response = client.get(f"{base}{fmt}/" + (f"?{query}" if query else ""))
    assert response.status_code == 200, path
    assert response["Content-Type"].startswith(CONTENT_TYPES[fmt])
    if fmt == "json":  # feedparser 6.0 reads RSS and Atom only: the same checks by hand
        data = json.loads(response.content)
        check_json_feed(data)
        return feedparser.FeedParserDict(entries=[
            feedparser.FeedParserDict(title=item["title"], link=item["url"]) for item in data["items"]])
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, (path, fmt, parsed.get("bozo_exception"))
    return parsed


@pytest.fixture
def documents(laws):  # noqa: F811
    old = create_document("10/2012/QH13", title="Bộ luật Lao động 2012", doc_type="Bộ luật", fields=["Lao động"],
                          issued_on=D(2012, 6, 18), effective_from=D(2013, 5, 1))
    decree = create_document("12/2022/NĐ-CP", title="Nghị định xử phạt vi phạm & lao động", doc_type="Nghị định",
                             issuer="chinh-phu", fields=["Lao động"], issued_on=D(2022, 1, 17),
                             relations=[relation("guides", old)])
    return {**laws, "old": old, "decree": decree}


def test_every_feed_reads_in_every_format(seeded_site, documents, demo_qa, client):  # noqa: F811
    sections = [page.url for page in ArticleIndexPage.objects.live()]
    field = Question.objects.published().exclude(field=None).first().field
    paths = {
        **{url: None for url in sections},
        "/van-ban/": 4,
        "/van-ban/linh-vuc/lao-dong/": 3,  # the labour code, the 2012 code, the decree
        "/van-ban/loai/nghi-dinh/": 1,
        "/hoi-dap/": Question.objects.published().count(),
        f"/hoi-dap/linh-vuc/{field.slug}/": Question.objects.published().filter(field=field).count(),
        "/tim-kiem/?q=lao động": None,
    }
    assert len(sections) >= 3
    for path, expected in paths.items():
        for fmt in CONTENT_TYPES:
            parsed = read(client, path, fmt)
            assert parsed.entries, (path, fmt)
            if expected is not None:
                assert len(parsed.entries) == min(expected, 30), (path, fmt)
            for entry in parsed.entries:
                assert entry.title and entry.link.startswith("http://testserver/"), (path, fmt)


def test_field_and_type_feeds_hold_only_their_documents(documents, client):
    titles = [e.title for e in read(client, "/van-ban/loai/nghi-dinh/", "atom").entries]
    assert titles == ["12/2022/NĐ-CP Nghị định xử phạt vi phạm & lao động"]
    titles = [e.title for e in read(client, "/van-ban/linh-vuc/dan-su/", "rss").entries]
    assert titles == ["91/2015/QH13 Bộ luật Dân sự"]
    assert client.get("/van-ban/linh-vuc/khong-co/rss/").status_code == 404
    assert client.get("/tim-kiem/rss/").status_code == 404  # no query, no feed


def test_pages_link_their_own_feed_for_people(seeded_site, documents, client):
    page = client.get("/van-ban/?linh_vuc=lao-dong").content.decode()
    assert 'title="Theo dõi bằng RSS: Văn bản pháp luật mới – Lao động" href="/van-ban/linh-vuc/lao-dong/rss/"' in page
    assert 'type="application/feed+json"' in page and "/nhan-thong-bao/?linh-vuc=lao-dong" in page
    body = page.split("</head>", 1)[1]  # what a person reads: no format names, one link saying what it gives
    assert "Nhận tin mới qua ứng dụng đọc tin" in body and "JSON Feed" not in body and "Atom" not in body
    page = client.get("/tim-kiem/?q=lao+động").content.decode()
    assert 'href="/tim-kiem/rss/?q=lao+%C4%91%E1%BB%99ng"' in page
    assert 'href="/tin-tuc/atom/"' in client.get("/tin-tuc/").content.decode()
    assert "/nhan-thong-bao/?van-ban=45-2019-qh14" in client.get("/van-ban/45-2019-qh14/").content.decode()


def test_a_cached_feed_is_purged_when_a_document_is_published(documents, page_cache):
    urls = ["/van-ban/json/", "/van-ban/linh-vuc/lao-dong/rss/", "/van-ban/loai/nghi-dinh/atom/"]
    for url in urls:
        page_cache.get(url)
    assert page_cache.get(urls[0])["X-Page-Cache"] == "hit"

    def publish():
        create_document("99/2025/NĐ-CP", title="Nghị định mới", doc_type="Nghị định", issuer="chinh-phu",
                        issued_on=D(2025, 5, 1))

    assert page_cache.purged_by(publish, urls) == set(urls)
    assert "Nghị định mới" in page_cache.get(urls[2]).content.decode()
    assert LegalDocument.objects.count() == 5
