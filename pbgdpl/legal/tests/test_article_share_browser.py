"""At 360×740: the link copied from one article opens that article; "In điều này" prints it alone."""

from __future__ import annotations

import pytest

from pbgdpl.browser_testing import wait_for_js

from .factories import D, big_law_text, create_document

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _visible(page, selector: str) -> bool:
    return page.eval_on_selector(selector, "e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden'")


def test_copied_article_link_opens_that_article_and_print_keeps_only_it(chromium, live_server, screenshot_dir):
    law = create_document("91/2015/QH13", title="Bộ luật Dân sự", doc_type="Bộ luật", issued_on=D(2015, 11, 24),
                          text=big_law_text(60, clauses=2, points=2))
    context = chromium.new_context(viewport={"width": 360, "height": 740})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    # window.print() would open the system dialog: note the call instead, the print media is emulated below.
    context.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; };")
    page = context.new_page()
    page.goto(f"{live_server.url}{law.get_absolute_url()}#dieu-42")

    # The slim header keeps the law's name and validity in view deep inside the text.
    assert page.evaluate("document.getElementById('dieu-42').getBoundingClientRect().top") > 0
    assert _visible(page, ".lg-pinned") and page.evaluate(
        "document.querySelector('.lg-pinned').getBoundingClientRect().top") == 0
    assert "Bộ luật Dân sự" in page.inner_text(".lg-pinned") and "Còn hiệu lực" in page.inner_text(".lg-pinned")
    page.screenshot(path=str(screenshot_dir / "legal-article-bar-360.png"))

    page.click("#dieu-42 [data-art=copy]")
    wait_for_js(page, "document.querySelector('.lg-art-status').textContent.includes('Điều 42')")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == f"{live_server.url}{law.get_absolute_url()}#dieu-42"

    other = context.new_page()
    other.goto(copied)
    assert other.evaluate("location.hash") == "#dieu-42"
    top = other.evaluate("document.getElementById('dieu-42').getBoundingClientRect().top")
    assert 0 < top < 200  # the shared article is what the reader sees first, under the pinned header
    other.close()

    # Without the phone's share sheet, "Chia sẻ" offers Zalo, Facebook and e-mail for this article.
    if not page.evaluate("!!navigator.share"):
        page.click("#dieu-42 [data-art=share]")
        zalo = page.get_attribute("#dieu-42 .lg-art-share-panel a", "href")
        assert zalo.endswith("dieu-42") or "%23dieu-42" in zalo

    page.click("#dieu-42 [data-art=print]")
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    assert _visible(page, "#dieu-42") and _visible(page, "#dieu-42-khoan-2")
    assert _visible(page, ".lg-title")  # the law's name is printed with its article
    for hidden in ("#dieu-41", "#dieu-43", ".site-header", ".site-footer", ".lg-toc-wrap", ".lg-meta",
                   ".lg-validity-date", ".lg-pinned", "#dieu-42 .lg-art-bar"):
        assert not _visible(page, hidden), hidden
    assert law.get_absolute_url() + "#dieu-42" in page.inner_text(".lg-print-only")
    page.screenshot(path=str(screenshot_dir / "legal-print-one-article.png"), full_page=True)

    # After printing the whole law prints again (Ctrl+P), still without the date form.
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert _visible(page, "#dieu-41") and not _visible(page, ".lg-validity-date")
    context.close()
