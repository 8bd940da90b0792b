"""Suggestions, office hours, the hand-off to Q&A, transcript, personal data, abuse flags, retention,
and the HTTP fallback (long-polling) of the widget."""

from __future__ import annotations

import datetime
import json

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from pbgdpl.chat import assistant, hours, privacy, protocol, services
from pbgdpl.chat.filters import message_flags
from pbgdpl.chat.models import (
    BlockedClient,
    Contact,
    Conversation,
    Holiday,
    Message,
    OfficeHours,
    Sender,
    Status,
)
from pbgdpl.core import personal_data
from pbgdpl.core.ratelimit import address_key
from pbgdpl.qa.models import Question

pytestmark = pytest.mark.django_db
TOKEN = "t" * 32


def widget(frame, session=None):
    session = session or protocol.Session(client_key="client-1")
    frames = protocol.dispatch(session, frame)
    protocol.run_after_tasks(session)
    return session, frames


def test_first_message_gets_the_top_three_provisions_as_links(laws, always_open):
    session, _ = widget({"type": "hello", "token": TOKEN, "after": 0})
    widget({"type": "message", "client_id": "m1", "text": "Lãi suất cho vay tối đa là bao nhiêu phần trăm một năm?"},
           session)
    system = Message.objects.get(sender=Sender.SYSTEM)
    assert system.text == assistant.SUGGESTION_INTRO
    assert 1 <= len(system.links) <= 3
    assert any("Điều 468" in link["title"] for link in system.links)  # the article on the interest cap
    assert all(link["url"].startswith("/van-ban/") for link in system.links)
    widget({"type": "message", "client_id": "m2", "text": "Còn lãi quá hạn thì sao?"}, session)
    assert Message.objects.filter(sender=Sender.SYSTEM).count() == 1  # only after the first message


def test_office_hours_holidays_and_the_away_message():
    OfficeHours.objects.create(weekday=0, start=datetime.time(8), end=datetime.time(17))
    monday_9 = timezone.make_aware(datetime.datetime(2026, 11, 30, 9, 0))
    assert hours.is_open(monday_9)
    assert not hours.is_open(monday_9.replace(hour=18))
    assert not hours.is_open(monday_9 + datetime.timedelta(days=1))  # Tuesday: no span entered
    Holiday.objects.create(date=monday_9.date(), name="Nghỉ bù")
    assert not hours.is_open(monday_9)
    with time_machine.travel(monday_9.replace(hour=20), tick=False):
        session, _ = widget({"type": "hello", "token": TOKEN, "after": 0})
        welcome = protocol.dispatch(session, {"type": "hello", "token": TOKEN, "after": 0})[0]
        assert welcome["open"] is False
        widget({"type": "message", "client_id": "m1", "text": "Xin hỏi"}, session)
        widget({"type": "message", "client_id": "m2", "text": "Có ai không?"}, session)
    away = Message.objects.filter(sender=Sender.SYSTEM, client_id__startswith="away-")
    assert away.count() == 1 and "ngoài giờ" in away.get().text


