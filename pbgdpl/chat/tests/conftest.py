from __future__ import annotations

import hashlib
import hmac
import json
import time

import pytest

from pbgdpl.core.testing.fake_platforms import FakePlatform
from pbgdpl.qa.tests.conftest import laws, search_dir  # noqa: F401 (fixtures: two small indexed laws)

ZALO_SECRET, ZALO_APP = "oa-secret-for-tests", "1234567890"
FB_SECRET, FB_VERIFY = "fb-app-secret-for-tests", "verify-me"


@pytest.fixture(autouse=True)
def _own_empty_search_index(settings, tmp_path):
    """Suggestions come from the site search: each test starts from an empty index of its own,
    whatever earlier tests left in the shared one (``search_dir``/``laws`` index what they need)."""
    from pbgdpl.search import index as index_mod

    settings.SEARCH_INDEX_DIR = tmp_path / "empty-search"
    index_mod.readers.reset()
    yield
    index_mod.readers.reset()


@pytest.fixture(autouse=True)
def _forget_away_messages():
    from pbgdpl.chat import assistant, snapshots

    assistant.forget()
    # A rolled-back test leaves no save/delete signal behind: drop what this process remembers.
    snapshots.forget()


@pytest.fixture(scope="session", autouse=True)
def _close_chat_database_threads(django_db_setup, django_db_blocker):
    """The consumers' database threads keep a connection each (CONN_MAX_AGE): closed before the
    test database is dropped, which PostgreSQL refuses while anyone is connected."""
    yield
    from pbgdpl.chat.consumers import close_database_threads

    close_database_threads()


@pytest.fixture
def fake_platform(settings):
    with FakePlatform() as fake:
        settings.ZALO_API_BASE = fake.url
        settings.ZALO_OAUTH_BASE = fake.url
        settings.MESSENGER_API_BASE = fake.url + "/v21.0"
        settings.ZALO_OA_SECRET_KEY, settings.ZALO_APP_ID = ZALO_SECRET, ZALO_APP
        settings.ZALO_APP_SECRET = "zalo-app-secret"
        settings.ZALO_ACCESS_TOKEN, settings.ZALO_REFRESH_TOKEN = "old-access", "refresh-1"
        settings.MESSENGER_APP_SECRET, settings.MESSENGER_VERIFY_TOKEN = FB_SECRET, FB_VERIFY
        settings.MESSENGER_PAGE_TOKEN = "page-token"
        yield fake


def zalo_event(text: str, msg_id: str, user: str = "zalo-user-1", timestamp: int | None = None) -> bytes:
    stamp = str(timestamp if timestamp is not None else int(time.time() * 1000))
    return json.dumps({
        "app_id": ZALO_APP, "event_name": "user_send_text", "timestamp": stamp,
        "sender": {"id": user}, "recipient": {"id": "oa-1"}, "message": {"msg_id": msg_id, "text": text},
    }, ensure_ascii=False).encode()


def zalo_signature(raw: bytes, secret: str = ZALO_SECRET) -> str:
    payload = json.loads(raw)
    digest = hashlib.sha256(payload["app_id"].encode() + raw + payload["timestamp"].encode() + secret.encode())
    return "mac=" + digest.hexdigest()


def messenger_event(text: str, mid: str, psid: str = "psid-1") -> bytes:
    return json.dumps({"object": "page", "entry": [{"id": "page-1", "time": 1, "messaging": [
        {"sender": {"id": psid}, "recipient": {"id": "page-1"}, "timestamp": 1,
         "message": {"mid": mid, "text": text}}]}]}, ensure_ascii=False).encode()


def messenger_signature(raw: bytes, secret: str = FB_SECRET) -> str:
    return "sha256=" + hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()


@pytest.fixture
def always_open(db):
    """Office hours around the clock, so tests do not depend on when they run."""
    import datetime

    from pbgdpl.chat.models import OfficeHours

    for day in range(7):
        OfficeHours.objects.create(weekday=day, start=datetime.time(0, 0), end=datetime.time(23, 59, 59))


@pytest.fixture
def agent(db):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    user = get_user_model().objects.create_user("truc", password="x" * 12, first_name="Lan")
    user.user_permissions.add(*Permission.objects.filter(
        content_type__app_label="chat", codename__in=["answer_conversation", "view_conversation"]))
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return get_user_model().objects.get(pk=user.pk)


@pytest.fixture(autouse=True)
def _fresh_office_hours():
    from pbgdpl.chat import hours

    hours.forget()
    yield
    hours.forget()
