"""The asker's private page: only the right token opens it; withdraw and delete need the tracking code."""

from __future__ import annotations

from pbgdpl.qa.models import Question, QuestionEvent, Status

from .factories import submit


def track_url(token: str) -> str:
    return f"/hoi-dap/theo-doi/{token}/"


def test_right_token_shows_status_and_question(client, db):
    question, token = submit()
    response = client.get(track_url(token))
    html = response.content.decode()
    assert response.status_code == 200
    assert question.tracking_code in html and "Mới tiếp nhận" in html
    assert "chậm trả lương hai tháng" in html
    assert response["Referrer-Policy"] == "no-referrer"
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_wrong_or_guessed_tokens_get_404(client, db):
    _question, token = submit()
    for bad in (token[:-1] + ("A" if token[-1] != "A" else "B"), "x", "HD-0000-0000", "a" * 200):
        assert client.get(track_url(bad)).status_code == 404


def test_withdraw_needs_the_tracking_code(client, db):
    question, token = submit()
    action = track_url(token) + "thao-tac/"
    wrong = client.post(action, {"action": "withdraw", "tracking_code": "HD-XXXX-XXXX"})
    assert wrong.status_code == 400 and "Mã tra cứu không đúng" in wrong.content.decode()
    assert Question.objects.get(pk=question.pk).status == Status.NEW
    ok = client.post(action, {"action": "withdraw", "tracking_code": question.tracking_code.lower()})
    assert ok.status_code == 302
    question.refresh_from_db()
    assert question.status == Status.WITHDRAWN
    assert QuestionEvent.objects.filter(question=question, to_status=Status.WITHDRAWN, actor_label="Người hỏi").exists()
    page = client.get(ok["Location"]).content.decode()
    assert "Bạn đã rút câu hỏi" in page and "Rút câu hỏi</button>" not in page


def test_delete_personal_data_keeps_the_question(client, db):
    question, token = submit()
    response = client.post(track_url(token) + "thao-tac/", {"action": "erase", "tracking_code": question.tracking_code})
    assert response.status_code == 302
    question.refresh_from_db()
    assert (question.name, question.phone, question.email, question.commune) == ("", "", "", "")
    assert question.personal_data_erased_at is not None
    assert question.text  # the question itself stays (anonymous)
    assert question.status == Status.WITHDRAWN  # nobody left to answer privately
    assert "Đã xóa họ tên" in client.get(response["Location"]).content.decode()


def test_finished_question_cannot_be_withdrawn(client, db):
    question, token = submit()
    Question.objects.filter(pk=question.pk).update(status=Status.PUBLISHED)
    response = client.post(track_url(token) + "thao-tac/", {"action": "withdraw", "tracking_code": question.tracking_code})
    assert response.status_code == 400
    assert "không thể rút" in response.content.decode()
