"""Forum fixtures: a public and a members-only category, members, a moderator, a private search index."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache

from pbgdpl.forum import services
from pbgdpl.forum.models import Category


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def categories(db):
    return {
        "public": Category.objects.create(name="Mô hình hay", slug="mo-hinh-hay"),
        "private": Category.objects.create(name="Nội bộ hòa giải", slug="noi-bo", members_only=True),
    }


@pytest.fixture
def members(db):
    make = services.create_member
    return {
        "lan": make(username="lan", email="lan@example.vn", full_name="Trần Thị Lan", password="mat-khau-dai-2026"),
        "minh": make(username="minh", email="minh@example.vn", full_name="Lê Văn Minh", password="mat-khau-dai-2026"),
    }


@pytest.fixture
def moderator(db):
    from pbgdpl.accounts.extra_roles import ensure_extra_roles

    ensure_extra_roles()
    user = get_user_model().objects.create_user("dieuhanh", "dh@so.example", "mat-khau-dai-2026")
    user.groups.add(Group.objects.get(name="Điều hành diễn đàn"))
    return user
