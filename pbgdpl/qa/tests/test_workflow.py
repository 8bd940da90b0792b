"""Staff workflow: transitions, permissions (a Biên tập viên cannot approve), screening, merge, admin screens."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from pbgdpl.qa import services
from pbgdpl.qa.models import Question, QuestionEvent, RejectReason, Status

from .factories import submit


def answer(question, user, laws):
    return services.save_answer(
        question, user, text="Theo Điều 35 Bộ luật Lao động, bạn có quyền nghỉ việc không cần báo trước.",
        citations=[(laws["labour"].pk, "dieu-35", "Điều 35")], title="Chậm trả lương có được nghỉ ngay?",
    )


def test_full_workflow_publishes_without_personal_data(client, laws, roles, django_capture_on_commit_callbacks):
    editor, board = roles["editor"], roles["board"]
    question, _token = submit()
    with django_capture_on_commit_callbacks(execute=True):
        services.screen(question, editor, accept=True)
        services.assign(question, editor, editor)
        answer(question, editor, laws)
        services.approve(question, board)
        services.publish(question, board)
    question.refresh_from_db()
    assert question.status == Status.PUBLISHED and question.published_at
    assert [e.to_status for e in question.events.all()] == [
        Status.NEW, Status.SCREENED, Status.ASSIGNED, Status.ANSWERED, Status.APPROVED, Status.PUBLISHED
    ]
    page = client.get(question.get_absolute_url())
    html = page.content.decode()
    assert page.status_code == 200
    assert "Chậm trả lương có được nghỉ ngay?" in html
    assert 'href="/van-ban/45-2019-qh14/#dieu-35"' in html
    for private in ("Trần Văn Riêng Tư", "0988777666", "riengtu@example.vn"):
        assert private not in html
    assert any("đã được trả lời" in m.subject for m in mail.outbox)


def test_editor_cannot_approve_or_publish(laws, roles):
    editor = roles["editor"]
    question, _token = submit()
    answer(question, editor, laws)
    with pytest.raises(PermissionDenied):
        services.approve(question, editor)
    question.refresh_from_db()
    assert question.status == Status.ANSWERED


def test_editor_cannot_approve_through_the_admin(client, laws, roles):
    question, _token = submit()
    answer(question, roles["editor"], laws)
    client.force_login(roles["editor"])
    page = client.get(f"/quan-tri/hoi-dap/{question.pk}/").content.decode()
    assert "Đang chờ Ban biên tập duyệt." in page and "Duyệt câu trả lời" not in page
    client.post(f"/quan-tri/hoi-dap/{question.pk}/", {"action": "approve"})
    question.refresh_from_db()
    assert question.status == Status.ANSWERED


def test_board_approves_and_publishes_through_the_admin(client, laws, roles):
    question, _token = submit()
    answer(question, roles["editor"], laws)
    client.force_login(roles["board"])
    assert client.post(f"/quan-tri/hoi-dap/{question.pk}/", {"action": "approve"}).status_code == 302
    assert client.post(f"/quan-tri/hoi-dap/{question.pk}/", {"action": "publish"}).status_code == 302
    question.refresh_from_db()
    assert question.status == Status.PUBLISHED


def test_transitions_out_of_order_are_refused_with_a_message(client, laws, roles):
    question, _token = submit()
    with pytest.raises(services.WorkflowError, match="Chỉ công bố được câu trả lời đã duyệt"):
        services.publish(question, roles["board"])
    client.force_login(roles["board"])
    response = client.post(f"/quan-tri/hoi-dap/{question.pk}/", {"action": "publish"})
    assert "Chỉ công bố được câu trả lời đã duyệt" in response.content.decode()


def test_rejection_needs_a_reason_and_tells_the_asker(roles, db, django_capture_on_commit_callbacks):
    question, _token = submit()
    with pytest.raises(services.WorkflowError):
        services.screen(question, roles["editor"], accept=False, reason=RejectReason.OUT_OF_SCOPE, note="")
    with django_capture_on_commit_callbacks(execute=True):
        services.screen(question, roles["editor"], accept=False, reason=RejectReason.OUT_OF_SCOPE,
                        note="Câu hỏi về tranh chấp đang do Tòa án giải quyết.")
    question.refresh_from_db()
    assert question.status == Status.REJECTED
    rejection = [m for m in mail.outbox if "Kết quả tiếp nhận" in m.subject][0]
    assert "Ngoài phạm vi giải đáp" in rejection.body and "Tòa án" in rejection.body


def test_merge_duplicate_points_to_the_other_question(roles, db):
    original, _ = submit()
    copy, token = submit(text="Công ty nợ lương tôi hai tháng, tôi nghỉ ngay có phải báo trước không ạ?")
    services.merge_duplicate(copy, original, roles["editor"])
    copy.refresh_from_db()
    assert copy.status == Status.REJECTED and copy.reject_reason == RejectReason.DUPLICATE
    assert copy.duplicate_of == original


def test_asker_who_refused_publication_gets_a_private_answer(client, laws, roles):
    question, _token = submit(publish_anonymously=False)
    answer(question, roles["editor"], laws)
    services.approve(question, roles["board"])
    services.publish(question, roles["board"])
    question.refresh_from_db()
    assert question.status == Status.CLOSED and question.published_at is None
    assert client.get(f"/hoi-dap/{question.pk}-{question.slug or 'x'}/").status_code == 404


def test_queue_shows_days_waiting_highlights_overdue_and_filters(client, laws, roles, settings):
    settings.QA_OVERDUE_DAYS = 7
    old, _ = submit(text="Câu hỏi cũ đã chờ lâu về việc nghỉ việc và trợ cấp thôi việc của người lao động.")
    Question.objects.filter(pk=old.pk).update(received_at=timezone.now() - datetime.timedelta(days=10))
    fresh, _ = submit(field=None)
    client.force_login(roles["editor"])
    html = client.get("/quan-tri/hoi-dap/").content.decode()
    assert old.tracking_code in html and fresh.tracking_code in html
    assert html.count("Quá hạn</strong>") == 1
    assert ">10 <strong" in html.replace("\n", "")
    waiting = client.get("/quan-tri/hoi-dap/", {"waiting": "7"}).content.decode()
    assert old.tracking_code in waiting and fresh.tracking_code not in waiting
    by_field = client.get("/quan-tri/hoi-dap/", {"field": "none"}).content.decode()
    assert fresh.tracking_code in by_field and old.tracking_code not in by_field


def test_question_page_suggests_field_and_answerer(client, demo_qa, roles):
    question, _ = submit(field=None, text="Tôi muốn nghỉ việc thì phải báo trước cho công ty bao nhiêu ngày?")
    client.force_login(roles["editor"])
    html = client.get(f"/quan-tri/hoi-dap/{question.pk}/").content.decode()
    assert "Gợi ý: Lao động" in html
    assert "Muốn nghỉ việc thì phải báo trước bao nhiêu ngày?" in html  # similar published answer
    assert 'name="cite_doc"' not in html  # answering starts after screening
    client.post(f"/quan-tri/hoi-dap/{question.pk}/", {"action": "accept"})
    html = client.get(f"/quan-tri/hoi-dap/{question.pk}/").content.decode()
    assert 'name="cite_doc"' in html and 'name="cite_eid"' in html and "Lời chào và căn cứ chung" in html


def test_citation_chooser_lists_articles_of_the_document(client, laws, roles):
    client.force_login(roles["editor"])
    data = client.get("/quan-tri/hoi-dap/dieu-khoan/", {"document": laws["civil"].pk}).json()
    assert {"eid": "dieu-468", "label": "Điều 468. Lãi suất"} in data["options"]
    client.logout()
    anonymous = client.get("/quan-tri/hoi-dap/dieu-khoan/", {"document": laws["civil"].pk})
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/quan-tri/login/?next=")


def test_monthly_report_counts_and_median(client, roles, db):
    now = timezone.now()
    for days in (2, 4, 9):
        question, _ = submit()
        Question.objects.filter(pk=question.pk).update(
            received_at=now - datetime.timedelta(days=days), answered_at=now
        )
    from pbgdpl.qa.selectors import monthly_report

    row = monthly_report(1)[0]
    assert row.answered == 3 and row.median_days == 4.0
    client.force_login(roles["board"])
    assert "<td>4,0</td>" in client.get("/quan-tri/hoi-dap/bao-cao/").content.decode()


def test_history_records_who_did_what(laws, roles):
    question, _ = submit()
    services.assign(question, roles["editor"], roles["board"], note="Giao chuyên viên lao động")
    event = QuestionEvent.objects.filter(question=question).last()
    assert (event.actor, event.from_status, event.to_status) == (roles["editor"], Status.SCREENED, Status.ASSIGNED)


def test_personal_details_written_inside_the_question_are_masked_when_published(client, laws, roles):
    question, _ = submit(text="Tôi là Trần Văn Riêng Tư, số 0988.777.666, CCCD 034123456789, email riengtu@example.vn. "
                              "Công ty chậm trả lương hai tháng thì tôi có được nghỉ việc ngay không?")
    answer(question, roles["editor"], laws)
    services.approve(question, roles["board"])
    services.publish(question, roles["board"])
    html = client.get(question.get_absolute_url()).content.decode()
    assert "chậm trả lương hai tháng" in html
    for private in ("Trần Văn Riêng Tư", "0988.777.666", "034123456789", "riengtu@example.vn"):
        assert private not in html
    assert "[số điện thoại]" in html and "[người hỏi]" in html


def test_merge_through_the_admin_by_tracking_code(client, roles, db):
    original, _ = submit()
    copy, _ = submit(text="Công ty nợ lương tôi hai tháng, tôi nghỉ ngay có phải báo trước không ạ?")
    client.force_login(roles["editor"])
    unknown = client.post(f"/quan-tri/hoi-dap/{copy.pk}/", {"action": "reject", "reason": "spam", "duplicate_code": "HD-0000-0000"})
    assert "Không tìm thấy câu hỏi có mã tra cứu này." in unknown.content.decode()
    client.post(f"/quan-tri/hoi-dap/{copy.pk}/", {"action": "reject", "reason": "spam", "duplicate_code": original.tracking_code})
    copy.refresh_from_db()
    assert copy.status == Status.REJECTED and copy.duplicate_of == original
    assert copy.reject_reason == RejectReason.DUPLICATE and original.tracking_code in copy.status_note


def test_admin_home_shows_the_waiting_and_overdue_counts(client, roles, settings, db):
    settings.QA_OVERDUE_DAYS = 7
    old, _ = submit()
    Question.objects.filter(pk=old.pk).update(received_at=timezone.now() - datetime.timedelta(days=8))
    submit()
    client.force_login(roles["editor"])
    html = client.get("/quan-tri/").content.decode()
    assert "2 câu hỏi đang chờ xử lý" in html and "1 câu hỏi quá hạn" in html
