"""Two browsers at once: a citizen keeps a live dialogue open on a phone while an editor, in another
browser, approves the question and publishes its answer on the admin desk; the answer appears on the
citizen's page without a reload."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from pbgdpl.browser_testing import wait_for_js
from pbgdpl.consultation import dialogue_views
from pbgdpl.consultation.dialogue_models import DialogueQuestion

from .test_dialogues import QUESTION, make_dialogue

ANSWER = "Doanh nghiệp nhỏ được hỗ trợ toàn bộ chi phí tư vấn theo vụ việc."


@pytest.mark.browser
def test_answer_published_on_the_desk_appears_for_the_citizen_without_reload(
        transactional_db, live_server, chromium, screenshot_dir, staff, monkeypatch):
    monkeypatch.setattr(dialogue_views, "POLL_SECONDS", 1)
    dialogue = make_dialogue()
    DialogueQuestion.objects.create(dialogue=dialogue, name="Trần Văn Hỏi", text=QUESTION, submission_key="browser-1")
    login = Client()
    login.force_login(staff["editor"])
    citizen = chromium.new_context(viewport={"width": 360, "height": 740})
    editor = chromium.new_context(viewport={"width": 1280, "height": 800})
    editor.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": login.cookies[settings.SESSION_COOKIE_NAME].value,
                         "url": live_server.url}])
    try:
        page = citizen.new_page()
        page.goto(live_server.url + dialogue.get_absolute_url())
        assert QUESTION not in page.locator("#dl-questions").inner_text()
        page.evaluate("window.notReloaded = true")

        desk = editor.new_page()
        desk.goto(f"{live_server.url}/quan-tri/doi-thoai-chinh-sach/{dialogue.pk}/")
        desk.get_by_role("button", name="Duyệt").click()
        desk.get_by_label("Trả lời").fill(ANSWER)
        desk.get_by_role("button", name="Đăng trả lời").click()
        desk.get_by_text("Đã đăng trả lời.").wait_for()

        page.locator(".dl-answer", has_text=ANSWER).wait_for(timeout=8_000)
        assert QUESTION in page.locator("#dl-questions").inner_text()
        wait_for_js(page, "window.notReloaded === true")  # same document: no reload happened
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        page.screenshot(path=str(screenshot_dir / "dialogue-live-360.png"), full_page=True)
        desk.screenshot(path=str(screenshot_dir / "dialogue-desk-1280.png"), full_page=True)
    finally:
        citizen.close()
        editor.close()
