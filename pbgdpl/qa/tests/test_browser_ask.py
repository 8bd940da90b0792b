"""A phone-sized browser asks a question (solving the ALTCHA proof of work), staff answer and publish it,
and the public page shows the answer and nothing personal."""

from __future__ import annotations

import pytest

from pbgdpl.browser_testing import wait_for_js
from pbgdpl.qa import services
from pbgdpl.qa.models import Question, Status

NAME, PHONE, EMAIL = "Đỗ Thị Trình Duyệt", "0977123456", "trinhduyet@example.vn"




@pytest.mark.browser
def test_ask_answer_publish_on_a_phone(transactional_db, live_server, phone, screenshot_dir, laws, roles, settings):
    settings.ALTCHA_MAX_NUMBER = 20000
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    page = phone
    page.goto(live_server.url + "/hoi-dap/gui-cau-hoi/")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.locator("#id_name").fill(NAME)
    page.locator("#id_phone").fill(PHONE)
    page.locator("#id_email").fill(EMAIL)
    page.locator("#id_text").fill(
        "Công ty chậm trả lương hai tháng nay. Tôi có được nghỉ việc ngay mà không cần báo trước không?"
    )
    page.locator("#id_consent").check()
    assert not page.locator("#id_publish_anonymously").is_checked()  # an explicit opt-in
    page.locator("#id_publish_anonymously").check()
    # The widget solves the proof of work by itself; the hidden field gets the payload.
    wait_for_js(
        page,
        "() => { const i = document.querySelector('input[name=altcha]'); return i && i.value.length > 20; }",
        timeout=30_000,
    )
    shots = screenshot_dir
    page.screenshot(path=str(shots / "qa-ask-360.png"), full_page=True)
    page.get_by_role("button", name="Gửi câu hỏi").click()
    page.wait_for_url("**/gui-cau-hoi/da-gui/")
    code = page.locator("#qa-tracking-code").inner_text()
    private_link = page.locator("#qa-private-link").inner_text()
    question = Question.objects.get(tracking_code=code)
    assert (question.name, question.phone, question.email) == (NAME, PHONE, EMAIL)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.get_by_role("button", name="Sao chép đường dẫn").click()
    wait_for_js(page, "document.querySelector('.copy-row [role=status]').textContent.includes('Đã sao chép')")
    assert page.evaluate("navigator.clipboard.readText()") == private_link

    # Without the private link: the code and the phone number given find the question.
    page.goto(live_server.url + "/hoi-dap/")
    page.get_by_role("link", name="Tra cứu câu hỏi bằng mã tra cứu").click()
    page.locator("#id_code").fill(code.lower())
    page.locator("#id_contact").fill("0977 123 456")
    page.get_by_role("button", name="Tra cứu").click()
    assert page.locator("h1").inner_text() == f"Câu hỏi {code}"
    assert "Công ty chậm trả lương" in page.content()
    page.screenshot(path=str(screenshot_dir / "qa-lookup-360.png"), full_page=True)

    editor, board = roles["editor"], roles["board"]
    services.screen(question, editor, accept=True)
    services.save_answer(
        question, editor, title="Bị chậm lương có được nghỉ việc ngay?",
        text="Theo điểm b khoản 2 Điều 35 Bộ luật Lao động, bạn được nghỉ việc không cần báo trước.",
        citations=[(laws["labour"].pk, "dieu-35", "Điều 35")],
    )
    services.approve(question, board)
    services.publish(question, board)
    question.refresh_from_db()
    assert question.status == Status.PUBLISHED

    page.goto(live_server.url + question.get_absolute_url())
    assert page.locator("h1").inner_text() == "Bị chậm lương có được nghỉ việc ngay?"
    assert "không cần báo trước" in page.locator(".qa-answer").inner_text()
    assert page.locator(".qa-citations a").first.get_attribute("href") == "/van-ban/45-2019-qh14/#dieu-35"
    html = page.content()
    for private in (NAME, PHONE, EMAIL):
        assert private not in html
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=str(shots / "qa-detail-360.png"), full_page=True)

    page.goto(private_link)
    assert "Đã công bố" in page.locator(".qa-status").inner_text()