def test_off_hours_hand_off_needs_consent_then_becomes_a_qa_question_with_tracking_link(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://pbgdpl.example.gov.vn"
    session, _ = widget({"type": "hello", "token": TOKEN, "after": 0})
    widget({"type": "message", "client_id": "m1",
            "text": "Công ty nợ lương tôi hai tháng, tôi có được nghỉ việc ngay không?"}, session)
    _, refused = widget({"type": "handoff", "name": "Trần Văn Hỏi", "email": "hoi@example.vn", "consent": False},
                        session)
    assert refused[0]["type"] == "error" and "đồng ý" in refused[0]["text"]
    _, bad = widget({"type": "handoff", "name": "Trần Văn Hỏi", "phone": "12345", "consent": True}, session)
    assert "Số điện thoại không hợp lệ" in bad[0]["text"]
    assert not Question.objects.exists()
    _, done = widget({"type": "handoff", "name": "Trần Văn Hỏi", "email": "hoi@example.vn", "consent": True},
                     session)
    question = Question.objects.get()
    assert done[0] == {"type": "handoff", "code": question.tracking_code, "link": done[0]["link"]}
    assert done[0]["link"].startswith("https://pbgdpl.example.gov.vn/hoi-dap/theo-doi/")
    assert question.consent and question.email == "hoi@example.vn" and "nợ lương" in question.text
    stored = " ".join(Message.objects.values_list("text", flat=True))
    assert question.tracking_code in stored and "/theo-doi/" not in stored  # the private link is not kept


def test_transcript_by_email_then_export_and_delete_through_the_personal_data_registry():
    session, _ = widget({"type": "hello", "token": TOKEN, "after": 0})
    widget({"type": "message", "client_id": "m1", "text": "Hỏi về thủ tục chứng thực"}, session)
    services.post_message(session.conversation, sender=Sender.NOTE, text="ghi chú nội bộ")
    _, refused = widget({"type": "transcript", "email": "not-an-address"}, session)
    assert "không hợp lệ" in refused[0]["text"]
    widget({"type": "transcript", "email": "nguoihoi@example.vn"}, session)
    assert mail.outbox[-1].to == ["nguoihoi@example.vn"]
    assert "Hỏi về thủ tục chứng thực" in mail.outbox[-1].body and "ghi chú nội bộ" not in mail.outbox[-1].body
    exported = personal_data.export_person(email="nguoihoi@example.vn")["chat"]
    assert [m["text"] for m in exported[0]["messages"]][0] == "Hỏi về thủ tục chứng thực"
    assert personal_data.delete_person(email="nguoihoi@example.vn")["chat"] == 1
    assert not Conversation.objects.exists() and not Message.objects.exists()


def test_citizen_deletes_the_conversation_from_the_widget():
    session, _ = widget({"type": "hello", "token": TOKEN, "after": 0})
    widget({"type": "message", "client_id": "m1", "text": "Xin chào"}, session)
    _, frames = widget({"type": "delete"}, session)
    assert frames == [{"type": "deleted"}]
    assert not Conversation.objects.exists() and not Contact.objects.exists()


def test_blocked_clients_spam_and_profanity():
    BlockedClient.objects.create(client_key="bad-client", reason="quấy rối")
    _, frames = widget({"type": "message", "client_id": "m1", "text": "spam"}, protocol.Session(client_key="bad-client"))
    assert frames[0]["type"] == "error" and not Message.objects.exists()
    assert message_flags("Mua ngay http://a.vn http://b.vn http://c.vn") == ["spam"]
    assert message_flags("đồ ngu") == ["profanity"]
    assert message_flags("Các bước lớn để đăng ký kết hôn") == []  # "các", "lớn" are not the insults
    session, _ = widget({"type": "hello", "token": TOKEN, "after": 0})
    widget({"type": "message", "client_id": "m2", "text": "vcl trả lời đi"}, session)
    assert Conversation.objects.get().flagged


def test_retention_deletes_old_closed_conversations():
    conversation, _ = services.start_web_conversation("old")
    services.post_message(conversation, sender=Sender.CONTACT, text="cũ")
    Conversation.objects.filter(pk=conversation.pk).update(
        status=Status.CLOSED, last_message_at=timezone.now() - datetime.timedelta(days=400))
    fresh, _ = services.start_web_conversation("fresh")
    assert privacy.apply_retention() == 1
    assert list(Conversation.objects.values_list("pk", flat=True)) == [fresh.pk]


@pytest.mark.django_db(transaction=True)  # the long poll reads from its own threads
def test_http_fallback_sends_and_long_polls_without_websockets(client, always_open, settings):
    settings.CHAT_POLL_SECONDS = 1
    send = lambda frame: client.post("/hoi-truc-tuyen/api/gui/", json.dumps(frame), content_type="application/json")  # noqa: E731
    hello = send({"type": "hello", "token": TOKEN, "after": 0}).json()["frames"]
    assert hello[0]["type"] == "welcome"
    first = send({"type": "message", "client_id": "h1", "text": "Hỏi qua HTTP", "token": TOKEN}).json()["frames"]
    again = send({"type": "message", "client_id": "h1", "text": "Hỏi qua HTTP", "token": TOKEN}).json()["frames"]
    assert [f["seq"] for f in first if f["type"] == "ack"] == [f["seq"] for f in again if f["type"] == "ack"] == [1]
    conversation = Conversation.objects.get()
    services.post_message(conversation, sender=Sender.STAFF, text="Trả lời qua HTTP")
    polled = client.get("/hoi-truc-tuyen/api/nhan/?after=1", HTTP_X_CHAT_TOKEN=TOKEN).json()["frames"]
    assert [(f["seq"], f["text"]) for f in polled] == [(2, "Trả lời qua HTTP")]
    assert client.get("/hoi-truc-tuyen/api/nhan/?after=2", HTTP_X_CHAT_TOKEN=TOKEN).json()["frames"] == []
    bad = client.post("/hoi-truc-tuyen/api/gui/", "{oops", content_type="application/json")
    assert bad.status_code == 400 and "không hợp lệ" in bad.json()["frames"][0]["text"]
    assert address_key("127.0.0.1")  # the widget's clients are keyed by a salted hash, never the address
