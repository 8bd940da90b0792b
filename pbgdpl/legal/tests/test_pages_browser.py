"""A real browser (Debian's chromium via Playwright): htmx filters, focus, phone layout, TOC."""

from __future__ import annotations

import pytest

from pbgdpl.browser_testing import wait_for_js

from .factories import D, big_law_text, create_document

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_filters_update_results_url_and_keep_focus(chromium, live_server):
    create_document("45/2019/QH14", title="Bộ luật Lao động", doc_type="Bộ luật", issued_on=D(2019, 11, 20))
    create_document("52/2014/QH13", title="Luật Hôn nhân và gia đình", issued_on=D(2014, 6, 19))
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/van-ban/")
    assert page.inner_text(".lg-summary") == "2 văn bản"
    assert page.eval_on_selector("details.lg-facets", "e => e.open")  # open beside the results on wide screens
    page.check("#f-loai-bo-luat")
    page.wait_for_url("**/van-ban/?loai=bo-luat", timeout=10_000)
    wait_for_js(page, "document.querySelector('.lg-summary').textContent === '1 văn bản'", timeout=10_000)
    wait_for_js(page, "document.activeElement && document.activeElement.id === 'f-loai-bo-luat'", timeout=5_000)
    assert page.is_checked("#f-loai-bo-luat")
    assert page.is_hidden(".lg-apply")  # the no-JS button is not needed with htmx


def test_document_page_fits_a_phone_and_toc_links_close_the_toc(chromium, live_server):
    law = create_document("91/2015/QH13", title="Bộ luật Dân sự", doc_type="Bộ luật", issued_on=D(2015, 11, 24),
                          text=big_law_text(60, clauses=2, points=2))
    page = chromium.new_page(viewport={"width": 360, "height": 740})
    page.goto(f"{live_server.url}{law.get_absolute_url()}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    font_size = page.eval_on_selector(".lg-text", "e => parseFloat(getComputedStyle(e).fontSize)")
    assert font_size >= 17
    assert not page.eval_on_selector("details.lg-toc", "e => e.open")  # a "Mục lục" button on phones
    page.click("details.lg-toc summary")
    page.click("details.lg-toc a[href='#dieu-42']")
    page.wait_for_url("**#dieu-42")
    assert not page.eval_on_selector("details.lg-toc", "e => e.open")
    assert page.evaluate("document.getElementById('dieu-42').getBoundingClientRect().top") < 200


def test_long_text_in_pages_opens_a_linked_article_and_loads_on_as_the_reader_scrolls(chromium, live_server,
                                                                                       settings):
    settings.LEGAL_PAGE_CHARS = 30_000
    law = create_document("91/2015/QH13", title="Bộ luật Dân sự", doc_type="Bộ luật", issued_on=D(2015, 11, 24),
                          text=big_law_text(240, clauses=2, points=1))
    url = f"{live_server.url}{law.get_absolute_url()}"
    page = chromium.new_page(viewport={"width": 360, "height": 740})
    # A shared link to a clause far into the code: its page loads in place and the clause is shown.
    page.goto(f"{url}#dieu-200-khoan-2")
    wait_for_js(page, "document.querySelector('.lg-text #dieu-200-khoan-2') !== null")
    wait_for_js(page, "Math.abs(document.getElementById('dieu-200-khoan-2').getBoundingClientRect().top) < 200")
    assert page.evaluate("document.querySelector(':target').id") == "dieu-200-khoan-2"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    # Reading on from the first page: the next one arrives before the reader reaches it.
    page.goto(url)
    assert page.evaluate("document.getElementById('dieu-40')") is None
    page.evaluate("document.querySelector('.lg-page[data-trang=\"2\"]').scrollIntoView()")
    wait_for_js(page, "document.getElementById('dieu-40') !== null")
    # The contents on a phone: an article of a later page opens in place, with its address.
    page.evaluate("window.scrollTo(0, 0)")
    page.click("details.lg-toc summary")
    page.click("details.lg-toc a[href$='#dieu-150']")
    page.wait_for_url("**#dieu-150")
    wait_for_js(page, "Math.abs(document.getElementById('dieu-150').getBoundingClientRect().top) < 200")
    assert page.evaluate("location.search") == ""
    ids = page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids))
