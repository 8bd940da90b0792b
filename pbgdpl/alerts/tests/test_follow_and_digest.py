"""Following a document by e-mail, end to end: the form (ALTCHA, consent, limits), double opt-in,
the digest after a real amendment (exactly once; a second run sends nothing), one-click
unsubscribe without login or CSRF token, the manage link, personal data and the admin screen."""

from __future__ import annotations

import datetime
import re
import secrets

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from pbgdpl.alerts.digests import send_digests
from pbgdpl.alerts.models import Digest, SentItem, Subscription
from pbgdpl.alerts.tasks import send_alert_digests
from pbgdpl.core import captcha, personal_data
from pbgdpl.legal.tests.factories import D, create_document, relation
from pbgdpl.qa.tests.conftest import roles, search_dir  # noqa: F401 (fixtures)

LINK = re.compile(r"http://testserver(/nhan-thong-bao/[^\s]+/)")


@pytest.fixture(autouse=True)
def _setup(settings, search_dir):  # noqa: F811
    settings.ALTCHA_MAX_NUMBER = 2000  # keep the proof of work cheap in tests
    settings.WAGTAILADMIN_BASE_URL = "http://testserver"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def law(db):
    return create_document("45/2019/QH14", title="Bộ luật Lao động", doc_type="Bộ luật", fields=["Lao động"],
                           issued_on=D(2019, 11, 20), effective_from=D(2021, 1, 1))


def follow(client, target: str, email: str = "an.nguyen@example.vn", **overrides):
    data = {"email": email, "frequency": "daily", "consent": "on", "submission_key": secrets.token_urlsafe(24),
            "altcha": captcha.solve_for_tests(client.get("/xac-minh/thu-thach/").json()), **overrides}
    return client.post(f"/nhan-thong-bao/?{target}", data)


def links(message) -> list[str]:
    return LINK.findall(message.body)


def confirm(client, email: str = "an.nguyen@example.vn") -> None:
    message = next(m for m in reversed(mail.outbox) if m.to == [email])
    confirm_path = links(message)[0]
    page = client.get(confirm_path)
    assert "Xác nhận" in page.content.decode()  # a button: opening the link alone confirms nothing
    assert client.post(confirm_path).status_code == 200


def later(days: int) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=days)


