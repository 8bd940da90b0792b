"""A citizen on a phone chats, a staff member in a second browser context answers from the inbox,
the citizen reloads the page and still sees the whole conversation (uvicorn, real WebSockets)."""

from __future__ import annotations

import pytest
from django.test import Client

from pbgdpl.browser_testing import AsgiLiveServer, wait_for_js
from pbgdpl.chat.models import Conversation, Message, Sender

QUESTION = "Tôi muốn đăng ký khai sinh cho con ở xã khác được không?"
PROVISION = "/van-ban/luat-ho-tich-2014/#dieu-13"
ANSWER = f"Được, bạn đăng ký tại UBND xã nơi cư trú của cha hoặc mẹ (xem {PROVISION})."


@pytest.mark.browser
def test_citizen_chats_staff_answers_and_a_reload_keeps_the_conversation(
        transactional_db, chromium, screenshot_dir, always_open, agent):
    with AsgiLiveServer() as server:
        citizen = chromium.new_context(viewport={"width": 360, "height": 740}).new_page()
        citizen.goto(server.url + "/van-ban/")
        launcher = citizen.get_by_role("button", name="Hỏi trực tuyến")
        launcher.click()
        box = citizen.get_by_label("Nội dung câu hỏi")
        assert box.evaluate("el => el === document.activeElement")
        wait_for_js(citizen, "document.querySelector('.chat-status').textContent.includes('đang trực')")
        box.fill(QUESTION)
        box.press("Enter")
        wait_for_js(citizen, "!!document.querySelector('.chat-log li.chat-contact[data-seq]')")
        assert citizen.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        conversation = Conversation.objects.get()
        assert Message.objects.get(sender=Sender.CONTACT).text == QUESTION

        login = Client()
        login.force_login(agent)
        staff_context = chromium.new_context(viewport={"width": 1280, "height": 900})
        staff_context.add_cookies([{"name": "sessionid", "value": login.cookies["sessionid"].value,
                                    "url": server.url}])
        staff = staff_context.new_page()
        staff.goto(f"{server.url}/quan-tri/hoi-truc-tuyen/{conversation.pk}/")
        assert QUESTION in staff.locator("#chat-admin-log").inner_text()
        wait_for_js(citizen, "true")
        staff.locator("#chat-admin-text").fill(ANSWER)
        staff.get_by_role("button", name="Gửi trả lời").click()

        wait_for_js(citizen, "!!document.querySelector('.chat-log li.chat-staff')")
        assert ANSWER in citizen.locator(".chat-log").inner_text()
        # The cited provision is a link (the brackets and the full stop stay text).
        assert citizen.locator(".chat-log li.chat-staff a").get_attribute("href") == PROVISION
        # The reply assigned the conversation to this staff member: "Nhận xử lý" goes without a
        # reload (the acknowledgement came over the staff socket), and the provision is a link there too.
        wait_for_js(staff, "!document.getElementById('chat-admin-take')")
        assert staff.locator("#chat-admin-log li.chat-admin-staff a").get_attribute("href") == PROVISION
        # Tab stays inside the panel, which covers the whole phone screen.
        for _ in range(12):
            citizen.keyboard.press("Tab")
        assert citizen.evaluate("document.getElementById('chat-panel').contains(document.activeElement)")
        citizen.screenshot(path=str(screenshot_dir / "chat-widget-360.png"))

        citizen.reload()
        wait_for_js(citizen, "document.querySelectorAll('.chat-log li[data-seq]').length >= 2")
        log = citizen.locator(".chat-log").inner_text()
        assert QUESTION in log and ANSWER in log
        assert log.count(QUESTION) == 1 and log.count(ANSWER) == 1
        citizen.screenshot(path=str(screenshot_dir / "chat-widget-360-reloaded.png"))
        staff.screenshot(path=str(screenshot_dir / "chat-inbox.png"))


@pytest.mark.browser
def test_off_hours_the_handoff_form_is_reachable_above_the_message_box_on_a_phone(
        transactional_db, chromium, screenshot_dir):
    """Outside office hours the widget offers to leave the question for the Q&A team. At 360×740 the
    form was a second scrolling box squeezed between the messages and the message box, its last
    fields and button cut off under the message box."""
    from django.utils import timezone

    from pbgdpl.chat.models import Holiday

    Holiday.objects.create(date=timezone.localdate(), name="Nghỉ lễ")
    with AsgiLiveServer() as server:
        page = chromium.new_context(viewport={"width": 360, "height": 740}).new_page()
        page.goto(server.url + "/van-ban/")
        page.get_by_role("button", name="Hỏi trực tuyến").click()
        wait_for_js(page, "!document.querySelector('.chat-away').hidden")
        box = page.get_by_label("Nội dung câu hỏi")
        box.fill(QUESTION)
        box.press("Enter")
        wait_for_js(page, "!!document.querySelector('.chat-log li.chat-contact[data-seq]')")
        # The form is laid out whole (not a box scrolling inside the scrolling messages).
        assert page.evaluate("(a => a.scrollHeight <= a.clientHeight + 1)(document.querySelector('.chat-away'))")
        for target in ("#chat-name", "#chat-email", "#chat-phone", "#chat-consent", ".chat-handoff button"):
            page.locator(target).scroll_into_view_if_needed()
            placement = page.evaluate("""(target) => {
                const r = document.querySelector(target).getBoundingClientRect();
                const area = document.querySelector('.chat-body').getBoundingClientRect();
                const messageBox = document.querySelector('.chat-form').getBoundingClientRect();
                return {inside: r.top >= area.top - 1 && r.bottom <= area.bottom + 1,
                        clearOfMessageBox: r.bottom <= messageBox.top + 1};
            }""", target)
            assert placement == {"inside": True, "clearOfMessageBox": True}, target
        # The question itself scrolls with the form, in the same area.
        assert QUESTION in page.locator(".chat-body").inner_text()
        page.screenshot(path=str(screenshot_dir / "chat-widget-360-off-hours.png"))
