"""A draft for comment with three articles (article 3 has two clauses), staff users of each role."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import timezone

from pbgdpl.core import captcha
from pbgdpl.legal.models import Issuer
from pbgdpl.legal.tests.factories import LegalDocumentFactory

DRAFT_TEXT = """Điều 1. Phạm vi điều chỉnh
Nghị quyết này quy định mức hỗ trợ thử nghiệm.
Điều 2. Đối tượng áp dụng
Hộ gia đình, cá nhân cư trú trên địa bàn tỉnh.
Điều 3. Mức hỗ trợ
1. Hỗ trợ 50% chi phí cho hộ nghèo.
2. Hỗ trợ 30% chi phí cho hộ cận nghèo:
a) Trong năm đầu;
b) Trong năm thứ hai."""


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    settings.ALTCHA_MAX_NUMBER = 2000  # keep the proof of work cheap in tests
    cache.clear()
    yield
    cache.clear()


def make_draft(*, opens_days=-5, closes_days=10, **values):
    today = timezone.localdate()
    return LegalDocumentFactory(
        number="", title=values.pop("title", "Dự thảo Nghị quyết quy định mức hỗ trợ thử nghiệm"),
        doc_type="Nghị quyết", issuer=Issuer.objects.get(name="Ủy ban nhân dân tỉnh"), text=values.pop("text", DRAFT_TEXT),
        is_draft_for_comment=True, comment_opens=today + datetime.timedelta(days=opens_days),
        comment_closes=today + datetime.timedelta(days=closes_days), **values,
    )


@pytest.fixture
def draft(db):
    return make_draft()


@pytest.fixture
def solved(client):
    def solve() -> str:
        return captcha.solve_for_tests(client.get("/xac-minh/thu-thach/").json())

    return solve


@pytest.fixture
def staff(db):
    from pbgdpl.accounts.extra_roles import ensure_extra_roles
    from pbgdpl.accounts.services import ensure_editorial_setup

    ensure_editorial_setup()
    ensure_extra_roles()
    User = get_user_model()

    def make(username: str, group: str):
        user = User.objects.create_user(username, f"{username}@so-tu-phap.example", "matkhau-dai-123")
        user.groups.add(Group.objects.get(name=group))
        return User.objects.get(pk=user.pk)

    return {"editor": make("bientap", "Biên tập viên"), "board": make("banbientap", "Ban biên tập"),
            "drafter": make("soanthao", "Cơ quan soạn thảo"), "answerer": make("traloi", "Người trả lời hỏi đáp")}
