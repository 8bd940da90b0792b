"""A contestant who forgot the password gets a one-time link (by e-mail, or from the organiser) that
sets a new password on the same account; the form answers the same whatever was typed and is limited."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse

from pbgdpl.quizzes import services
from pbgdpl.quizzes.models import Contestant

pytestmark = pytest.mark.django_db
FORGOT = "/cuoc-thi/quen-mat-khau/"


@pytest.fixture
def contestant():
    cache.clear()
    return services.register_contestant(phone="0912 345 678", password="mat-khau-cu-123", full_name="Trần Văn Quên",
                                        email="quen@example.vn")


def _link(text: str) -> str:
    return re.search(r"https?://\S+/cuoc-thi/dat-lai-mat-khau/\S+/", text).group(0)


def test_email_link_sets_a_new_password_on_the_same_account_once(client, contestant):
    response = client.post(FORGOT, {"phone": "0912345678", "email": "QUEN@example.vn "})
    assert "Đã nhận yêu cầu." in response.content.decode()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["quen@example.vn"]
    path = _link(mail.outbox[0].body).split("testserver", 1)[1]
    form = client.get(path)
    assert form.status_code == 200 and "Mật khẩu mới" in form.content.decode()
    short = client.post(path, {"password": "1234", "password2": "1234"}).content.decode()
    assert "Mật khẩu mới: Mật khẩu cần ít nhất 8 ký tự." in short  # the summary names the field
    done = client.post(path, {"password": "mat-khau-moi-456", "password2": "mat-khau-moi-456"})
    assert done.status_code == 302 and done["Location"] == reverse("quizzes:login")
    assert Contestant.objects.count() == 1
    assert services.authenticate("0912345678", "mat-khau-moi-456") is not None
    assert services.authenticate("0912345678", "mat-khau-cu-123") is None
    again = client.get(path)
    assert again.status_code == 400 and "đã hết hạn hoặc đã được dùng" in again.content.decode()


def test_wrong_email_or_unknown_phone_get_the_same_answer_and_no_mail(client, contestant):
    answers = [client.post(FORGOT, data).content.decode() for data in (
        {"phone": "0912345678", "email": "khac@example.vn"},
        {"phone": "0987000111", "email": "quen@example.vn"},
    )]
    for html in answers:
        assert "Đã nhận yêu cầu." in html
    assert mail.outbox == []


def test_recovery_is_rate_limited_per_phone(client, contestant):
    for _ in range(3):
        client.post(FORGOT, {"phone": "0912345678", "email": "sai@example.vn"})
    blocked = client.post(FORGOT, {"phone": "0912345678", "email": "quen@example.vn"})
    assert blocked.status_code == 429 and "quá nhiều yêu cầu" in blocked.content.decode()
    assert mail.outbox == []


def test_organiser_prints_a_link_for_a_contestant_without_email(client):
    cache.clear()
    services.register_contestant(phone="0977 111 222", password="mat-khau-cu-123", full_name="Lê Thị Không Thư")
    out = StringIO()
    call_command("quiz_password_link", "0977111222", stdout=out)
    assert "Lê Thị Không Thư (097****222)" in out.getvalue()
    path = "/" + _link(out.getvalue()).split("/", 3)[3]
    assert client.post(path, {"password": "mat-khau-moi-456", "password2": "mat-khau-moi-456"}).status_code == 302
    assert services.authenticate("0977111222", "mat-khau-moi-456") is not None
