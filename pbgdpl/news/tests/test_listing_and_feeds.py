"""Article listings (pagination, tag filter), related articles, RSS and the sitemap."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from wagtail.models import Page

from pbgdpl.news.models import ARTICLES_PER_PAGE, ArticlePage


def _news_index():
    return Page.objects.get(url_path="/trang-chu/tin-tuc/").specific


def test_listing_is_paginated_newest_first(seeded_site, db, client):
    index = _news_index()
    articles = list(index.articles())
    assert len(articles) > ARTICLES_PER_PAGE  # the demo fills more than one page

    first = client.get("/tin-tuc/").content.decode()
    assert articles[0].title in first
    assert articles[ARTICLES_PER_PAGE].title not in first
    assert 'href="?page=2"' in first

    second = client.get("/tin-tuc/?page=2").content.decode()
    assert articles[ARTICLES_PER_PAGE].title in second
    assert articles[0].title not in second


def test_out_of_range_or_garbage_page_numbers_do_not_fail(seeded_site, db, client):
    articles = list(_news_index().articles())
    too_far = client.get("/tin-tuc/?page=999")
    assert too_far.status_code == 200
    assert articles[-1].title in too_far.content.decode()  # the last page
    for garbage in ("abc", "²", "２", "-1", "0"):
        response = client.get(f"/tin-tuc/?page={garbage}")
        assert response.status_code == 200
        assert articles[0].title in response.content.decode()  # the first page, not page 2


def test_tag_slugs_fold_vietnamese_letters(db):
    from pbgdpl.news.models import ArticleTag

    assert ArticleTag.objects.create(name="Đất đai / Nhà ở").slug == "dat-dai-nha-o"


def test_tag_filter_keeps_only_tagged_articles_and_survives_paging(seeded_site, db, client):
    index = _news_index()
    tagged = set(index.articles().filter(tags__slug="hoa-giai-o-co-so").values_list("title", flat=True))
    untagged = set(index.articles().exclude(tags__slug="hoa-giai-o-co-so").values_list("title", flat=True))
    assert tagged and untagged

    body = client.get("/tin-tuc/?tag=hoa-giai-o-co-so").content.decode()
    assert all(title in body for title in tagged)
    assert not any(title in body for title in untagged)
    assert "Hòa giải ở cơ sở" in body and "Bỏ lọc" in body


def test_unknown_tag_shows_a_vietnamese_empty_state(seeded_site, db, client):
    response = client.get("/tin-tuc/?tag=khong-co-tu-khoa-nay")
    assert response.status_code == 200
    assert "Không có tin bài nào với từ khóa này." in response.content.decode()


def test_pagination_links_keep_the_tag(seeded_site, db, client, rf):
    from django.template import Context, Template

    request = rf.get("/tin-tuc/", {"tag": "dat-dai", "page": "1"})
    rendered = Template("{% load portal_tags %}{% query_with page=3 %}").render(Context({"request": request}))
    assert rendered == "?tag=dat-dai&amp;page=3"


def test_related_articles_share_tags_and_exclude_unpublished(seeded_site, db):
    article = ArticlePage.objects.get(slug="ly-hon-con-duoi-36-thang-tuoi-ai-nuoi")
    related = list(article.related_articles())
    assert related and article not in related
    own_tags = set(article.tags.values_list("pk", flat=True))
    for other in related:
        assert own_tags & set(other.tags.values_list("pk", flat=True))
    # The article sharing most tags comes first: "Con gái 17 tuổi…" shares two.
    assert related[0].slug == "ket-hon-khi-chua-du-tuoi"
    related[0].unpublish()
    assert related[0] not in list(article.related_articles())


def test_rss_feed_lists_the_newest_article(seeded_site, db, client):
    newest = _news_index().articles().first()
    response = client.get("/tin-tuc/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    items = channel.findall("item")
    assert items[0].findtext("title") == newest.title
    assert items[0].findtext("link").endswith(newest.url)
    assert channel.findtext("language") == "vi"


def test_sitemap_lists_articles(seeded_site, db, client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    for article in ArticlePage.objects.live()[:5]:
        assert f"{article.url}</loc>" in body
    article = ArticlePage.objects.live().first()
    article.unpublish()
    assert f"{article.url}</loc>" not in client.get("/sitemap.xml").content.decode()


def test_article_page_can_be_shared_and_printed_on_its_own(seeded_site, db, client):
    article = ArticlePage.objects.live().first()
    html = client.get(article.url).content.decode()
    assert f'data-share-url="http://testserver{article.url}"' in html
    assert "Sao chép liên kết" in html and "Chia sẻ" in html and "In bài này" in html
