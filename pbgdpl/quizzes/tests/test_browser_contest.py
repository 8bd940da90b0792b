"""A phone-sized browser registers, takes a round, reloads mid-attempt without losing answers, and submits."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from pbgdpl.quizzes.models import Attempt, AttemptAnswer, AttemptStatus

from .factories import ContestFactory, QuestionFactory, RoundFactory


@pytest.mark.browser
def test_register_take_reload_submit_on_a_phone(transactional_db, live_server, phone, screenshot_dir, settings):
    contest = ContestFactory(title="Cuộc thi trên điện thoại", slug="dien-thoai")
    now = timezone.now()
    RoundFactory(contest=contest, opens_at=now - datetime.timedelta(hours=1),
                 closes_at=now + datetime.timedelta(hours=1), question_count=3,
                 fixed_questions=[QuestionFactory(text=f"Câu hỏi số {i}?", difficulty=1 + i % 3) for i in range(3)])
    page = phone
    page.goto(f"{live_server.url}/cuoc-thi/dang-ky/?cuoc-thi=dien-thoai&next=/cuoc-thi/dien-thoai/dot-1/")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.fill("#id_full_name", "Lương Thị Điện Thoại")
    page.fill("#id_phone", "0987 654 321")
    page.fill("#id_password", "mat-khau-rat-kho")
    page.fill("#id_birth_date", "02/09/1995")
    # The commune list is a searchable combobox: typed without diacritics, chosen with the keyboard.
    page.click("#id_commune")
    page.keyboard.type("hung ha")
    assert page.get_attribute("#id_commune", "role") == "combobox"
    assert page.inner_text("#id_commune-list") == "Xã Hưng Hà"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert page.input_value("#id_commune") == "Xã Hưng Hà"
    page.check("#id_consent")
    page.click("#quiz-register button[type=submit]")
    page.wait_for_url("**/cuoc-thi/dien-thoai/dot-1/")
    # The next step is the one big button; leaving is a small link (a scripted "press the first
    # button" starts the round instead of logging out).
    page.locator("main .button").first.click()
    page.wait_for_url("**/bai-thi/**")
    page.go_back()
    logout = page.get_by_role("button", name="Đăng xuất").bounding_box()
    start = page.get_by_role("button", name="Bắt đầu thi Đợt 1").bounding_box()
    assert logout["height"] >= 24 and logout["width"] * logout["height"] < start["width"] * start["height"] / 2
    page.click("text=Bắt đầu thi Đợt 1")
    page.wait_for_url("**/bai-thi/**")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    attempt = Attempt.objects.get()
    first, second = attempt.question_ids[:2]
    picks = {first: attempt.choice_order[str(first)][2], second: attempt.choice_order[str(second)][1]}
    for qid, cid in picks.items():
        page.check(f"input[name=q{qid}][value='{cid}']")
        page.wait_for_selector(f"#luu-{qid}:has-text('Đã lưu')")
    assert page.inner_text(".quiz-progress") == "Đã trả lời 2/3 câu"
    shots = screenshot_dir
    page.screenshot(path=str(shots / "quizzes-take-360.png"), full_page=True)
    page.reload()  # a dropped connection or a reload loses nothing
    for qid, cid in picks.items():
        assert page.is_checked(f"input[name=q{qid}][value='{cid}']")
    page.fill("#id_prediction", "7")
    page.click("#quiz-form button[type=submit]")
    # One question left blank and one attempt only: asked once, and going back keeps everything.
    dialog = page.locator("dialog.quiz-confirm")
    assert dialog.is_visible() and "Còn 1/3 câu chưa trả lời." in dialog.inner_text()
    page.screenshot(path=str(screenshot_dir / "quizzes-confirm-360.png"))
    page.click("dialog.quiz-confirm [data-confirm=back]")
    assert not dialog.is_visible() and "/bai-thi/" in page.url
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.ACTIVE
    page.click("#quiz-form button[type=submit]")
    page.click("dialog.quiz-confirm [data-confirm=submit]")
    page.wait_for_url("**/ket-qua/")
    assert "Bạn đã nộp bài" in page.content()
    page.screenshot(path=str(shots / "quizzes-result-360.png"), full_page=True)
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.SUBMITTED and attempt.prediction == 7
    assert attempt.contestant.commune == "Xã Hưng Hà"
    assert dict(AttemptAnswer.objects.filter(attempt=attempt).values_list("question_id", "choice_ids")) == {
        qid: [cid] for qid, cid in picks.items()}
