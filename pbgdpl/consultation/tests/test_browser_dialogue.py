"""A citizen keeps a live dialogue open on a phone; staff approve a question and publish its answer
from the admin desk; the answer appears on the citizen's page without a reload."""

from __future__ import annotations

import pytest
from django.test import Client

from pbgdpl.browser_testing import wait_for_js
from pbgdpl.consultation import dialogue_views
from pbgdpl.consultation.dialogue_models import DialogueQuestion

from .test_dialogues import QUESTION, make_dialogue

ANSWER = "Doanh nghiệp nhỏ được hỗ trợ toàn bộ chi phí tư vấn theo vụ việc."


@pytest.mark.browser
def test_answer_appears_without_reload(transactional_db, live_server, chromium, screenshot_dir, staff, monkeypatch):
    monkeypatch.setattr(dialogue_views, "POLL_SECONDS", 1)
    dialogue = make_dialogue()
    question = DialogueQuestion.objects.create(dialogue=dialogue, name="Trần Văn Hỏi", text=QUESTION,
                                               submission_key="browser-1")
    citizen = chromium.new_context(viewport={"width": 360, "height": 740})
    try:
        page = citizen.new_page()
        page.goto(live_server.url + dialogue.get_absolute_url())
        assert QUESTION not in page.locator("#dl-questions").inner_text()
        page.evaluate("window.notReloaded = true")

        desk = f"/quan-tri/doi-thoai-chinh-sach/{dialogue.pk}/"
        editor = Client()
        editor.force_login(staff["editor"])
        editor.post(desk, {"action": "approve", "question": question.pk})
        editor.post(desk, {"action": "answer", "question": question.pk, "answer": ANSWER})

        page.locator(".dl-answer", has_text=ANSWER).wait_for(timeout=8_000)
        assert QUESTION in page.locator("#dl-questions").inner_text()
        wait_for_js(page, "window.notReloaded === true")  # same document: no reload happened
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        page.screenshot(path=str(screenshot_dir / "dialogue-live-360.png"), full_page=True)
    finally:
        citizen.close()
