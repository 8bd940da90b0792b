"""Legal-aid: the eligibility check, the request form's protections, the private link, deletion and
who sees the centre's queue."""

from __future__ import annotations

import itertools
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache

from pbgdpl.core import captcha, personal_data
from pbgdpl.legalaid.models import AidRequest, Status

URL = "/tro-giup-phap-ly/gui-yeu-cau/"
KEYS = itertools.count()
SITUATION = "Gia đình tôi thuộc hộ nghèo, hàng xóm lấn sang đất vườn. Tôi cần được hướng dẫn làm đơn."


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    settings.ALTCHA_MAX_NUMBER = 2000  # keep the proof of work cheap in tests
    cache.clear()
    yield
    cache.clear()


def form_data(client, **overrides) -> dict:
    challenge = client.get("/xac-minh/thu-thach/").json()
    data = {"group": "ho_ngheo", "situation": SITUATION, "name": "Nguyễn Văn Thử", "phone": "0912 345 678",
            "email": "thu@example.vn", "commune": "Xã Thử", "consent": "on", "website": "",
            "submission_key": f"key-{next(KEYS)}", "altcha": captcha.solve_for_tests(challenge)}
    data.update(overrides)
    return data


def private_link(client) -> str:
    page = client.get("/tro-giup-phap-ly/gui-yeu-cau/da-gui/").content.decode()
    return re.search(r'href="https?://[^/"]+(/tro-giup-phap-ly/theo-doi/[^"]+/)"', page).group(1)


def test_eligibility_check_answers_in_plain_language_with_the_article(client, db):
    page = client.get("/tro-giup-phap-ly/").content.decode()
    assert "Người thuộc hộ nghèo" in page and "Người bị buộc tội từ đủ 16 tuổi đến dưới 18 tuổi" in page
    yes = client.get("/tro-giup-phap-ly/", {"ho_ngheo": "co"}).content.decode()
    assert "Bạn có thể thuộc diện" in yes and "Điều 7" in yes and "?dien=ho_ngheo" in yes
    # An elderly person without financial difficulty is not in the conditional group.
    no = client.get("/tro-giup-phap-ly/", {"cao_tuoi": "co", "kho_khan": "khong"}).content.decode()
    assert "Bạn có thể thuộc diện" not in no and "có thể không thuộc diện" in no
    assert "Bạn có thể thuộc diện" in client.get("/tro-giup-phap-ly/", {"cao_tuoi": "co", "kho_khan": "co"}).content.decode()


def test_request_is_saved_acknowledged_and_tracked_by_a_private_link(client, db, django_capture_on_commit_callbacks):
    page = client.get(URL).content.decode()
    assert "<altcha-widget" in page and "Không gửi ảnh căn cước" in page
    assert 'name="consent"' in page and "checked" not in re.search(r'<input[^>]*name="consent"[^>]*>', page).group(0)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, form_data(client))
    assert response.status_code == 302
    aid = AidRequest.objects.get()
    assert aid.status == Status.NEW and aid.phone == "0912345678" and aid.consent_version
    link = private_link(client)
    assert len(mail.outbox) == 1 and aid.tracking_code in mail.outbox[0].body and link in mail.outbox[0].body
    assert link.split("/")[-2] not in aid.token_hash  # only the hash is stored
    tracked = client.get(link)
    assert tracked.status_code == 200 and "Mới tiếp nhận" in tracked.content.decode()
    assert tracked["Referrer-Policy"] == "no-referrer"
    assert client.get("/tro-giup-phap-ly/theo-doi/sai-ma/").status_code == 404


def test_bad_captcha_honeypot_and_bad_input_keep_what_was_typed(client, db):
    bad = client.post(URL, form_data(client, altcha="eyJmYWtlIjogdHJ1ZX0=", situation=SITUATION + " riêng"))
    assert bad.status_code == 400 and "Chưa xác minh được bạn không phải máy tự động" in bad.content.decode()
    assert SITUATION + " riêng" in bad.content.decode()
    short = client.post(URL, form_data(client, situation="ngắn", phone="", email=""))
    body = short.content.decode()
    assert "Nội dung quá ngắn" in body and "số điện thoại hoặc thư điện tử" in body
    assert client.post(URL, form_data(client, website="http://spam")).status_code == 400
    assert not AidRequest.objects.exists()


def test_rate_limit_caps_one_client(client, db, settings):
    settings.LEGALAID_RATE_LIMIT_HOUR = 2
    for _ in range(2):
        assert client.post(URL, form_data(client)).status_code == 302
    blocked = client.post(URL, form_data(client, situation=SITUATION + " lần ba"))
    assert blocked.status_code == 429 and "nhiều yêu cầu" in blocked.content.decode()
    assert SITUATION + " lần ba" in blocked.content.decode()
    assert AidRequest.objects.count() == 2


def test_requester_deletes_their_data_through_the_link_and_the_registry_finds_the_rest(client, db):
    client.post(URL, form_data(client))
    link = private_link(client)
    aid = AidRequest.objects.get()
    wrong = client.post(link + "thao-tac/", {"action": "erase", "tracking_code": "TG-SAI"})
    assert wrong.status_code == 400 and AidRequest.objects.get().name
    client.post(link + "thao-tac/", {"action": "erase", "tracking_code": aid.tracking_code.lower()})
    aid.refresh_from_db()
    assert aid.status == Status.WITHDRAWN and not (aid.name or aid.phone or aid.email or aid.commune)
    assert SITUATION not in aid.situation and aid.personal_data_erased_at
    # Data-subject requests by e-mail or phone go through the shared registry.
    client.post(URL, form_data(client, email="khac@example.vn"))
    exported = personal_data.export_person(phone="0912345678")["legalaid"]
    assert [row["situation"] for row in exported] == [SITUATION]
    assert personal_data.delete_person(email="khac@example.vn")["legalaid"] == 1
    assert not AidRequest.objects.filter(email="khac@example.vn").exists()


def _staff(username: str, role: str):
    from pbgdpl.accounts.extra_roles import ensure_extra_roles
    from pbgdpl.accounts.services import ensure_editorial_setup

    ensure_editorial_setup()
    ensure_extra_roles()
    user = get_user_model().objects.create_user(username, f"{username}@so.example", "matkhau-dai-123")
    user.groups.add(Group.objects.get(name=role))
    return user


def test_only_the_legal_aid_centre_sees_the_queue(client, db):
    AidRequest.objects.create(situation=SITUATION, name="Người Riêng Tư", consent_version="x",
                              consent_at="2026-01-01T00:00:00Z", token_hash="h")
    client.force_login(_staff("bientap", "Biên tập viên"))
    assert client.get("/quan-tri/tro-giup-phap-ly/").status_code in (302, 403)
    client.force_login(_staff("ttgp", "Trung tâm trợ giúp pháp lý"))
    queue = client.get("/quan-tri/tro-giup-phap-ly/")
    assert queue.status_code == 200 and "TG-" in queue.content.decode()


def test_error_summary_names_the_consent_box_briefly(client, db):
    from pbgdpl.legalaid.forms import CONSENT_TEXT

    body = client.post(URL, form_data(client, consent="")).content.decode()
    assert 'href="#id_consent">Đồng ý xử lý thông tin cá nhân: Bạn cần đồng ý' in body
    assert body.count(str(CONSENT_TEXT)) == 1  # the box's own label, not repeated in the summary
