"""Staff login: lock-out after repeated failures, two-factor login, session limits, password rules."""

from __future__ import annotations

import re

import pytest
import time_machine
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from pbgdpl.accounts.roles import ADMINISTRATOR, EDITOR, EDITORIAL_BOARD

PASSWORD = "Mat-khau-rat-dai-2026"
LOGIN = "/quan-tri/login/"


@pytest.fixture
def two_factor(settings):
    settings.TWO_FACTOR_REQUIRED = True
    return settings


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_a_mistyped_code_does_not_delay_the_right_one(two_factor, client, make_staff):
    """Repeated failures are limited per client (pbgdpl/accounts/throttle.py), not by a device-wide delay."""
    user = make_staff(ADMINISTRATOR)
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client.force_login(user)
    assert "Mã không đúng" in client.post("/quan-tri/xac-thuc/", {"token": "12345"}).content.decode()
    assert client.post("/quan-tri/xac-thuc/", {"token": _code(device)}).status_code == 302
    assert client.get("/quan-tri/").status_code == 200


def test_five_failures_lock_the_username_from_that_address(client, make_staff):
    make_staff(username="nguyenvana")
    for _i in range(4):
        response = client.post(LOGIN, {"username": "nguyenvana", "password": "sai-mat-khau"})
        assert response.status_code == 200  # form shown again with an error
    fifth = client.post(LOGIN, {"username": "nguyenvana", "password": "sai-mat-khau"})
    assert fifth.status_code == 429
    locked = client.post(LOGIN, {"username": "nguyenvana", "password": PASSWORD})
    assert locked.status_code == 429
    assert "Tạm khóa đăng nhập" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # Another address is not locked out (per username + IP), nor another account from this one.
    make_staff(username="tranthib")
    other_user = client.post(LOGIN, {"username": "tranthib", "password": PASSWORD})
    assert other_user.status_code == 302
    client.logout()
    other_ip = client.post(LOGIN, {"username": "nguyenvana", "password": PASSWORD}, REMOTE_ADDR="10.0.0.9")
    assert other_ip.status_code == 302


def test_lock_out_ends_after_the_cool_off(client, make_staff):
    make_staff(username="lequangc")
    with time_machine.travel("2026-11-28 08:00 +07:00", tick=False) as traveller:
        for _i in range(5):
            client.post(LOGIN, {"username": "lequangc", "password": "sai"})
        assert client.post(LOGIN, {"username": "lequangc", "password": PASSWORD}).status_code == 429
        traveller.shift(16 * 60)
        assert client.post(LOGIN, {"username": "lequangc", "password": PASSWORD}).status_code == 302


@pytest.mark.parametrize("role", [ADMINISTRATOR, EDITORIAL_BOARD])
def test_required_roles_are_sent_to_enrolment_before_any_admin_page(two_factor, client, make_staff, role):
    client.force_login(make_staff(role))
    for path in ("/quan-tri/", "/quan-tri/pages/", "/quan-tri/users/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/quan-tri/xac-thuc/cai-dat/")


def test_superuser_without_group_must_enrol_too(two_factor, client, make_staff):
    client.force_login(make_staff(is_superuser=True, is_staff=True))
    assert client.get("/quan-tri/").headers["Location"].startswith("/quan-tri/xac-thuc/cai-dat/")


def test_editor_may_work_without_a_second_factor(two_factor, client, make_staff):
    client.force_login(make_staff(EDITOR))
    dashboard = client.get("/quan-tri/")
    assert dashboard.status_code == 200
    assert "/quan-tri/xac-thuc/cai-dat/" in dashboard.content.decode()  # menu entry to enrol voluntarily


