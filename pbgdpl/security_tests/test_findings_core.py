"""Regression tests for issue 10's findings in core, accounts, news and the settings.

One test per finding (the number is in the name); each fails on the code before the fix.
"""

from __future__ import annotations

import os
import runpy
import secrets
import stat
import subprocess
import sys
from unittest import mock

import pytest
import redis
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.core.cache.backends.redis import RedisCache
from django.core.checks import run_checks
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection

from config.settings.safety import DATABASE_CACHE_TABLE
from pbgdpl.accounts.roles import ADMINISTRATOR, EDITOR
from pbgdpl.core import ratelimit
from pbgdpl.core.checks import check_shared_cache, require_shared_cache
from pbgdpl.core.setup_steps import setup_steps

User = get_user_model()


@pytest.fixture(autouse=True)
def _fresh_counters():
    """Rate-limit counters live in the cache: each test starts from none."""
    cache.clear()


def _administrator(make_staff):
    """A Quản trị (not a superuser) with every model permission, as bootstrap sets the role up."""
    user = make_staff(ADMINISTRATOR)
    Group.objects.get(name=ADMINISTRATOR).permissions.add(*Permission.objects.all())
    return user


def _user_form(target, **changes) -> dict:
    data = {"username": target.username, "email": target.email or "x@example.vn", "first_name": "Văn",
            "last_name": "Ba", "is_active": "on", "groups": [g.pk for g in target.groups.all()]}
    data.update(changes)
    return data


def test_finding_3_administrator_cannot_make_a_superuser(client, make_staff):
    client.force_login(_administrator(make_staff))
    target = make_staff(EDITOR)
    response = client.post(f"/quan-tri/users/edit/{target.pk}/", _user_form(target, is_superuser="on"))
    target.refresh_from_db()
    assert not target.is_superuser
    assert response.status_code == 302  # the rest of the edit is saved; the box is simply not offered
    assert target.first_name == "Văn"


def test_finding_3_administrator_cannot_add_someone_to_the_administrator_group(client, make_staff):
    client.force_login(_administrator(make_staff))
    target = make_staff(EDITOR)
    admin_group = Group.objects.get(name=ADMINISTRATOR)
    response = client.post(f"/quan-tri/users/edit/{target.pk}/",
                           _user_form(target, groups=[*target.groups.values_list("pk", flat=True), admin_group.pk]))
    assert response.status_code == 200
    assert "Chỉ tài khoản quản trị cấp cao (superuser)" in response.content.decode()
    assert not target.groups.filter(name=ADMINISTRATOR).exists()


def test_finding_3_administrator_cannot_edit_a_superuser(client, make_staff):
    client.force_login(_administrator(make_staff))
    root = make_staff(username="root", is_superuser=True)
    response = client.post(f"/quan-tri/users/edit/{root.pk}/", _user_form(root, password1="Mat-khau-moi-2026-x",
                                                                         password2="Mat-khau-moi-2026-x"))
    assert response.status_code == 302 and response["Location"] == "/quan-tri/"  # Wagtail's "no permission"
    root.refresh_from_db()
    assert root.check_password("Mat-khau-rat-dai-2026")


def test_finding_3_a_superuser_may_grant_both(client, make_staff):
    client.force_login(make_staff(is_superuser=True))
    target = make_staff(EDITOR)
    admin_group, _ = Group.objects.get_or_create(name=ADMINISTRATOR)
    response = client.post(f"/quan-tri/users/edit/{target.pk}/",
                           _user_form(target, is_superuser="on", groups=[admin_group.pk]))
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.is_superuser
    assert list(target.groups.values_list("name", flat=True)) == [ADMINISTRATOR]


def _settings_module(module: str, tmp_path, **env) -> dict:
    """Evaluate a settings module as a process started with exactly this environment would."""
    keep = {key: os.environ[key] for key in ("PATH", "HOME", "LANG") if key in os.environ}
    with mock.patch.dict(os.environ, {**keep, "VAR_DIR": str(tmp_path), **env}, clear=True), \
            mock.patch.dict(sys.modules):
        for name in ("config.settings.base", module):
            sys.modules.pop(name, None)
        return runpy.run_module(module)


