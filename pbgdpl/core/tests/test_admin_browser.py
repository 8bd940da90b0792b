"""An editor whose browser speaks English still meets a Vietnamese admin (issue 12, decision 0011).

Real chromium with ``locale="en-US"`` (so Accept-Language: en-US) logs in through the login form
and reads the sidebar menu, every button and the legal-document list: no English word may show.
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.contrib.auth import get_user_model

from pbgdpl.browser_testing import wait_for_js
from pbgdpl.legal.tests.factories import create_document

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ENGLISH_WORDS = [
    "Pages", "Page", "Add", "Edit", "Delete", "Search", "Settings", "Reports", "Help", "Documents", "Images",
    "Snippets", "True", "False", "ago", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
    "month", "months", "year", "years", "Password", "Root", "Save", "Publish", "Dashboard", "Users", "Groups",
    "Filter", "Filters", "Sort", "Status", "Live", "Draft", "Title", "Updated", "Actions", "Account",
    "Log out", "Sign in", "Yes", "No", "Upload", "Choose", "Export", "Download", "Previous", "Next",
    "Collections", "Workflows", "Redirects", "Shortcuts", "Editor Guide", "Select", "Clear", "Apply", "Close",
]
ENGLISH = re.compile(r"\b(" + "|".join(re.escape(w) for w in ENGLISH_WORDS) + r")\b")

# Text, accessible names and values of everything an editor reads or a screen reader announces.
READ_TEXT = """(selector) => Array.from(document.querySelectorAll(selector)).map(e => [
    e.innerText, e.getAttribute('aria-label'), e.getAttribute('title'), e.getAttribute('placeholder'),
    e.tagName === 'INPUT' ? e.value : null].filter(Boolean).join(' | ')).join('\\n')"""


def english_words(page, selector: str) -> set[str]:
    return set(ENGLISH.findall(page.evaluate(READ_TEXT, selector)))


def test_english_browser_finds_no_english_in_menu_buttons_and_document_list(chromium, live_server):
    get_user_model().objects.create_superuser("bientap", "bientap@example.vn", "mat-khau-bien-tap-1")
    create_document("45/2019/QH14", title="Bộ luật Lao động", doc_type="Bộ luật", issued_on=datetime.date(2019, 11, 20))
    create_document("52/2014/QH13", title="Luật Hôn nhân và gia đình", issued_on=datetime.date(2014, 6, 19))
    context = chromium.new_context(locale="en-US", viewport={"width": 1280, "height": 800})
    page = context.new_page()
    assert page.evaluate("navigator.language") == "en-US"

    page.goto(f"{live_server.url}/quan-tri/login/")
    assert english_words(page, "main, main *") == set()
    page.fill("input[name=username]", "bientap")
    page.fill("input[name=password]", "mat-khau-bien-tap-1")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/quan-tri/")

    page.wait_for_selector("#wagtail-sidebar .sidebar-menu-item")
    # Open every submenu so their items are read too.
    for toggle in page.query_selector_all("#wagtail-sidebar button[aria-haspopup], #wagtail-sidebar .sidebar-menu-item__link[aria-expanded]"):
        toggle.click()
        page.wait_for_timeout(100)
    assert english_words(page, "#wagtail-sidebar, #wagtail-sidebar *") == set()
    assert english_words(page, "button, a.button, [role=button], input[type=submit]") == set()

    page.goto(f"{live_server.url}/quan-tri/legal/documents/")
    listing = page.inner_text("table.listing")
    assert "20/11/2019" in listing and "Có" in listing
    assert english_words(page, "main, main *") == set()
    assert english_words(page, "button, a.button, [role=button], input[type=submit]") == set()
    assert page.title().endswith("Sở Tư pháp tỉnh Hưng Yên") or "Wagtail" not in page.title()
    context.close()


def test_the_slug_follows_the_title_in_vietnamese_ascii(chromium, live_server):
    from wagtail.models import Page

    from pbgdpl.core.models import HomePage

    get_user_model().objects.create_superuser("bientap", "bientap@example.vn", "mat-khau-bien-tap-1")
    home = Page.get_first_root_node().add_child(instance=HomePage(title="Trang chủ", slug="trang-chu"))
    page = chromium.new_page(viewport={"width": 360, "height": 740})
    page.goto(f"{live_server.url}/quan-tri/login/")
    page.fill("input[name=username]", "bientap")
    page.fill("input[name=password]", "mat-khau-bien-tap-1")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/quan-tri/")
    page.goto(f"{live_server.url}/quan-tri/pages/add/core/sectionpage/{home.pk}/")
    assert page.title().startswith("Mới"), page.title()
    page.wait_for_load_state("networkidle")  # Wagtail's controllers connect after the scripts ran
    page.focus("#id_title")
    page.keyboard.type("Tuyên truyền Luật Đất đai", delay=20)
    page.keyboard.press("Tab")
    # Wagtail alone writes "tuyen-truyn-lut-djt-djai".
    wait_for_js(page, "document.getElementById('id_slug').value === 'tuyen-truyen-luat-dat-dai'")
    page.focus("#id_title")
    page.keyboard.type(" đợt hai", delay=20)
    page.keyboard.press("Tab")
    wait_for_js(page, "document.getElementById('id_slug').value === 'tuyen-truyen-luat-dat-dai-dot-hai'")
