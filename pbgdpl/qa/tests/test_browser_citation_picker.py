"""On a phone, an editor picks a legal basis with the keyboard only: type without diacritics,
arrow down, Enter; the document's articles load and the saved answer cites the chosen article."""

from __future__ import annotations

import pytest

from pbgdpl.browser_testing import wait_for_js
from pbgdpl.qa import services
from pbgdpl.qa.models import Question, Status

from .factories import submit


@pytest.mark.browser
def test_keyboard_only_citation_on_a_phone(transactional_db, live_server, phone, laws, roles):
    question, _token = submit()
    services.screen(question, roles["editor"], accept=True)
    page = phone
    page.goto(live_server.url + "/quan-tri/login/")
    page.fill("input[name=username]", "bientap")
    page.fill("input[name=password]", "matkhau-dai-123")
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + "/quan-tri/")
    page.goto(f"{live_server.url}/quan-tri/hoi-dap/{question.pk}/")

    page.fill("#qa-answer-text", "Theo Điều 35 Bộ luật Lao động, bạn có quyền nghỉ việc ngay.")
    page.focus("#qa-cite-q-1")
    page.keyboard.type("bo luat lao dong")
    wait_for_js(page, "document.getElementById('qa-cite-q-1').getAttribute('aria-expanded') === 'true'")
    assert page.inner_text("#qa-cite-list-1") == "45/2019/QH14 — Bộ luật Lao động"
    page.keyboard.press("ArrowDown")
    assert page.get_attribute("#qa-cite-q-1", "aria-activedescendant") == "qa-cite-list-1-o0"
    page.keyboard.press("Enter")
    assert page.get_attribute("#qa-cite-q-1", "aria-expanded") == "false"
    assert page.input_value("input[name=cite_doc] >> nth=0") == str(laws["labour"].pk)
    wait_for_js(page, "document.getElementById('qa-cite-eid-1').options.length > 1")
    page.select_option("#qa-cite-eid-1", "dieu-35")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.click("text=Lưu và gửi duyệt")
    page.wait_for_load_state()

    question = Question.objects.get(pk=question.pk)
    assert question.status == Status.ANSWERED
    citation = question.answer.citations.get()
    assert (citation.document_id, citation.eid) == (laws["labour"].pk, "dieu-35")
