"""A small real page tree and staff users for the editorial tests."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from pbgdpl.accounts import roles
from pbgdpl.accounts.services import ensure_editorial_setup
from pbgdpl.core.models import HomePage, SectionPage
from pbgdpl.news.models import ArticleIndexPage, ArticlePage


@pytest.fixture
def tree(db):
    """Home page, the three workflow sections (article indexes) and "Giới thiệu" (a plain section)."""
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Trang chủ", slug="trang-chu"))
    Site.objects.update(root_page=home)
    sections = {}
    for slug, title in [
        ("tin-tuc", "Tin tức"),
        ("huong-dan-nghiep-vu", "Hướng dẫn nghiệp vụ"),
        ("tinh-huong-phap-luat", "Tình huống pháp luật"),
    ]:
        sections[slug] = home.add_child(instance=ArticleIndexPage(title=title, slug=slug))
    about = home.add_child(instance=SectionPage(title="Giới thiệu", slug="gioi-thieu"))
    return SimpleNamespace(home=home, sections=sections, about=about)


@pytest.fixture
def editorial(tree):
    """The roles and workflow as ``bootstrap`` sets them up, plus one user per role."""
    ensure_editorial_setup()
    User = get_user_model()
    users = {}
    for key, role in [("editor", roles.EDITOR), ("board", roles.EDITORIAL_BOARD), ("administrator", roles.ADMINISTRATOR)]:
        user = User.objects.create_user(username=key, password="mật-khẩu-dài-123", email=f"{key}@example.vn")
        user.groups.add(Group.objects.get(name=role))
        users[key] = user
    return SimpleNamespace(tree=tree, **users)


@pytest.fixture
def draft_article(tree):
    """A never-published news article under /tin-tuc/ with one saved revision."""
    article = tree.sections["tin-tuc"].add_child(
        instance=ArticlePage(title="Hội nghị tập huấn pháp luật về đất đai", slug="hoi-nghi-tap-huan", live=False)
    )
    article.save_revision()
    return article