PRODUCTION = {"SECRET_KEY": secrets.token_urlsafe(60), "ALLOWED_HOSTS": "pbgdpl.example.gov.vn",
              "DJANGO_SETTINGS_MODULE": "config.settings.production"}


def test_finding_6_production_without_redis_shares_the_database_cache(tmp_path):
    values = _settings_module("config.settings.production", tmp_path, **PRODUCTION, WEB_CONCURRENCY="3")
    assert values["CACHES"]["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    with_redis = _settings_module("config.settings.production", tmp_path, **PRODUCTION,
                                  REDIS_URL="redis://127.0.0.1:6379/7")
    assert with_redis["CACHES"]["default"]["BACKEND"] == "pbgdpl.core.redis_cache.SharedPoolRedisCache"


def test_finding_6_a_per_process_cache_with_several_workers_refuses_to_start(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.WEB_CONCURRENCY = 3
    with pytest.raises(ImproperlyConfigured, match="3 web workers"):
        require_shared_cache()
    assert [error.id for error in check_shared_cache(None)] == ["core.E001"]
    settings.WEB_CONCURRENCY = None  # the worker count unknown (production without WEB_CONCURRENCY): may be several
    assert [error.id for error in check_shared_cache(None)] == ["core.E001"]
    settings.WEB_CONCURRENCY = 1
    require_shared_cache()


def test_finding_6_the_database_cache_table_is_made_by_migrate(db, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache",
                                   "LOCATION": DATABASE_CACHE_TABLE}}
    call_command("migrate", verbosity=0)
    assert DATABASE_CACHE_TABLE in connection.introspection.table_names()


def _redis_or_skip() -> str:
    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/7")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"no Redis at {url}")
    return url


def test_finding_6_with_redis_the_fifth_failure_locks_whichever_worker_answers(monkeypatch):
    url = _redis_or_skip()
    worker_a, worker_b = RedisCache(url, {}), RedisCache(url, {})  # two processes' own clients
    key = f"findings-core:login-failures:{secrets.token_hex(4)}"
    seen = []
    for attempt in range(5):
        monkeypatch.setattr(ratelimit, "_store", worker_a if attempt % 2 == 0 else worker_b)
        seen.append(ratelimit.hit(key, window=60))
    assert seen == [1, 2, 3, 4, 5]
    for worker in (worker_a, worker_b):
        monkeypatch.setattr(ratelimit, "_store", worker)
        assert ratelimit.count(key) == 5
    worker_a.delete(key)


def test_finding_7_make_run_on_a_reachable_address_is_locked_down(tmp_path):
    values = _settings_module("config.settings.dev", tmp_path, BIND_HOST="0.0.0.0", DEBUG="1",
                              BASE_URL="http://192.168.1.20:8000")
    assert values["DEBUG"] is False
    assert "*" not in values["ALLOWED_HOSTS"] and "192.168.1.20" in values["ALLOWED_HOSTS"]
    key_file = tmp_path / "secret_key"
    assert values["SECRET_KEY"] == key_file.read_text().strip() and len(values["SECRET_KEY"]) >= 50
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    again = _settings_module("config.settings.dev", tmp_path, BIND_HOST="127.0.0.1")
    assert again["SECRET_KEY"] == values["SECRET_KEY"]  # kept: sessions survive a restart
    assert again["DEBUG"] is True and "*" not in again["ALLOWED_HOSTS"]
    elsewhere = _settings_module("config.settings.dev", tmp_path / "other")
    assert elsewhere["SECRET_KEY"] != values["SECRET_KEY"]  # every installation has its own


