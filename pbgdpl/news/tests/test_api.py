"""/api/v1/news: only public articles, newest first, cursor paging, section and date filters."""

from __future__ import annotations

import datetime

import pytest
from wagtail.models import Page, PageViewRestriction, Site

from pbgdpl.core.models import HomePage
from pbgdpl.news.models import ArticleIndexPage, ArticlePage


@pytest.fixture
def sections(db):
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Trang chủ", slug="trang-chu"))
    Site.objects.update(root_page=home)
    news = home.add_child(instance=ArticleIndexPage(title="Tin tức", slug="tin-tuc"))
    guide = home.add_child(instance=ArticleIndexPage(title="Hướng dẫn nghiệp vụ", slug="huong-dan"))
    for day in range(1, 6):
        news.add_child(instance=ArticlePage(title=f"Tin số {day}", slug=f"tin-{day}", date=datetime.date(2026, 3, day),
                                            summary="Tóm tắt", body=[("paragraph", "<p>Nội dung <b>tin</b></p>")]))
    guide.add_child(instance=ArticlePage(title="Hướng dẫn hòa giải", slug="hd-1", date=datetime.date(2026, 2, 1)))
    news.add_child(instance=ArticlePage(title="Bản nháp", slug="nhap", live=False, date=datetime.date(2026, 4, 1)))
    secret = news.add_child(instance=ArticlePage(title="Nội bộ", slug="noi-bo", date=datetime.date(2026, 4, 2)))
    PageViewRestriction.objects.create(page=secret, restriction_type="password", password="x")
    return news, guide


def test_list_pages_newest_first_and_hides_drafts_and_restricted(client, sections):
    first = client.get("/api/v1/news", {"limit": 4}).json()
    assert [item["title"] for item in first["items"]] == ["Tin số 5", "Tin số 4", "Tin số 3", "Tin số 2"]
    rest = client.get("/api/v1/news", {"limit": 4, "cursor": first["next_cursor"]}).json()
    assert [item["title"] for item in rest["items"]] == ["Tin số 1", "Hướng dẫn hòa giải"]
    assert rest["next_cursor"] is None
    assert first["items"][0]["section"] == "tin-tuc" and first["items"][0]["url"] == "/tin-tuc/tin-5/"


def test_filters_by_section_and_date(client, sections):
    guide = client.get("/api/v1/news", {"chuyen_muc": "huong-dan"}).json()["items"]
    assert [item["title"] for item in guide] == ["Hướng dẫn hòa giải"]
    assert client.get("/api/v1/news", {"chuyen_muc": "khong-co"}).json()["items"] == []
    window = client.get("/api/v1/news", {"tu_ngay": "2026-03-02", "den_ngay": "2026-03-03"}).json()["items"]
    assert [item["title"] for item in window] == ["Tin số 3", "Tin số 2"]


def test_detail_gives_plain_text_and_refuses_drafts(client, sections):
    article = ArticlePage.objects.get(slug="tin-1")
    detail = client.get(f"/api/v1/news/{article.pk}")
    assert detail.status_code == 200 and detail.json()["body"] == "Nội dung tin"
    assert detail.headers["ETag"]
    assert client.get(f"/api/v1/news/{article.pk}", HTTP_IF_NONE_MATCH=detail.headers["ETag"]).status_code == 304
    for slug in ("nhap", "noi-bo"):
        assert client.get(f"/api/v1/news/{ArticlePage.objects.get(slug=slug).pk}").status_code == 404