def test_enrolment_with_qr_code_then_recovery_codes(two_factor, client, make_staff):
    user = make_staff(EDITORIAL_BOARD)
    client.force_login(user)
    page = client.get("/quan-tri/xac-thuc/cai-dat/?next=/quan-tri/pages/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "<svg" in html and "Khóa bí mật" in html
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    wrong = client.post("/quan-tri/xac-thuc/cai-dat/", {"token": "000000" if _code(device) != "000000" else "111111"})
    assert "Mã không đúng" in wrong.content.decode()
    done = client.post("/quan-tri/xac-thuc/cai-dat/", {"token": _code(device), "next": "/quan-tri/pages/"})
    codes = re.findall(r"<li>([a-z0-9]{8})</li>", done.content.decode())
    assert len(codes) == 10
    assert set(codes) == set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/quan-tri/").status_code == 200  # this session is verified


def test_device_owner_must_verify_and_a_valid_code_passes(two_factor, client, make_staff):
    user = make_staff(ADMINISTRATOR)
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client.force_login(user)
    response = client.get("/quan-tri/pages/")
    assert response["Location"] == "/quan-tri/xac-thuc/?next=%2Fquan-tri%2Fpages%2F"
    bad = client.post("/quan-tri/xac-thuc/", {"token": "12345", "next": "/quan-tri/pages/"})
    assert bad.status_code == 200 and "Mã không đúng" in bad.content.decode()
    good = client.post("/quan-tri/xac-thuc/", {"token": _code(device), "next": "/quan-tri/pages/"})
    assert good.status_code == 302 and good["Location"] == "/quan-tri/pages/"
    assert client.get("/quan-tri/").status_code == 200


def test_verification_never_redirects_off_site(two_factor, client, make_staff):
    user = make_staff(ADMINISTRATOR)
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client.force_login(user)
    response = client.post("/quan-tri/xac-thuc/", {"token": _code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/quan-tri/"


def test_recovery_code_works_once(two_factor, client, make_staff):
    user = make_staff(ADMINISTRATOR)
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    recovery = StaticDevice.objects.create(user=user, name="recovery", confirmed=True)
    recovery.token_set.create(token="abcd2345")
    client.force_login(user)
    assert client.post("/quan-tri/xac-thuc/", {"token": "abcd2345"}).status_code == 302
    assert client.get("/quan-tri/").status_code == 200
    client.logout()
    client.force_login(user)
    again = client.post("/quan-tri/xac-thuc/", {"token": "abcd2345"})
    assert again.status_code == 200 and "Mã không đúng" in again.content.decode()
    assert client.get("/quan-tri/").status_code == 302


def test_enrolling_a_second_device_needs_the_first(two_factor, client, make_staff):
    user = make_staff(ADMINISTRATOR)
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client.force_login(user)  # password only, e.g. a stolen one
    response = client.get("/quan-tri/xac-thuc/cai-dat/")
    assert response.status_code == 302 and response["Location"].startswith("/quan-tri/xac-thuc/?")
    assert TOTPDevice.objects.filter(user=user).count() == 1


def test_idle_and_absolute_session_limits(settings, client, make_staff):
    settings.STAFF_SESSION_IDLE_SECONDS = 30 * 60
    settings.STAFF_SESSION_MAX_SECONDS = 2 * 3600
    user = make_staff(EDITOR)
    with time_machine.travel("2026-11-28 08:00 +07:00", tick=False) as traveller:
        client.force_login(user)
        assert client.get("/quan-tri/").status_code == 200
        traveller.shift(31 * 60)  # idle too long
        response = client.get("/quan-tri/")
        assert response.status_code == 302 and response["Location"].startswith("/quan-tri/login/")
        assert "_auth_user_id" not in client.session
        client.force_login(user)
        for _i in range(4):  # active every 25 minutes: idle limit never reached…
            traveller.shift(25 * 60)
            assert client.get("/quan-tri/").status_code == 200
        traveller.shift(25 * 60)  # …but 2 h 5 min after login the session ends anyway
        assert client.get("/quan-tri/").status_code == 302


@pytest.mark.parametrize("password", ["12345678901", "password123", "bientap", "Abc12"])
def test_weak_passwords_are_refused(make_staff, password):
    user = make_staff(username="bientap")
    with pytest.raises(ValidationError):
        validate_password(password, user)
