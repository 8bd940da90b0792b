"""A real browser at phone size (360×740): no sideways scrolling, the menu opens and its links work."""

from __future__ import annotations

import pytest

from pbgdpl.news.models import ArticlePage
from pbgdpl.news.seeding import seed_demo


def _no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.browser
# serialized_rollback: after this test's flush the next transactional test finds the database
# as migrations left it (root page, vocabularies). It only works if every transactional test
# in the suite uses it: a plain flush re-creates content types under new ids.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_home_and_article_fit_a_phone_and_the_menu_works(live_server, phone, screenshot_dir):
    page, screenshots = phone, screenshot_dir
    seed_demo()
    article = ArticlePage.objects.get(slug="nghi-viec-phai-bao-truoc-bao-nhieu-ngay")  # has a wide table

    page.goto(live_server.url + "/")
    assert page.locator("h1").first.inner_text() == "Tra cứu pháp luật nhanh, dễ hiểu"
    assert _no_horizontal_scroll(page)
    page.screenshot(path=str(screenshots / "home-360.png"), full_page=True)

    menu_links = page.locator(".mobile-nav a")
    assert not menu_links.first.is_visible()  # closed until asked for
    page.get_by_text("Danh mục", exact=True).click()
    assert menu_links.first.is_visible()
    box = page.locator(".mobile-nav a", has_text="Hòa giải ở cơ sở").bounding_box()
    assert box["height"] >= 44  # a thumb-sized target
    page.screenshot(path=str(screenshots / "menu-open-360.png"))
    # Keyboard focus leaving the open menu closes it, so it never hides the focused element (WCAG 2.4.11).
    page.locator(".mobile-nav a").last.focus()
    page.keyboard.press("Tab")
    assert not menu_links.first.is_visible()
    assert page.evaluate("!document.activeElement.closest('.mobile-menu')")
    page.get_by_text("Danh mục", exact=True).click()
    page.locator(".mobile-nav a", has_text="Tình huống pháp luật").click()
    page.wait_for_url("**/tinh-huong-phap-luat/")
    assert page.locator("h1").first.inner_text().startswith("Tình huống pháp luật")

    page.goto(live_server.url + article.url)
    assert page.locator("h1").first.inner_text() == article.title
    assert page.locator("table").count() == 1
    assert _no_horizontal_scroll(page)
    page.screenshot(path=str(screenshots / "article-360.png"), full_page=True)
