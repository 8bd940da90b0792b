"""The staff answer screen: a searchable citation chooser (typing without diacritics finds the law),
answers that still work without JavaScript, and nothing typed lost when a citation is wrong."""

from __future__ import annotations

import pytest

from pbgdpl.qa import services
from pbgdpl.qa.models import Status

from .factories import submit


def _screened(roles):
    question, _token = submit(text="Công ty chậm trả lương hai tháng, tôi có được nghỉ việc ngay không?")
    services.screen(question, roles["editor"], accept=True)
    return question


def test_document_search_ignores_diacritics_and_matches_numbers(client, laws, roles):
    client.force_login(roles["editor"])
    found = client.get("/quan-tri/hoi-dap/van-ban/", {"q": "bo luat lao dong"}).json()["options"]
    assert [o["id"] for o in found] == [laws["labour"].pk]
    assert found[0]["label"] == "45/2019/QH14 — Bộ luật Lao động"
    by_number = client.get("/quan-tri/hoi-dap/van-ban/", {"q": "91/2015"}).json()["options"]
    assert [o["id"] for o in by_number] == [laws["civil"].pk]
    assert client.get("/quan-tri/hoi-dap/van-ban/", {"q": "khong co van ban nay"}).json()["options"] == []


def test_document_search_is_for_staff_only(client, laws, django_user_model):
    user = django_user_model.objects.create_user("nguoi-dan", "dan@example.vn", "matkhau-dai-123")
    client.force_login(user)
    assert client.get("/quan-tri/hoi-dap/van-ban/", {"q": "lao dong"}).status_code in (302, 403)


def test_the_answer_form_offers_a_combobox_not_a_long_dropdown(client, laws, roles):
    question = _screened(roles)
    client.force_login(roles["editor"])
    html = client.get(f"/quan-tri/hoi-dap/{question.pk}/").content.decode()
    assert 'role="combobox"' in html and 'aria-autocomplete="list"' in html and 'role="listbox"' in html
    assert "Bộ luật Dân sự" not in html  # documents are no longer all listed in the page
    assert '<label class="w-field__label" for="qa-cite-q-1">' in html


def test_without_javascript_a_typed_document_number_is_cited(client, laws, roles):
    question = _screened(roles)
    client.force_login(roles["editor"])
    response = client.post(f"/quan-tri/hoi-dap/{question.pk}/", {
        "action": "answer", "title": "Chậm trả lương", "public_text": "Công ty chậm trả lương.",
        "text": "Theo Điều 35 Bộ luật Lao động, bạn được nghỉ việc không cần báo trước.",
        "cite_doc": [""], "cite_doc_query": ["45/2019/qh14"], "cite_eid": ["dieu-35"],
    })
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == Status.ANSWERED
    citation = question.answer.citations.get()
    assert citation.document == laws["labour"] and citation.eid == "dieu-35"


def test_an_unknown_document_is_explained_and_the_answer_is_kept(client, laws, roles):
    question = _screened(roles)
    client.force_login(roles["editor"])
    response = client.post(f"/quan-tri/hoi-dap/{question.pk}/", {
        "action": "answer", "title": "Chậm trả lương", "public_text": "Công ty chậm trả lương.",
        "text": "Câu trả lời dài mà biên tập viên đã gõ.",
        "cite_doc": [""], "cite_doc_query": ["luật không tồn tại"], "cite_eid": [""],
    })
    html = response.content.decode()
    assert response.status_code == 200
    assert "Không tìm thấy văn bản “luật không tồn tại”" in html
    assert "Câu trả lời dài mà biên tập viên đã gõ." in html and 'value="luật không tồn tại"' in html
    question.refresh_from_db()
    assert question.status == Status.SCREENED


@pytest.mark.django_db
def test_overdue_rows_carry_no_pale_background_under_links(client, laws, roles):
    import datetime

    from django.utils import timezone

    from pbgdpl.qa.models import Question

    question = _screened(roles)
    Question.objects.filter(pk=question.pk).update(received_at=timezone.now() - datetime.timedelta(days=30))
    client.force_login(roles["editor"])
    html = client.get("/quan-tri/hoi-dap/").content.decode()
    assert 'class="qa-overdue"' in html and 'class="qa-overdue-tag"' in html
    assert "background: #fdecea" not in html
