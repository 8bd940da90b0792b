"""A teacher's screen and two pupils' phones: a three-question class, answers and the ranking arrive
live over the WebSocket (no reloads), and a choice being made survives another pupil's answer."""

from __future__ import annotations

import pytest
from django.test import Client

from pbgdpl.browser_testing import AsgiLiveServer, wait_for_js

from ..models import ClassSession


def _live_text(page) -> str:
    return page.evaluate("document.getElementById('classroom-live').innerText")


@pytest.mark.browser
def test_teacher_and_two_pupils_play_a_three_question_class(transactional_db, chromium, teacher, quiz,
                                                            screenshot_dir):
    from pbgdpl.quizzes.models import Choice

    with AsgiLiveServer() as server:
        login = Client()
        login.force_login(teacher)
        teacher_context = chromium.new_context(viewport={"width": 1280, "height": 800})
        teacher_context.add_cookies([{"name": "sessionid", "value": login.cookies["sessionid"].value,
                                      "url": server.url}])
        board = teacher_context.new_page()
        board.goto(server.url + "/lop-hoc/giao-vien/")
        board.get_by_role("button", name="Mở lớp").click()
        code = board.locator("#classroom-code").inner_text()
        pupils = []
        for nickname in ("Mèo con", "Cá heo"):
            phone = chromium.new_context(viewport={"width": 360, "height": 740}).new_page()
            phone.goto(server.url + "/lop-hoc/")
            phone.get_by_label("Mã lớp (6 chữ số)").fill(code)
            phone.get_by_label("Biệt danh").fill(nickname)
            phone.get_by_role("button", name="Vào lớp").click()
            phone.wait_for_url(f"**/lop-hoc/{code}/")
            pupils.append(phone)
        wait_for_js(board, "document.getElementById('classroom-live').innerText.includes('2 học sinh')")
        session = ClassSession.objects.get()
        for number in range(3):
            board.locator(".classroom-actions button").first.click()
            board.wait_for_load_state()
            question_id = session.question_ids[number]
            right = Choice.objects.get(question_id=question_id, is_correct=True).text
            wrong = Choice.objects.filter(question_id=question_id, is_correct=False).first().text
            for phone in pupils:
                wait_for_js(phone, f"document.getElementById('classroom-live').innerText.includes('Câu {number + 1}')")
            # The first pupil is still choosing when the second one answers: the second's answer
            # refreshes the first's screen, and the choice already ticked must survive it.
            pupils[0].get_by_label(right).check()
            pupils[0].evaluate("window.formBefore = document.querySelector('.classroom-question')")
            pupils[1].get_by_label(wrong).check()
            pupils[1].get_by_role("button", name="Trả lời").click()
            wait_for_js(pupils[0], "!document.body.contains(window.formBefore)")
            assert pupils[0].get_by_label(right).is_checked()
            pupils[0].get_by_role("button", name="Trả lời").click()
            wait_for_js(board, "document.getElementById('classroom-answered').innerText.startsWith('2/2')")
        pupils[0].screenshot(path=str(screenshot_dir / "classroom-pupil-360.png"), full_page=True)
        board.locator(".classroom-actions button").first.click()  # "Kết thúc và xem xếp hạng"
        for phone in pupils:
            wait_for_js(phone, "document.getElementById('classroom-live').innerText.includes('bảng xếp hạng')")
        ranking = board.locator(".classroom-ranking").inner_text()
        assert ranking.index("Mèo con") < ranking.index("Cá heo")
        assert "3 điểm" in ranking and "0 điểm" in ranking
        assert "Cá heo" in _live_text(pupils[0])
        board.screenshot(path=str(screenshot_dir / "classroom-teacher.png"), full_page=True)
