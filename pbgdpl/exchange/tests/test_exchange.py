"""The Ministry exchange against a fake platform on loopback: OAuth2 token endpoint, push endpoint,
paged pull list. Idempotent, resumable, a token expiring mid-run is replaced, everything logged."""

from __future__ import annotations

import io
import itertools
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command

from pbgdpl.core.testing.fake_platforms import FakePlatform
from pbgdpl.exchange import client as exchange_client
from pbgdpl.exchange import pull, push
from pbgdpl.exchange.models import ExchangeRun, PulledItem
from pbgdpl.legal.models import LegalDocument
from pbgdpl.legal.tests.factories import create_document

TEXT = "Điều 1. Phạm vi\n1. Nghị định này quy định về hòa giải.\nĐiều 2. Đối tượng\nCá nhân, tổ chức."


class Ministry:
    """Token endpoint issuing numbered tokens; push and pull require a valid one."""

    def __init__(self, fake: FakePlatform):
        self.fake, self.valid, self.counter = fake, set(), itertools.count(1)
        self.fail_ids: set[str] = set()  # push answers 503 for these item ids
        self.fail_pages: set[str] = set()  # pull answers 503 for these cursors
        self.catalogue: list[dict] = []
        self.accepted: list[str] = []
        fake.answers.update({"/token": self.token, "/push": self.push, "/documents": self.documents})

    def token(self, request):
        assert request["body"]["grant_type"] == "client_credentials"
        token = f"t{next(self.counter)}"
        self.valid.add(token)
        return 200, {"access_token": token, "token_type": "Bearer", "expires_in": 3600}

    def _authorised(self, request) -> bool:
        return request["headers"].get("Authorization", "").removeprefix("Bearer ") in self.valid

    def push(self, request):
        if not self._authorised(request):
            return 401, {"error": "invalid_token"}
        if request["body"]["id"] in self.fail_ids:
            return 503, {"error": "busy"}
        self.accepted.append(request["body"]["id"])
        return 201, {"id": f"remote-{len(self.accepted)}"}

    def documents(self, request):
        if not self._authorised(request):
            return 401, {"error": "invalid_token"}
        cursor = request["query"].get("cursor", "0")
        if cursor in self.fail_pages:
            return 503, {"error": "busy"}
        start, size = int(cursor), 2
        more = start + size < len(self.catalogue)
        return 200, {"items": self.catalogue[start:start + size], "next_cursor": str(start + size) if more else None}


@pytest.fixture
def ministry(settings, monkeypatch):
    cache.delete(exchange_client.TOKEN_CACHE_KEY)
    monkeypatch.setattr(exchange_client, "BACKOFF_SECONDS", 0)
    with FakePlatform() as fake:
        settings.EXCHANGE_TOKEN_URL = fake.url + "/token"
        settings.EXCHANGE_CLIENT_ID, settings.EXCHANGE_CLIENT_SECRET = "portal", "secret"
        settings.EXCHANGE_PUSH_URL = fake.url + "/push"
        settings.EXCHANGE_PULL_URL = fake.url + "/documents"
        yield Ministry(fake)
    cache.delete(exchange_client.TOKEN_CACHE_KEY)


@pytest.mark.django_db
def test_push_sends_changes_once_and_survives_a_token_expiry(ministry):
    first = create_document("1/2024/QH15", text=TEXT)
    create_document("2/2024/QH15", text=TEXT)
    create_document("3/2024/QH15", text=TEXT, publish=False)  # never shared

    original = ministry.push

    def expire_after_first(request):  # the platform revokes the token after one accepted item
        answer = original(request)
        if len(ministry.accepted) == 1:
            ministry.valid.clear()
        return answer

    ministry.fake.answers["/push"] = expire_after_first
    run = push.push()
    assert (run.status, run.sent, run.failed) == ("ok", 2, 0)
    assert sorted(ministry.accepted) == [f"document:{first.pk}", f"document:{first.pk + 1}"]
    assert len(ministry.fake.sent_to("/token")) == 2  # one refresh after the 401
    item = ministry.fake.sent_to("/push")[0]["body"]
    assert item["type"] == "legal_document" and item["data"]["number"] == "1/2024/QH15"
    assert item["url"].endswith(first.get_absolute_url()) and len(item["content_hash"]) == 64

    again = push.push()
    assert (again.sent, again.unchanged) == (0, 2) and len(ministry.accepted) == 2
    assert len(ministry.fake.sent_to("/token")) == 2  # the token is cached

    first.summary = "Tóm tắt mới"
    first.save()
    first.save_revision().publish()
    assert push.push().sent == 1 and ministry.accepted[-1] == f"document:{first.pk}"


