"""Production settings pass Django's deployment checklist with the documented environment."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys

from django.conf import settings


def run_manage(tmp_path, *args: str, **env: str) -> subprocess.CompletedProcess:
    # Only the documented variables: others tests set (DJANGO_ALLOW_ASYNC_UNSAFE for the browser
    # tests, DATABASE_URL, …) must not leak into what is checked.
    environment = {key: os.environ[key] for key in ("PATH", "HOME", "LANG", "TMPDIR") if key in os.environ}
    environment.update(DJANGO_SETTINGS_MODULE="config.settings.production", VAR_DIR=str(tmp_path), **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_reports_no_issues(tmp_path):
    result = run_manage(
        tmp_path,
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="portal.example.gov.vn",
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_refuses_to_start_without_a_real_secret_key(tmp_path):
    result = run_manage(tmp_path, "check", SECRET_KEY="short", ALLOWED_HOSTS="portal.example.gov.vn")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_staff_sessions_expire_and_cookies_stay_on_https(tmp_path):
    script = (
        "import json; from django.conf import settings as s; print(json.dumps({k: getattr(s, k) for k in "
        "['SESSION_COOKIE_AGE', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SECURE_HSTS_SECONDS', "
        "'DEBUG', 'WAGTAILADMIN_BASE_URL']}))"
    )
    result = run_manage(
        tmp_path, "shell", "-c", script, SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="portal.example.gov.vn"
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["SESSION_COOKIE_AGE"] == 8 * 3600
    assert values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"]
    assert values["SECURE_HSTS_SECONDS"] >= 31536000
    assert values["DEBUG"] is False
    assert values["WAGTAILADMIN_BASE_URL"] == "https://portal.example.gov.vn"


def test_database_pool_has_a_connection_for_every_thread_that_can_hold_one(tmp_path):
    script = ("import json; from django.conf import settings as s; "
              "print(json.dumps(s.DATABASES['default']['OPTIONS'].get('pool')))")
    base = {"SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "portal.example.gov.vn",
            "DATABASE_URL": "postgres://portal@127.0.0.1:5432/portal"}

    def pool(**env: str) -> dict:
        result = run_manage(tmp_path, "shell", "-c", script, **base, **env)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout.strip().splitlines()[-1])

    # 8 view threads, 6 threads storing widgets' messages, 2 for staff sockets.
    assert pool()["max_size"] == 16
    assert pool(WEB_THREADS="12", CHAT_DB_THREADS="4")["max_size"] == 18
    assert pool(DATABASE_POOL_MAX_SIZE="30")["max_size"] == 30
