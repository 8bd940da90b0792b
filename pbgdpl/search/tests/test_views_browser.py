"""The search page in a real browser at phone size: htmx filters keep focus, suggestions as you type."""

from __future__ import annotations

import pytest

from pbgdpl.browser_testing import wait_for_js
from pbgdpl.search import index as index_mod
from pbgdpl.search import registry
from pbgdpl.search.services import mark_changed

from .test_views import DemoSource


def _ensure_site() -> None:
    """The base template needs a Wagtail site; an earlier transactional test's flush removes it."""
    from wagtail.models import Locale, Page, Site

    if Site.objects.filter(is_default_site=True).exists():
        return
    Locale.objects.get_or_create(language_code="vi")
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    Site.objects.create(hostname="localhost", port=80, root_page=root, is_default_site=True)


@pytest.fixture
def live_index(transactional_db, settings, tmp_path):
    """The demo entries indexed through the outbox, committed so the live server sees them."""
    _ensure_site()
    settings.SEARCH_INDEX_DIR = tmp_path / "search"
    index_mod.readers.reset()
    source = registry.register(DemoSource())
    for pk in source.all_pks():
        mark_changed(source.label, pk)  # autocommit: the indexer task runs on commit
    index_mod.readers.reset()
    yield
    registry._sources.pop(source.label, None)
    index_mod.readers.reset()




@pytest.mark.browser
def test_filter_with_htmx_keeps_focus_and_suggestions_work(live_index, live_server, phone):
    page = phone
    problems = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("requestfailed", lambda request: problems.append(f"failed: {request.url}"))
    page.goto(live_server.url + "/tim-kiem/?q=quy%E1%BB%81n")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert page.evaluate("document.documentElement.classList.contains('search-enhanced')"), problems
    assert not page.is_visible(".facet-apply")  # htmx applies filters at once
    assert page.is_visible("text=Bộ luật Lao động 2019")

    page.click(".facet-toggle")
    box = "input[name=doc_type][value='Luật']"
    page.focus(box)
    page.keyboard.press("Space")
    wait_for_js(page, "location.search.includes('doc_type=')")
    page.wait_for_selector("text=Bộ luật Lao động 2019", state="detached")
    assert page.is_visible("text=Luật Hôn nhân và gia đình 2014")
    assert page.evaluate("document.querySelector('.facet-panel').open")
    assert page.evaluate(f"document.activeElement === document.querySelector(\"{box}\")")
    assert page.is_checked(box)

    page.click(".facet-clear")  # "Bỏ tất cả bộ lọc" must not re-send the ticked boxes
    wait_for_js(page, "!location.search.includes('doc_type=')")
    page.wait_for_selector("text=Bộ luật Lao động 2019")
    assert not page.is_checked(box)

    page.fill("#q", "")
    page.type("#q", "luat hon", delay=20)
    page.wait_for_selector("#q ~ .suggest-list [role=option], .search-row .suggest-list [role=option]")
    assert page.get_attribute("#q", "aria-expanded") == "true"
    assert "Luật Hôn nhân và gia đình 2014" in page.inner_text(".search-row .suggest-list")
    page.keyboard.press("ArrowDown")
    assert page.get_attribute("#q", "aria-activedescendant")
    page.keyboard.press("Escape")
    assert page.get_attribute("#q", "aria-expanded") == "false"


@pytest.mark.browser
def test_answer_card_reads_on_a_phone(live_index, live_server, phone, screenshot_dir):
    page = phone
    page.goto(live_server.url + "/tim-kiem/?q=vo+dang+mang+thai+chong+co+duoc+yeu+cau+ly+hon+khong")
    page.wait_for_load_state("networkidle")
    card = page.locator(".answer-card")
    assert card.is_visible()
    assert "Điều 51. Quyền yêu cầu giải quyết ly hôn" in card.inner_text()
    # The card fits a 360 px screen, comes before the list, and its link opens the provision.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert page.evaluate("document.querySelector('.answer-card').getBoundingClientRect().bottom"
                         " <= document.querySelector('.search-results').getBoundingClientRect().top")
    page.screenshot(path=str(screenshot_dir / "search-answer-card-360.png"), full_page=False)
    href = card.locator(".answer-card-link").get_attribute("href")
    assert "dieu-51" in href
