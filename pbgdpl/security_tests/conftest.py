"""Fixtures for the security tests: the production security settings, staff users per role."""

from __future__ import annotations

import os
import runpy
import secrets
import sys
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

PRODUCTION_ENV = {
    "SECRET_KEY": secrets.token_urlsafe(60),
    "ALLOWED_HOSTS": "pbgdpl.example.gov.vn,testserver",
    "DATABASE_POOL_MAX_SIZE": "0",
}
_SECURITY_PREFIXES = ("SECURE_", "SESSION_COOKIE_", "CSRF_COOKIE_", "CSP_", "X_FRAME_OPTIONS", "SESSION_EXPIRE")


def production_security_settings() -> dict[str, object]:
    """The security-related values of config/settings/production.py, evaluated as deployed."""
    # Re-evaluate base.py too (it reads the environment at import), without disturbing the loaded one.
    with mock.patch.dict(os.environ, PRODUCTION_ENV), mock.patch.dict(sys.modules):
        sys.modules.pop("config.settings.base", None)
        sys.modules.pop("config.settings.production", None)
        values = runpy.run_module("config.settings.production")
    return {k: v for k, v in values.items() if k.startswith(_SECURITY_PREFIXES)}


@pytest.fixture
def production_settings(settings):
    for key, value in production_security_settings().items():
        setattr(settings, key, value)
    return settings


@pytest.fixture
def make_staff(db):
    """``make_staff("Ban biên tập")`` → a user in that group (created with admin access if missing)."""
    User = get_user_model()
    access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")

    def make(role: str | None = None, username: str | None = None, **extra):
        user = User.objects.create_user(username=username or f"u{secrets.token_hex(3)}",
                                        password="Mat-khau-rat-dai-2026", email="staff@example.vn", **extra)
        if role:
            group, _ = Group.objects.get_or_create(name=role)
            group.permissions.add(access)
            user.groups.add(group)
        return user

    return make


@pytest.fixture
def home(db):
    return make_home()


def make_home():
    """A home page as the site root (enough for the public base template), without the demo seed."""
    from wagtail.models import Page, Site

    from pbgdpl.core.models import HomePage

    root = Page.get_first_root_node()
    page = root.add_child(instance=HomePage(title="Trang chủ", slug="trang-chu-sec"))
    Site.objects.update(root_page=page)
    if not Site.objects.exists():
        Site.objects.create(hostname="localhost", root_page=page, is_default_site=True)
    from django.core.cache import cache

    cache.clear()
    return page
