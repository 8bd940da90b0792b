"""``manage.py bootstrap``: first run prepares everything, later runs change nothing."""

from __future__ import annotations

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import GroupPagePermission, Site

from pbgdpl.accounts import roles
from pbgdpl.core import demo, system_tools
from pbgdpl.core.management.commands import bootstrap as bootstrap_command
from pbgdpl.core.models import HomePage


def run_bootstrap(*args: str) -> str:
    out = io.StringIO()
    call_command("bootstrap", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def only_test_loader(monkeypatch):
    calls = []

    def loader(stdout):
        calls.append(stdout)
        return "3 văn bản mẫu"

    monkeypatch.setattr(demo, "_loaders", {})
    demo.register_demo_loader("test-loader", loader)
    return calls


def test_first_run_creates_the_admin_and_prints_the_password_once(db, monkeypatch):
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    output = run_bootstrap("--no-demo")
    password = re.search(r"Password: (\S+)", output).group(1)
    assert len(password) >= 16
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password(password)
    assert "/quan-tri/" in output

    again = run_bootstrap("--no-demo")
    assert "Password:" not in again
    assert "changepassword admin" in again
    assert get_user_model().objects.get(username="admin").check_password(password)


def test_admin_password_comes_from_the_environment(db, monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "Sở-Tư-pháp-2026")
    output = run_bootstrap("--no-demo")
    assert "Password:" not in output
    assert get_user_model().objects.get(username="admin").check_password("Sở-Tư-pháp-2026")


def test_weak_admin_password_is_refused(db, monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "123456")
    with pytest.raises(CommandError, match="ADMIN_PASSWORD"):
        run_bootstrap("--no-demo")
    assert not get_user_model().objects.filter(username="admin").exists()


def test_page_tree_roles_and_workflow_without_demo_content(db, only_test_loader):
    """A real site (--no-demo) gets the page tree and everything attached to its sections."""
    output = run_bootstrap("--no-demo")
    assert "site-tree: trang chủ và" in output
    assert "áp dụng quy trình cho /tin-tuc/, /huong-dan-nghiep-vu/, /tinh-huong-phap-luat/" in output
    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert home.news_index.slug == "tin-tuc" and home.featured_sections.count() >= 5
    board = Group.objects.get(name=roles.EDITORIAL_BOARD)
    assert GroupPagePermission.objects.filter(group=board, page=home, permission__codename="publish_page").exists()
    assert only_test_loader == []

    again = run_bootstrap("--no-demo")
    assert "site-tree:" not in again and "editorial-roles:" not in again  # nothing left to do
    assert HomePage.objects.count() == 1


def test_demo_loaders_run_on_every_start(db, only_test_loader):
    assert "Demo loader test-loader: 3 văn bản mẫu" in run_bootstrap()
    run_bootstrap()
    assert len(only_test_loader) == 2  # loaders run every time and must be idempotent themselves


def test_no_demo_skips_demo_loaders(db, only_test_loader):
    run_bootstrap("--no-demo")
    assert only_test_loader == []


def test_bootstrap_with_the_real_seed_guards_the_three_article_sections(db, only_test_loader):
    run_bootstrap()
    home = HomePage.objects.get()
    for slug in roles.WORKFLOW_SECTION_SLUGS:
        section = home.get_children().get(slug=slug)
        assert section.get_workflow().name == roles.WORKFLOW_NAME
    assert home.get_children().get(slug="gioi-thieu").get_workflow() is None


def test_unmigrated_database_gets_a_clear_message(db, monkeypatch):
    monkeypatch.setattr(
        bootstrap_command.MigrationExecutor, "migration_plan", lambda self, targets: [("core", "9999_future")]
    )
    with pytest.raises(CommandError, match="run 'python manage.py migrate' first"):
        run_bootstrap("--no-demo")
    assert not get_user_model().objects.exists()


def test_a_broken_demo_loader_is_reported_and_the_others_still_run(db, monkeypatch):
    ran = []

    def broken(stdout):
        get_user_model().objects.create(username="half-loaded")
        raise RuntimeError("tệp dữ liệu mẫu hỏng")

    monkeypatch.setattr(demo, "_loaders", {})
    demo.register_demo_loader("aa-broken", broken, order=1)
    demo.register_demo_loader("zz-working", lambda stdout: ran.append(True) or "ok", order=2)
    out, err = io.StringIO(), io.StringIO()
    call_command("bootstrap", stdout=out, stderr=err)
    assert "Demo loader aa-broken failed" in err.getvalue()
    assert "tệp dữ liệu mẫu hỏng" in err.getvalue()
    assert ran == [True]
    assert not get_user_model().objects.filter(username="half-loaded").exists()
    assert "Bootstrap finished" in out.getvalue()


def test_a_demo_loader_needing_a_missing_program_is_skipped_with_the_package_to_install(db, monkeypatch, caplog):
    ran = []
    absent = system_tools.SystemTool("ffmpeg", "ffmpeg", programs=("ffmpeg-not-installed-here",))
    monkeypatch.setattr(demo, "_loaders", {})
    demo.register_demo_loader("aa-video", lambda stdout: ran.append("video"), order=1, requires=(absent,))
    demo.register_demo_loader("zz-text", lambda stdout: ran.append("text"), order=2)
    out, err = io.StringIO(), io.StringIO()
    call_command("bootstrap", stdout=out, stderr=err)
    assert ran == ["text"]
    assert "Demo loader aa-video skipped: this machine lacks ffmpeg (Debian package ffmpeg)" in err.getvalue()
    assert "scripts/system-packages.sh" in err.getvalue()
    assert "Traceback" not in err.getvalue() + caplog.text


def test_set_up_steps_run_without_demo_content(db):
    """A real site (--no-demo) still gets what apps register, e.g. legal documents under review."""
    from wagtail.models import WorkflowContentType

    from pbgdpl.legal.models import LegalDocument

    run_bootstrap("--no-demo")
    link = WorkflowContentType.objects.get(content_type__model=LegalDocument._meta.model_name)
    assert link.workflow.name == roles.WORKFLOW_NAME


def test_bootstrap_creates_the_least_privilege_extra_roles(db):
    from pbgdpl.accounts.extra_roles import EXTRA_ROLE_NAMES

    run_bootstrap("--no-demo")
    assert set(EXTRA_ROLE_NAMES) <= set(Group.objects.values_list("name", flat=True))
