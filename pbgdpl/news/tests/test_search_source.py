"""Articles and section pages feed the search outbox and describe themselves to the indexer."""

from __future__ import annotations

import pytest
from wagtail.models import Page, Site

from pbgdpl.core.models import HomePage, SectionPage
from pbgdpl.news.models import ArticleIndexPage, ArticlePage
from pbgdpl.search.models import OutboxEntry
from pbgdpl.search.registry import get_source


@pytest.fixture
def news_index(db):
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Trang chủ", slug="trang-chu"))
    Site.objects.update(root_page=home)
    return home.add_child(instance=ArticleIndexPage(title="Tin tức", slug="tin-tuc"))


def _outbox(label: str, pk) -> int:
    return OutboxEntry.objects.filter(source=label, object_pk=str(pk)).count()


def test_publishing_unpublishing_and_deleting_an_article_queue_it(news_index):
    article = news_index.add_child(
        instance=ArticlePage(
            title="Hòa giải tranh chấp lối đi chung",
            slug="loi-di-chung",
            live=False,
            summary="Tổ hòa giải giúp hai gia đình thỏa thuận mở lối đi.",
            body=[("paragraph", "<p>Theo Điều 254 Bộ luật Dân sự, chủ sở hữu có quyền yêu cầu mở lối đi.</p>")],
        )
    )
    source = get_source("news.ArticlePage")
    assert source.entries_for(article.pk) == []  # a draft is not searchable

    article.save_revision().publish()
    assert _outbox("news.ArticlePage", article.pk) == 1
    [entry] = source.entries_for(article.pk)
    assert entry.kind == "news"
    assert entry.title == "Hòa giải tranh chấp lối đi chung"
    assert "Điều 254 Bộ luật Dân sự" in entry.body and "<p>" not in entry.body
    assert entry.url == "/tin-tuc/loi-di-chung/"
    assert entry.facets["section"] == ["Tin tức"]

    article.refresh_from_db()  # publishing went through a revision: reload the live flag
    article.unpublish()
    assert _outbox("news.ArticlePage", article.pk) == 2
    assert source.entries_for(article.pk) == []

    pk = article.pk
    article.delete()
    assert _outbox("news.ArticlePage", pk) == 3
    assert source.entries_for(pk) == []


def test_section_pages_are_searchable_pages(news_index):
    home = news_index.get_parent()
    section = home.add_child(
        instance=SectionPage(title="Hòa giải ở cơ sở", slug="hoa-giai-o-co-so", intro="Tổ hòa giải ở thôn.", live=False)
    )
    section.save_revision().publish()
    assert _outbox("core.SectionPage", section.pk) == 1
    [entry] = get_source("core.SectionPage").entries_for(section.pk)
    assert entry.kind == "page" and "Tổ hòa giải" in entry.body
    assert list(get_source("core.SectionPage").all_pks()) == [section.pk]