def test_a_followed_amended_document_is_in_the_next_digest_exactly_once(client, law):
    response = follow(client, f"van-ban={law.slug}")
    assert response.status_code == 302
    assert [m.subject for m in mail.outbox] == ["Xác nhận đăng ký nhận thông báo"]
    # Double opt-in: not confirmed, nothing else is sent, even when something happens.
    create_document("6/2025/QH15", title="Luật sửa đổi Bộ luật Lao động", doc_type="Luật", issued_on=D(2025, 6, 1),
                    effective_from=D(2025, 7, 1), relations=[relation("amends", law)])
    assert send_digests(later(2)) == 0 and len(mail.outbox) == 1

    confirm(client)
    assert send_digests(later(2)) == 0  # what existed before confirming is not news
    amending = create_document("7/2026/QH15", title="Luật sửa đổi lần hai", doc_type="Luật",
                               issued_on=D(2026, 2, 1), effective_from=D(2026, 3, 1),
                               relations=[relation("amends", law, object_eid="dieu-2")])
    mail.outbox.clear()
    assert send_digests(later(4)) == 1
    digest = mail.outbox[0]
    assert digest.body.count("Luật sửa đổi lần hai") == 1
    assert "Bị sửa đổi, bổ sung bởi".lower() in digest.body and "từ ngày 01/03/2026" in digest.body
    assert f"http://testserver{amending.get_absolute_url()}" in digest.body
    assert "Luật sửa đổi Bộ luật Lao động" not in digest.body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert digest.extra_headers["List-Unsubscribe"].startswith("<http://testserver/nhan-thong-bao/huy/")

    # The job running again (at once, or a day later) sends nothing new.
    assert send_digests(later(4)) == 0
    assert send_digests(later(6)) == 0
    assert len(mail.outbox) == 1 and Digest.objects.count() == 1

    # One-click unsubscribe: a mail client's POST, no login, no CSRF token.
    one_click = digest.extra_headers["List-Unsubscribe"].strip("<>").removeprefix("http://testserver")
    response = Client(enforce_csrf_checks=True).post(one_click, "List-Unsubscribe=One-Click",
                                                     content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200 and "Đã hủy nhận thông báo" in response.content.decode()
    assert not Subscription.objects.exists()


def test_the_unsubscribe_link_in_the_mail_shows_a_confirmation_page(client, law):
    follow(client, f"van-ban={law.slug}")
    confirm(client)
    subscription = Subscription.objects.get()
    SentItem.objects.all().delete()  # pretend the entry into force is news
    send_digests(later(2))
    body_link = [path for path in links(mail.outbox[-1]) if "/huy/" in path][0]
    page = Client().get(body_link)  # a stranger's browser: no session
    assert page.status_code == 200 and "Bộ luật Lao động" in page.content.decode()
    assert Subscription.objects.filter(pk=subscription.pk).exists()  # GET changes nothing
    Client(enforce_csrf_checks=True).post(body_link)
    assert not Subscription.objects.exists()
    assert Client().get("/nhan-thong-bao/huy/sai-chu-ky/").status_code == 404


def test_an_event_reached_twice_shows_once_and_the_manage_link_deletes_everything(client, law):
    follow(client, "linh-vuc=lao-dong")
    confirm(client)
    follow(client, "loai=nghi-dinh")
    confirm(client)
    create_document("12/2026/NĐ-CP", title="Nghị định về tiền lương", doc_type="Nghị định", issuer="chinh-phu",
                    fields=["Lao động"], issued_on=D(2026, 1, 5))
    mail.outbox.clear()
    assert send_digests(later(2)) == 1
    body = mail.outbox[0].body
    assert body.count("Nghị định về tiền lương") == 1
    manage_path = [path for path in links(mail.outbox[0]) if "/quan-ly/" in path][0]
    page = client.get(manage_path).content.decode()
    assert "a***@example.vn" in page and "an.nguyen@example.vn" not in page
    assert "Lao động" in page and "Nghị định" in page
    client.post(manage_path, {"delete": "all"})
    assert not Subscription.objects.exists()


def test_bad_input_is_explained_and_kept(client, law):
    response = follow(client, f"van-ban={law.slug}", email="an.nguyen@", consent="")
    page = response.content.decode()
    assert response.status_code == 400
    assert "Địa chỉ thư điện tử không hợp lệ" in page and "Bạn cần đồng ý" in page
    assert 'value="an.nguyen@"' in page
    assert not Subscription.objects.exists() and not mail.outbox
    assert follow(client, "van-ban=khong-co").status_code == 404
    assert follow(client, f"van-ban={law.slug}", altcha="").status_code == 400


def test_a_double_click_follows_once_and_sends_one_mail(client, law):
    form = client.get(f"/nhan-thong-bao/?van-ban={law.slug}").content.decode()
    key = re.search(r'name="submission_key" value="([^"]+)"', form).group(1)
    solution = captcha.solve_for_tests(client.get("/xac-minh/thu-thach/").json())
    first = follow(client, f"van-ban={law.slug}", submission_key=key, altcha=solution)
    second = follow(client, f"van-ban={law.slug}", submission_key=key, altcha=solution)
    # The browser shows the second answer: the "sent" page, not a failed anti-spam check.
    assert first.status_code == second.status_code == 302 and second["Location"] == first["Location"]
    assert len(mail.outbox) == 1 and Subscription.objects.count() == 1
    # The solution is bound to that form: another form presenting it is refused.
    assert follow(client, "linh-vuc=lao-dong", altcha=solution).status_code == 400


def test_follow_requests_are_limited_per_address(client, settings, law):
    settings.ALERTS_RATE_LIMIT_EMAIL_DAY = 2
    statuses = [follow(Client(REMOTE_ADDR=f"10.0.0.{n}"), f"tim-kiem=lương+{n}").status_code for n in range(3)]
    assert statuses == [302, 302, 429]
    assert len(mail.outbox) == 2


def test_personal_data_export_and_erase_by_email(client, law):
    follow(client, f"van-ban={law.slug}")
    exported = personal_data.export_person(email="AN.NGUYEN@example.vn")["alerts"]
    assert exported["subscriptions"][0]["target"] == "Văn bản: 45/2019/QH14 Bộ luật Lao động"
    assert personal_data.delete_person(email="an.nguyen@example.vn")["alerts"] == 1
    assert not Subscription.objects.exists()
    follow(client, f"van-ban={law.slug}", email="chua.xac.nhan@example.vn")
    send_alert_digests.enqueue()  # the hourly job forgets requests never confirmed within a week
    assert Subscription.objects.count() == 1
    Subscription.objects.update(created_at=later(-8))
    send_alert_digests.enqueue()
    assert not Subscription.objects.exists()


def test_admin_screen_shows_counts_and_masked_addresses_to_the_board_only(client, law, roles):  # noqa: F811
    follow(client, f"van-ban={law.slug}")
    confirm(client)
    SentItem.objects.all().delete()
    send_digests(later(2))
    client.force_login(roles["board"])
    page = client.get("/quan-tri/thong-bao-theo-doi/").content.decode()
    assert "45/2019/QH14 Bộ luật Lao động" in page and "a***@example.vn" in page
    assert "an.nguyen@example.vn" not in page
    client.force_login(roles["editor"])
    assert client.get("/quan-tri/thong-bao-theo-doi/").status_code in (302, 403)