@pytest.mark.django_db
def test_a_failed_push_resumes_without_duplicates(ministry):
    docs = [create_document(f"{n}/2024/QH15", text=TEXT) for n in (1, 2, 3)]
    ministry.fail_ids = {f"document:{docs[1].pk}"}
    failed = push.push()
    assert failed.status == "failed" and failed.sent == 1 and "503" in failed.errors[-1]
    assert len(ministry.fake.sent_to("/push")) == 1 + exchange_client.ATTEMPTS  # retried, then stopped

    ministry.fail_ids = set()
    resumed = push.push()
    assert (resumed.status, resumed.sent, resumed.unchanged) == ("ok", 2, 1)
    assert sorted(ministry.accepted) == sorted(f"document:{d.pk}" for d in docs)  # each exactly once


def _source(n: int, **extra) -> dict:
    return {"id": f"VBQG-{n}", "number": f"{n}/2025/NĐ-CP", "title": f"Nghị định thử số {n}", "doc_type": "Nghị định",
            "issuer": "Chính phủ", "issued_on": f"2025-01-0{n}", "effective_from": "2025-03-01", "text": TEXT,
            **extra}


@pytest.mark.django_db
def test_pull_makes_unpublished_drafts_and_resumes_after_a_failure(ministry):
    ministry.catalogue = [_source(1), _source(2), _source(3), {"id": "VBQG-bad", "number": "x", "title": "Sai",
                                                               "doc_type": "Loại không có", "issuer": "Chính phủ"}]
    ministry.fail_pages = {"2"}
    first = pull.pull()
    assert (first.status, first.received) == ("failed", 2)
    assert LegalDocument.objects.filter(live=False).count() == 2

    ministry.fail_pages = set()
    ministry.valid.clear()  # the token expired between runs: fetched again on the 401
    second = pull.pull()
    assert (second.status, second.received, second.failed) == ("partial", 1, 1)
    assert "Loại không có" in second.errors[0]
    drafts = LegalDocument.objects.filter(number__endswith="/2025/NĐ-CP")
    assert drafts.count() == 3 and not drafts.filter(live=True).exists()
    draft = drafts.get(number="1/2025/NĐ-CP")
    assert draft.current_version.provisions.filter(eid="dieu-1-khoan-1").exists()
    assert PulledItem.objects.get(source_id="VBQG-1").document == draft

    third = pull.pull()  # the cursor resumes at the last page; nothing is imported twice
    assert third.received == 0 and drafts.count() == 3
    assert [r.direction for r in ExchangeRun.objects.all()] == ["pull"] * 3


@pytest.mark.django_db
def test_commands_report_and_the_admin_log_is_for_the_board(ministry, client, django_user_model):
    from django.contrib.auth.models import Group

    from pbgdpl.accounts.roles import EDITOR, EDITORIAL_BOARD
    from pbgdpl.accounts.services import ensure_editorial_setup

    ensure_editorial_setup()
    ministry.catalogue = [_source(1)]
    for name in ("exchange_pull", "exchange_push"):  # both report the run the way the admin log does
        out = io.StringIO()
        call_command(name, stdout=out)
        assert re.match(r"\S.*: gửi \d+, nhận \d+, không đổi \d+, lỗi 0\n", out.getvalue()), out.getvalue()
    board = django_user_model.objects.create_user("bbt", password="x")
    board.groups.add(Group.objects.get(name=EDITORIAL_BOARD))
    editor = django_user_model.objects.create_user("btv", password="x")
    editor.groups.add(Group.objects.get(name=EDITOR))
    client.force_login(board)
    listing = client.get("/quan-tri/trao-doi-du-lieu/")
    assert listing.status_code == 200 and "Nhận từ trục" in listing.content.decode()
    client.force_login(editor)
    assert client.get("/quan-tri/trao-doi-du-lieu/").status_code in (302, 403)


@pytest.mark.django_db
def test_commands_fail_clearly_when_the_exchange_is_not_configured(settings):
    from django.core.management.base import CommandError

    settings.EXCHANGE_TOKEN_URL = ""
    for name in ("exchange_pull", "exchange_push"):
        with pytest.raises(CommandError, match="Chưa cấu hình trục chia sẻ dữ liệu"):
            call_command(name, stdout=io.StringIO())
