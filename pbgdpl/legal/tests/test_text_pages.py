"""A long text comes in pages (decision 0029): every article on exactly one page, the pages
well-formed on their own, the contents leading to the right page with or without JavaScript,
and short texts, old versions and print views still whole."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from pbgdpl.legal.models import DocumentVersion
from pbgdpl.legal.selectors import version_provisions
from pbgdpl.legal.views.rendering import render_rows

from .factories import D, at, big_law_text, create_document, relation

pytestmark = pytest.mark.django_db

PAGE_CHARS = 30_000


@pytest.fixture(autouse=True)
def small_pages(settings):
    settings.LEGAL_PAGE_CHARS = PAGE_CHARS


@pytest.fixture
def code():
    return create_document("91/2015/QH13", title="Bộ luật Dân sự", doc_type="Bộ luật", issued_on=D(2015, 11, 24),
                           effective_from=D(2017, 1, 1), text=big_law_text(240, clauses=2, points=1))


def articles_in(html: str) -> list[int]:
    return [int(n) for n in re.findall(r'<article class="lg-article" id="dieu-(\d+)"', html)]


def test_every_article_is_on_exactly_one_page_and_each_page_stands_alone(code):
    text = render_rows(version_provisions(code.current_version_id))
    assert len(text.pages) >= 3
    numbers = [n for page in text.pages for n in articles_in(page.body)]
    assert numbers == list(range(1, 241))
    for page in text.pages:
        body = str(page.body)
        assert body.count("<section") == body.count("</section>")
        assert body.count("<article") == body.count("</article>")
        assert len(body) < 2 * PAGE_CHARS
        assert page.first == f"Điều {articles_in(body)[0]}" and page.last == f"Điều {articles_in(body)[-1]}"
    # A page that starts inside a chapter says which one it continues; the chapter's id stays
    # on the page where it starts.
    starts = {page.number: page.body[:300] for page in text.pages}
    inside = [head for head in starts.values() if 'id="chuong' not in head]
    assert inside, "with chapters of 50 articles, some page must start inside one"
    assert all(head.startswith('<section class="lg-div lg-chapter lg-cont"><p class="lg-cont-label">Chương ')
               and "(tiếp theo)" in head for head in inside)
    all_ids = Counter(re.findall(r' id="([^"]+)"', "".join(page.body for page in text.pages)))
    assert all_ids == Counter(re.findall(r' id="([^"]+)"', text.body))


def test_first_page_holds_the_start_the_contents_and_links_to_the_other_pages(client, code):
    html = client.get(code.get_absolute_url()).content.decode()
    text = render_rows(version_provisions(code.current_version_id))
    count = len(text.pages)
    assert articles_in(html) == articles_in(text.pages[0].body)
    assert f"Trang 1/{count}: Điều 1 – {text.pages[0].last}" in html
    second = text.pages[1]
    assert (f'<a href="{code.get_absolute_url()}?trang=2">Trang 2/{count}: {second.first} – {second.last}</a>'
            in html)
    # The contents: this page's entries link within it; the others open their page. They keep the
    # provision's id, so an address ending in #dieu-240 lands on its entry without JavaScript.
    assert '<li class="toc-article" data-trang="1"><a href="./#dieu-1">Điều 1. Quy định số 1</a>' in html
    assert (f'<li class="toc-article" id="dieu-240" data-trang="{count}"><a href="./?trang={count}#dieu-240">'
            in html)
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert f'<link rel="canonical" href="http://testserver{code.get_absolute_url()}">' in html


def test_a_page_shows_its_articles_and_its_text_alone_serves_the_script(client, code):
    url = code.get_absolute_url()
    html = client.get(f"{url}?trang=2").content.decode()
    text = render_rows(version_provisions(code.current_version_id))
    assert articles_in(html) == articles_in(text.pages[1].body)
    assert f'<link rel="canonical" href="http://testserver{url}?trang=2">' in html
    assert f'<a rel="prev" href="{url}">' in html and f'<a rel="next" href="{url}?trang=3">' in html
    alone = client.get(f"{url}?trang=2&noi-dung=1")
    assert alone.status_code == 200 and alone["X-Robots-Tag"] == "noindex"
    body = alone.content.decode()
    assert "<html" not in body and articles_in(body) == articles_in(text.pages[1].body)


def test_unknown_page_says_so_and_shows_the_first(client, code):
    response = client.get(f"{code.get_absolute_url()}?trang=99&noi-dung=1")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Văn bản này không có trang “99”" in html
    assert articles_in(html)[0] == 1 and '<meta name="robots" content="noindex, follow">' in html


def test_a_note_on_a_provision_appears_on_the_page_that_holds_it(client, code):
    with at("2026-01-10"):
        amending = create_document("5/2025/QH15", issued_on=D(2025, 6, 1), effective_from=D(2025, 7, 1),
                                   relations=[relation("amends", code, object_eid="dieu-200-khoan-1")])
        text = render_rows(version_provisions(code.current_version_id))
        number = next(page.number for page in text.pages if 200 in articles_in(page.body))
        alone = client.get(f"{code.get_absolute_url()}?trang={number}&noi-dung=1").content.decode()
        first = client.get(code.get_absolute_url()).content.decode()
    clause = alone[alone.index('id="dieu-200-khoan-1"'):]
    assert f'{amending.get_absolute_url()}">Luật số 5/2025/QH15</a>' in clause[: clause.index("</li>")]
    assert 'class="lg-note"' not in first[first.index('class="lg-text'):first.index("lg-pager-bottom")]


def test_whole_text_short_texts_old_versions_and_print_are_not_cut(client, code):
    url = code.get_absolute_url()
    whole = client.get(f"{url}?toan-van=1").content.decode()
    assert articles_in(whole) == list(range(1, 241))
    assert '<a href="#dieu-240">' in whole and "?trang=" not in whole.split('id="muc-luc"')[1].split("</details>")[0]
    assert '<meta name="robots" content="noindex, follow">' in whole
    printed = client.get(f"{url}?in=1").content.decode()
    assert articles_in(printed) == list(range(1, 241))
    short = create_document("1/2020/QH14", issued_on=D(2020, 1, 1), text=big_law_text(20))
    short_html = client.get(short.get_absolute_url()).content.decode()
    assert "lg-pager" not in short_html and '<a href="#dieu-20">' in short_html
    # An earlier version is shown whole (its page is rarely read and never indexed).
    old = DocumentVersion.objects.create(document=code, version_date=D(2016, 1, 1), text=big_law_text(240),
                                         content_hash="ban-cu", note="bản cũ")
    from pbgdpl.legal.services import replace_provisions

    replace_provisions(old)
    assert articles_in(client.get(f"{url}?phien-ban={old.pk}").content.decode()) == list(range(1, 241))


def test_editing_the_document_purges_its_pages(code, page_cache):
    from pbgdpl.legal.models import LegalDocument
    from pbgdpl.legal.services import save_document

    url = code.get_absolute_url()
    urls = [url, f"{url}?trang=2", f"{url}?trang=2&noi-dung=1"]

    def retitle():
        document = LegalDocument.objects.get(pk=code.pk)
        document.title = "Bộ luật Dân sự (sửa tên)"
        save_document(document)

    assert set(urls) <= page_cache.purged_by(retitle, urls)
