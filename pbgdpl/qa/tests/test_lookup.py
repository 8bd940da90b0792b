""""Tra cứu câu hỏi": code + the phone or e-mail given shows the status; anything wrong gets one
answer; the form is limited per client; the confirmation page links to it and copies the link."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from .factories import submit

pytestmark = pytest.mark.django_db
URL = "/hoi-dap/tra-cuu/"


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()


@pytest.mark.parametrize("contact", ["0988 777 666", "+84988777666", "RiengTu@Example.vn"])
def test_code_and_phone_or_email_show_the_status_read_only(client, contact):
    question, _token = submit()
    response = client.post(URL, {"code": question.tracking_code.lower().replace("-", "- "), "contact": contact})
    html = response.content.decode()
    assert response.status_code == 200
    assert f"Câu hỏi {question.tracking_code}" in html
    assert f'<strong class="qa-status">{question.get_status_display()}</strong>' in html
    assert question.text[:40] in html
    assert "Rút câu hỏi" not in html and "đường dẫn riêng" in html  # destructive actions need the private link
    assert response["Referrer-Policy"] == "no-referrer" and "no-cache" in response["Cache-Control"]


def test_wrong_code_and_wrong_contact_get_the_same_answer(client):
    question, _token = submit()
    wrong_contact = client.post(URL, {"code": question.tracking_code, "contact": "0911111111"})
    wrong_code = client.post(URL, {"code": "HD-AAAA-BBBB", "contact": "0988777666"})
    assert wrong_contact.status_code == wrong_code.status_code == 404
    message = "Không tìm thấy câu hỏi khớp với mã tra cứu"
    assert message in wrong_contact.content.decode() and message in wrong_code.content.decode()
    assert question.text[:40] not in wrong_contact.content.decode()


def test_an_empty_or_unreadable_contact_never_matches_a_question_without_phone(client):
    question, _token = submit(phone="")
    empty = client.post(URL, {"code": question.tracking_code, "contact": "  "}).content.decode()
    assert "Mã tra cứu: " not in empty and "Số điện thoại hoặc thư điện tử đã ghi khi gửi câu hỏi: Vui lòng nhập" in empty
    assert client.post(URL, {"code": question.tracking_code, "contact": "abc"}).status_code == 404


def test_lookups_are_limited_per_client(client):
    question, _token = submit()
    for _ in range(10):
        client.post(URL, {"code": "HD-AAAA-BBBB", "contact": "0988777666"})
    blocked = client.post(URL, {"code": question.tracking_code, "contact": "0988777666"})
    assert blocked.status_code == 429 and "quá nhiều lần" in blocked.content.decode()


def test_confirmation_page_offers_copy_link_and_lookup(client, django_capture_on_commit_callbacks):
    from .test_ask_form import URL as ASK_URL
    from .test_ask_form import form_data

    assert client.post(ASK_URL, form_data(client)).status_code == 302
    html = client.get("/hoi-dap/gui-cau-hoi/da-gui/", HTTP_HOST="hoidap.example.vn:8123").content.decode()
    # The private link is on the address the asker is using, whatever BASE_URL says.
    assert "Sao chép đường dẫn" in html and 'data-copy="http://hoidap.example.vn:8123/hoi-dap/theo-doi/' in html
    assert 'href="/hoi-dap/tra-cuu/"' in html
