"""Response headers of the production configuration: CSP with nonces, HSTS, cookies… graded A or better."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

from django.conf import settings as django_settings
from django.http import HttpResponse

from pbgdpl.core.security import SecurityHeadersMiddleware, build_policy
from pbgdpl.security_tests import observatory
from pbgdpl.security_tests.conftest import PRODUCTION_ENV

HTTPS = {"secure": True, "HTTP_X_FORWARDED_PROTO": "https"}


def _public_csp(response) -> dict[str, list[str]]:
    return observatory.parse_csp(response["Content-Security-Policy"])


def test_production_headers_grade_a_or_better(home, production_settings, client, make_staff):
    make_staff(username="bientap")
    page = client.get("/", **HTTPS)
    assert page.status_code == 200
    # Cookies as the site sets them: the CSRF cookie from a form page, the session cookie at login.
    form = client.get("/hoi-dap/gui-cau-hoi/", **HTTPS)
    login = client.post("/quan-tri/login/", {"username": "bientap", "password": "Mat-khau-rat-dai-2026"}, **HTTPS)
    assert login.status_code == 302
    set_cookies = [m.OutputString() for r in (form, login) for m in r.cookies.values()]
    assert {"csrftoken", "sessionid"} <= {c.split("=", 1)[0] for c in set_cookies}
    plain = client.get("/", HTTP_X_FORWARDED_PROTO="http")

    result = observatory.score(dict(page.headers), set_cookies, page.content.decode(),
                               plain.status_code, plain.headers.get("Location", ""))
    print(f"\nObservatory score {result.final} ({result.grade}):",
          {test: outcome for test, (outcome, _m) in result.results.items()})
    assert result.grade in ("A", "A+"), result.results
    assert result.results["csp"][0] == "csp-implemented-with-no-unsafe"
    assert result.results["cookies"][0] == "cookies-secure-with-httponly-sessions-and-samesite"
    assert result.results["hsts"][0] == "hsts-preloaded"
    assert plain.headers["Location"].startswith("https://")


def test_scoring_table_fails_a_site_without_headers():
    # The grader itself must be able to fail: no headers and no redirect is an F.
    result = observatory.score({}, ["sessionid=abc; Path=/"], "<script src='http://cdn.example/x.js'></script>", 200, "")
    assert result.grade == "F"


def test_public_csp_has_a_fresh_nonce_and_no_unsafe_inline(client, db):
    first = client.get("/healthz")
    second = client.get("/healthz")
    csp = _public_csp(first)
    assert "'unsafe-inline'" not in csp["script-src"] and "'unsafe-eval'" not in csp["script-src"]
    assert "'unsafe-inline'" not in csp["style-src"]
    assert csp["frame-ancestors"] == ["'none'"] and csp["object-src"] == ["'none'"]
    assert csp["frame-src"] == ["https://www.youtube-nocookie.com", "https://www.youtube.com", "https://www.facebook.com/plugins/video.php"]
    nonces = [re.search(r"'nonce-([^']+)'", r["Content-Security-Policy"]).group(1) for r in (first, second)]
    assert nonces[0] != nonces[1] and len(nonces[0]) >= 16
    for header in ("Permissions-Policy", "Cross-Origin-Resource-Policy"):
        assert first.has_header(header)


def test_nonce_in_the_header_matches_the_template(rf):
    # Wiring of middleware + context processor: what a template prints is what the header allows.
    from django.template import engines

    template = engines["django"].from_string('<script nonce="{{ csp_nonce }}">1</script>')
    middleware = SecurityHeadersMiddleware(lambda request: HttpResponse(template.render({}, request)))
    response = middleware(rf.get("/"))
    nonce = re.search(r'nonce="([^"]+)"', response.content.decode()).group(1)
    assert len(nonce) >= 16
    assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]


def test_admin_policy_is_separate_and_still_forbids_framing_by_others(client, db):
    response = client.get("/quan-tri/login/")
    csp = _public_csp(response)
    assert csp["frame-ancestors"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]


def test_build_policy_upgrades_insecure_requests_only_when_asked():
    assert "upgrade-insecure-requests" in build_policy({"default-src": ["'self'"]}, "n", True)
    assert "upgrade-insecure-requests" not in build_policy({"default-src": ["'self'"]}, "n", False)


TEMPLATE_DIRS = [Path(django_settings.BASE_DIR) / "templates",
                 *sorted((Path(django_settings.BASE_DIR) / "pbgdpl").glob("*/templates"))]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=[\"']application/(ld\+)?json)[^>]*>", re.I)
INLINE_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
STYLE_ATTR = re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I)
STATIC_HTML = sorted((Path(django_settings.BASE_DIR) / "static").rglob("*.html"))


def _public_templates():
    for directory in TEMPLATE_DIRS:
        for path in directory.rglob("*.html"):
            rel = str(path.relative_to(directory))
            if "/admin/" in f"/{rel}" or rel.startswith(("wagtailadmin/", "accounts/twofactor", "accounts/lockout")):
                continue  # admin pages run under the admin policy
            yield path


def test_public_templates_have_no_inline_script_handlers_or_styles():
    offenders = []
    for path in [*_public_templates(), *STATIC_HTML]:
        text = path.read_text(encoding="utf-8")
        for pattern, what in ((INLINE_SCRIPT, "inline <script> without nonce"), (INLINE_HANDLER, "inline event handler"),
                              (STYLE_ATTR, "style attribute")):
            for match in pattern.finditer(text):
                if what.startswith("inline <script>") and "nonce=" in match.group(0):
                    continue
                offenders.append(f"{path}: {what}: {match.group(0)[:60]}")
    assert offenders == []


# Paths the settings derive from VAR_DIR unless told otherwise: dropped so a scratch VAR_DIR holds them all.
VAR_DIR_OVERRIDES = ("DATABASE_URL", "STATIC_ROOT", "MEDIA_ROOT", "SEARCH_INDEX_DIR", "OPEN_DATA_DIR")


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    # A scratch VAR_DIR: the check neither depends on nor touches the developer's var/db.sqlite3.
    env = {**os.environ, **PRODUCTION_ENV, "SECRET_KEY": secrets.token_urlsafe(60),
           "DJANGO_SETTINGS_MODULE": "config.settings.production", "VAR_DIR": str(tmp_path)}
    for name in VAR_DIR_OVERRIDES:
        env.pop(name, None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the Playwright tests of this session, never in deployment
    proc = subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                          cwd=django_settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "no issues" in proc.stdout
    assert (tmp_path / "db.sqlite3").exists(), "the check opened a database outside the scratch VAR_DIR"
