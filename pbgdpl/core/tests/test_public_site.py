"""What an anonymous visitor gets from the seeded demo site."""

from __future__ import annotations

import re

import pytest
from django.test import RequestFactory
from wagtail.models import Page

from pbgdpl.core.models import SectionPage
from pbgdpl.core.views import server_error
from pbgdpl.news.models import ArticleIndexPage, ArticlePage, GalleryPage

SECTION_URLS = [
    "/gioi-thieu/",
    "/huong-dan-nghiep-vu/",
    "/tin-tuc/",
    "/tai-lieu-tuyen-truyen/",
    "/tinh-huong-phap-luat/",
    "/tinh-huong-phap-luat/chuong-trinh-nghe-nhin/",
    "/tinh-huong-phap-luat/thu-vien-hinh-anh/",
    "/hoi-dap/",
    "/tu-sach-phap-luat/",
    "/hoa-giai-o-co-so/",
    "/chuan-tiep-can-phap-luat/",
    "/bao-cao-vien-phap-luat/",
]


def test_every_section_and_every_demo_article_answers_200(seeded_site, db, client):
    article_urls = [page.url for page in ArticlePage.objects.live()]
    assert len(article_urls) >= 30
    for url in ["/", *SECTION_URLS, *article_urls]:
        response = client.get(url)
        assert response.status_code == 200, url


def test_section_types_keep_the_tree_sane(seeded_site, db):
    assert isinstance(Page.objects.get(url_path="/trang-chu/tin-tuc/").specific, ArticleIndexPage)
    assert isinstance(Page.objects.get(url_path="/trang-chu/gioi-thieu/").specific, SectionPage)
    gallery = Page.objects.get(url_path="/trang-chu/tinh-huong-phap-luat/thu-vien-hinh-anh/").specific
    assert isinstance(gallery, GalleryPage)
    assert ArticlePage.can_exist_under(seeded_site) is False
    assert ArticlePage.can_create_at(Page.objects.get(url_path="/trang-chu/tin-tuc/").specific)
    assert ArticlePage.allowed_subpage_models() == []


def test_home_page_renders_in_at_most_15_queries(seeded_site, db, client, django_assert_max_num_queries):
    client.get("/")  # first view creates image renditions and fills the site cache
    with django_assert_max_num_queries(15):
        response = client.get("/")
    body = response.content.decode()
    newest = ArticlePage.objects.child_of(Page.objects.get(url_path="/trang-chu/tin-tuc/")).order_by("-date")[0]
    assert newest.title in body
    assert 'action="/tim-kiem/"' in body and 'name="q"' in body
    assert "/hoi-dap/" in body and "/van-ban/" in body


def test_layout_shows_department_menu_breadcrumbs_and_contacts(seeded_site, db, client):
    body = client.get("/hoa-giai-o-co-so/").content.decode()
    assert "Sở Tư pháp tỉnh Hưng Yên" in body
    # Menu: in-menu children of the home page, in a disclosure that works without JavaScript.
    assert '<details class="mobile-menu">' in body
    assert 'href="/tu-sach-phap-luat/"' in body
    assert 'href="/cuoc-thi/"' in body  # menu entry for the contests app, from the page tree
    assert re.search(r'<nav class="breadcrumbs".*Trang chủ.*Hòa giải ở cơ sở', body, re.S)
    # Footer: contacts and the national legal databases from PortalSettings.
    assert "0221 3 862 555" in body and "sotuphap@hungyen.gov.vn" in body
    assert 'href="https://vbpl.vn"' in body and 'href="https://congbao.chinhphu.vn"' in body
    assert 'class="skip-link" href="#main"' in body
    assert "<script>" not in body  # JavaScript only from static files (CSP-ready)
    # Pages without a lead image still give Facebook/Zalo a picture for the preview.
    assert '<meta property="og:image" content="http://testserver/static/img/share-default.jpg">' in body


def test_article_has_seo_and_sharing_tags(seeded_site, db, client):
    article = ArticlePage.objects.get(slug="huong-ung-ngay-phap-luat-viet-nam-2026")
    body = client.get(article.url).content.decode()
    assert f'<link rel="canonical" href="http://localhost{article.url}">' in body
    assert '<meta property="og:type" content="article">' in body
    assert re.search(r'<meta property="og:image" content="http://testserver/[^"]+\.jpg">', body)
    assert f'<meta name="description" content="{article.summary[:40]}' in body
    assert "Thứ Hai, 09/11/2026" in body
    assert 'type="application/rss+xml"' in body


def test_unknown_address_gives_a_vietnamese_404(seeded_site, db, client):
    response = client.get("/trang-khong-ton-tai/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "Không tìm thấy trang" in body
    assert 'action="/tim-kiem/"' in body


def test_500_page_renders_without_the_database():
    # No django_db mark: any database access in the handler would raise here.
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Xin lỗi, hệ thống đang gặp sự cố" in response.content.decode()


@pytest.mark.django_db
def test_pages_render_before_any_demo_content(client):
    """A fresh install with Wagtail's own root page still answers (no HomePage, no settings rows)."""
    response = client.get("/")
    assert response.status_code == 200
    assert '<html lang="vi"' in response.content.decode()  # a page in Vietnamese, not an error or a blank answer
