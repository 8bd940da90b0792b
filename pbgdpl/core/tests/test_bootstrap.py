"""``manage.py bootstrap``: first run prepares everything, later runs change nothing."""

from __future__ import annotations

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import GroupPagePermission, Page, Site

from pbgdpl.accounts import roles
from pbgdpl.core import demo
from pbgdpl.core.management.commands import bootstrap as bootstrap_command
from pbgdpl.core.models import HomePage


def run_bootstrap(*args: str) -> str:
    out = io.StringIO()
    call_command("bootstrap", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def no_seed_demo(monkeypatch):
    """Pretend seed_demo is not installed, so these tests do not depend on the site's seed."""
    monkeypatch.setattr(bootstrap_command, "get_commands", lambda: {})


@pytest.fixture
def only_test_loader(monkeypatch):
    calls = []

    def loader(stdout):
        calls.append(stdout)
        return "3 văn bản mẫu"

    monkeypatch.setattr(demo, "_loaders", {})
    demo.register_demo_loader("test-loader", loader)
    return calls


def test_first_run_creates_the_admin_and_prints_the_password_once(db, monkeypatch, no_seed_demo):
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


def test_admin_password_comes_from_the_environment(db, monkeypatch, no_seed_demo):
    monkeypatch.setenv("ADMIN_PASSWORD", "Sở-Tư-pháp-2026")
    output = run_bootstrap("--no-demo")
    assert "Password:" not in output
    assert get_user_model().objects.get(username="admin").check_password("Sở-Tư-pháp-2026")


def test_weak_admin_password_is_refused(db, monkeypatch, no_seed_demo):
    monkeypatch.setenv("ADMIN_PASSWORD", "123456")
    with pytest.raises(CommandError, match="ADMIN_PASSWORD"):
        run_bootstrap("--no-demo")
    assert not get_user_model().objects.filter(username="admin").exists()


def test_missing_seed_command_is_explained(db, no_seed_demo, only_test_loader):
    output = run_bootstrap()
    assert "seed_demo command is not installed" in output
    assert {group.name for group in Group.objects.all()} >= set(roles.ROLE_NAMES)


def test_seed_runs_only_without_home_page_and_roles_follow(db, monkeypatch, only_test_loader):
    seeded = []

    def fake_call_command(name, *args, **kwargs):
        # Stands in for the site's seed_demo: it builds the home page and the news section.
        seeded.append(name)
        home = Page.get_first_root_node().add_child(instance=HomePage(title="Trang chủ", slug="trang-chu"))
        Site.objects.update(root_page=home)
        from pbgdpl.news.models import ArticleIndexPage

        home.add_child(instance=ArticleIndexPage(title="Tin tức", slug="tin-tuc"))

    monkeypatch.setattr(bootstrap_command, "get_commands", lambda: {"seed_demo": "pbgdpl.news"})
    monkeypatch.setattr(bootstrap_command, "call_command", fake_call_command)
    output = run_bootstrap()
    assert seeded == ["seed_demo"]
    assert "Workflow assigned to: /tin-tuc/." in output
    assert "/huong-dan-nghiep-vu/" in output  # reported as missing
    assert "Demo loader test-loader: 3 văn bản mẫu" in output
    home = HomePage.objects.get()
    board = Group.objects.get(name=roles.EDITORIAL_BOARD)
    assert GroupPagePermission.objects.filter(group=board, page=home, permission__codename="publish_page").exists()

    output = run_bootstrap()
    assert seeded == ["seed_demo"]
    assert "Editorial roles and workflow are up to date." in output
    assert len(only_test_loader) == 2  # loaders run every time and must be idempotent themselves


def test_no_demo_skips_demo_loaders(db, no_seed_demo, only_test_loader):
    run_bootstrap("--no-demo")
    assert only_test_loader == []


def test_bootstrap_with_the_real_seed_guards_the_three_article_sections(db, only_test_loader):
    output = run_bootstrap()
    assert "Workflow assigned to: /tin-tuc/, /huong-dan-nghiep-vu/, /tinh-huong-phap-luat/." in output
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


def test_a_broken_demo_loader_is_reported_and_the_others_still_run(db, monkeypatch, no_seed_demo):
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


def test_set_up_steps_run_without_demo_content(db, no_seed_demo):
    """A real site (--no-demo) still gets what apps register, e.g. legal documents under review."""
    from wagtail.models import WorkflowContentType

    from pbgdpl.legal.models import LegalDocument

    run_bootstrap("--no-demo")
    link = WorkflowContentType.objects.get(content_type__model=LegalDocument._meta.model_name)
    assert link.workflow.name == roles.WORKFLOW_NAME


def test_bootstrap_creates_the_least_privilege_extra_roles(db, no_seed_demo):
    from pbgdpl.accounts.extra_roles import EXTRA_ROLE_NAMES

    run_bootstrap("--no-demo")
    assert set(EXTRA_ROLE_NAMES) <= set(Group.objects.values_list("name", flat=True))