def test_finding_16_sitemap_uses_base_url_and_check_deploy_refuses_localhost(client, home, settings):
    from wagtail.models import Site

    Site.objects.update(hostname="localhost", port=80)
    assert "core.E002" in [e.id for e in run_checks(include_deployment_checks=True, tags=["sites"])]
    settings.WAGTAILADMIN_BASE_URL = "https://pbgdpl.example.gov.vn"
    [step] = [step for step in setup_steps() if step.name == "site-address"]
    step.func()  # as bootstrap does on every start
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "<loc>https://pbgdpl.example.gov.vn/</loc>" in sitemap
    assert "localhost" not in sitemap
    assert "core.E002" not in [e.id for e in run_checks(include_deployment_checks=True, tags=["sites"])]
    Site.objects.update(hostname="cong.example.vn", port=443)  # set by an operator: left alone
    step.func()
    assert Site.objects.get().hostname == "cong.example.vn"


def test_finding_16_admin_pages_load_no_gravatar(client, make_staff):
    client.force_login(make_staff(EDITOR))
    assert "gravatar.com" not in client.get("/quan-tri/").content.decode()


def test_finding_12_a_password_alone_opens_no_login_restricted_document(client, make_staff, settings, tmp_path):
    from django.core.files.base import ContentFile
    from django_otp.plugins.otp_totp.models import TOTPDevice
    from wagtail.documents import get_document_model
    from wagtail.models import Collection, CollectionViewRestriction

    settings.TWO_FACTOR_REQUIRED = True
    settings.MEDIA_ROOT = tmp_path
    collection = Collection.get_first_root_node().add_child(name="Nội bộ")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
    document = get_document_model().objects.create(
        title="Kế hoạch nội bộ", collection=collection, file=ContentFile(b"bi mat noi bo", name="ke-hoach.txt"))
    user = make_staff(ADMINISTRATOR)
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client.force_login(user)  # the password step only
    response = client.get(f"/tai-lieu/{document.pk}/{document.filename}")
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert b"bi mat noi bo" not in b"".join(getattr(response, "streaming_content", [response.content]))
    assert client.get("/quan-tri/xac-thuc/").status_code == 200  # the second step itself stays open


def _totp(device) -> str:
    from django_otp.oath import totp

    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_finding_11_wrong_codes_lock_that_client_not_the_owner(make_staff, settings):
    from django.test import Client
    from django_otp.plugins.otp_totp.models import TOTPDevice

    settings.TWO_FACTOR_REQUIRED = True
    user = make_staff(ADMINISTRATOR)
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    wrong = "000000" if _totp(device) != "000000" else "111111"
    attacker = Client(REMOTE_ADDR="203.0.113.7")
    attacker.force_login(user)  # knows the password
    for _attempt in range(5):
        attacker.post("/quan-tri/xac-thuc/", {"token": wrong})
    blocked = attacker.post("/quan-tri/xac-thuc/", {"token": _totp(device)})
    assert blocked.status_code == 429 and "Hãy chờ 15 phút" in blocked.content.decode()
    owner = Client(REMOTE_ADDR="198.51.100.2")
    owner.force_login(user)
    assert owner.post("/quan-tri/xac-thuc/", {"token": _totp(device)}).status_code == 302
    assert owner.get("/quan-tri/").status_code == 200
    # Many clients together hit the slower account-wide limit.
    for n in range(6):
        other = Client(REMOTE_ADDR=f"203.0.113.{20 + n}")
        other.force_login(user)
        for _attempt in range(5):
            other.post("/quan-tri/xac-thuc/", {"token": wrong})
    latecomer = Client(REMOTE_ADDR="203.0.113.99")
    latecomer.force_login(user)
    assert latecomer.post("/quan-tri/xac-thuc/", {"token": _totp(device)}).status_code == 429


def test_finding_10_password_reset_emails_are_limited(client, make_staff, mailoutbox):
    make_staff(username="nguoinhan")
    statuses = [client.post("/quan-tri/password_reset/", {"email": "staff@example.vn"}).status_code
                for _attempt in range(11)]
    assert len(mailoutbox) == 3
    assert statuses[:3] == [302] * 3 and set(statuses[3:]) == {429}
    refused = client.post("/quan-tri/password_reset/", {"email": "staff@example.vn"})
    assert "Hãy thử lại sau một giờ" in refused.content.decode()
    assert 'value="staff@example.vn"' in refused.content.decode()  # what was typed is kept
    for n in range(12):  # one client trying many addresses
        client.post("/quan-tri/password_reset/", {"email": f"khac{n}@example.vn"}, REMOTE_ADDR="203.0.113.50")
    assert client.post("/quan-tri/password_reset/", {"email": "moi@example.vn"},
                       REMOTE_ADDR="203.0.113.50").status_code == 429


def test_finding_15_an_editor_cannot_delete_another_editors_draft(client, home, make_staff):
    from pbgdpl.accounts.roles import EDITORIAL_BOARD
    from pbgdpl.accounts.services import ensure_editorial_setup
    from pbgdpl.news.models import ArticleIndexPage, ArticlePage

    ensure_editorial_setup()
    section = home.add_child(instance=ArticleIndexPage(title="Tin tức", slug="tin-tuc"))
    author, colleague = make_staff(EDITOR), make_staff(EDITOR)
    theirs = section.add_child(instance=ArticlePage(title="Bản nháp của đồng nghiệp", slug="nhap-1", live=False,
                                                    owner=author))
    mine = section.add_child(instance=ArticlePage(title="Bản nháp của tôi", slug="nhap-2", live=False,
                                                  owner=colleague))
    client.force_login(colleague)
    refused = client.post(f"/quan-tri/pages/{theirs.pk}/delete/", follow=True)
    assert ArticlePage.objects.filter(pk=theirs.pk).exists()
    assert "Bạn chỉ được xóa trang do chính mình tạo" in refused.content.decode()
    bulk = client.post(f"/quan-tri/bulk/wagtailcore/page/delete/?id={theirs.pk}&next=/quan-tri/")
    assert bulk.status_code == 302 and ArticlePage.objects.filter(pk=theirs.pk).exists()
    client.post(f"/quan-tri/pages/{mine.pk}/delete/")
    assert not ArticlePage.objects.filter(pk=mine.pk).exists()  # their own draft: allowed
    client.force_login(make_staff(EDITORIAL_BOARD))
    client.post(f"/quan-tri/pages/{theirs.pk}/delete/")
    assert not ArticlePage.objects.filter(pk=theirs.pk).exists()  # the board may


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://tep.example.vn/a.pdf", "data:text/html,<b>x</b>",
                                 "//evil.example/"])
def test_finding_13_staff_link_fields_accept_web_addresses_only(url):
    from django.core.exceptions import ValidationError

    from pbgdpl.core.models import NationalDatabaseLink, PortalSettings

    for field in (PortalSettings._meta.get_field("facebook_url"), PortalSettings._meta.get_field("zalo_url"),
                  NationalDatabaseLink._meta.get_field("url")):
        with pytest.raises(ValidationError, match="bắt đầu bằng https:// hoặc http://"):
            field.clean(url, None)
        assert field.clean("https://vbpl.vn/", None) == "https://vbpl.vn/"


def test_finding_6_two_production_processes_without_redis_count_together(tmp_path):
    """Two web workers are two processes: the fifth failure must be the fifth whichever one counts it."""
    from django.conf import settings as django_settings

    environment = {key: os.environ[key] for key in ("PATH", "HOME", "LANG") if key in os.environ}
    environment.update(PRODUCTION, VAR_DIR=str(tmp_path), DATABASE_POOL_MAX_SIZE="0", WEB_CONCURRENCY="3")

    def manage(*args: str) -> str:
        result = subprocess.run([sys.executable, "manage.py", *args], cwd=django_settings.BASE_DIR, env=environment,
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""

    manage("createcachetable")  # what migrate does (test_finding_6_the_database_cache_table_is_made_by_migrate)
    count = "from pbgdpl.core import ratelimit; print([ratelimit.hit('login-failures:0912000001', 900) for _ in range({})][-1])"
    assert manage("shell", "-c", count.format(3)) == "3"  # worker 1
    assert manage("shell", "-c", count.format(2)) == "5"  # worker 2 sees worker 1's failures
