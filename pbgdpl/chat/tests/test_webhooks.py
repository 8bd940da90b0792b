"""Zalo and Messenger webhooks against fake platform servers on loopback."""

from __future__ import annotations

import time

import pytest

from pbgdpl.chat import delivery, services
from pbgdpl.chat.models import Channel, Conversation, Delivery, DeliveryStatus, Message, Sender

from .conftest import messenger_event, messenger_signature, zalo_event, zalo_signature

pytestmark = pytest.mark.django_db


def post_zalo(client, raw, signature):
    return client.post("/webhooks/zalo/", raw, content_type="application/json", HTTP_X_ZEVENT_SIGNATURE=signature)


def post_messenger(client, raw, signature):
    return client.post("/webhooks/messenger/", raw, content_type="application/json",
                       HTTP_X_HUB_SIGNATURE_256=signature)


def test_signed_zalo_message_delivered_three_times_is_stored_once(client, fake_platform, always_open):
    raw = zalo_event("Tôi muốn hỏi về thủ tục đăng ký kết hôn", "zmsg-1")
    assert post_zalo(client, raw, "mac=00").status_code == 403  # a first request pays the process's start-up
    answers, elapsed = [], []
    for _ in range(3):
        started = time.perf_counter()
        answers.append(post_zalo(client, raw, zalo_signature(raw)))  # automatic replies are queued
        elapsed.append(time.perf_counter() - started)
    assert [a.status_code for a in answers] == [200, 200, 200]
    assert max(elapsed) < 2.0  # Zalo retries a webhook that has not answered within 2 s
    messages = Message.objects.filter(channel=Channel.ZALO, sender=Sender.CONTACT)
    assert [m.text for m in messages] == ["Tôi muốn hỏi về thủ tục đăng ký kết hôn"]
    assert Conversation.objects.get().contact.external_id == "zalo-user-1"


def test_wrongly_signed_or_replayed_zalo_event_gets_403_and_stores_nothing(client, fake_platform):
    raw = zalo_event("Xin chào", "zmsg-2")
    assert post_zalo(client, raw, zalo_signature(raw, secret="not-the-secret")).status_code == 403
    assert post_zalo(client, raw, "").status_code == 403
    old = zalo_event("Xin chào", "zmsg-3", timestamp=int((time.time() - 3600) * 1000))
    assert post_zalo(client, old, zalo_signature(old)).status_code == 403
    assert post_zalo(client, b"{not json", "mac=00").status_code == 403
    assert not Message.objects.exists()


def test_signed_messenger_message_delivered_three_times_is_stored_once(client, fake_platform, always_open,
                                                                       django_capture_on_commit_callbacks):
    raw = messenger_event("Cho tôi hỏi về thừa kế đất đai", "m_abc")
    with django_capture_on_commit_callbacks(execute=True):
        answers = [post_messenger(client, raw, messenger_signature(raw)) for _ in range(3)]
    assert [a.status_code for a in answers] == [200, 200, 200]
    assert list(Message.objects.filter(sender=Sender.CONTACT).values_list("text", flat=True)) == [
        "Cho tôi hỏi về thừa kế đất đai"]


def test_wrongly_signed_messenger_event_gets_403_and_stores_nothing(client, fake_platform):
    raw = messenger_event("Xin chào", "m_x")
    assert post_messenger(client, raw, messenger_signature(raw, secret="wrong")).status_code == 403
    assert post_messenger(client, raw, "sha1=abc").status_code == 403
    assert not Message.objects.exists()


def test_messenger_verification_answers_the_challenge_only_with_the_right_token(client, fake_platform):
    ok = client.get("/webhooks/messenger/", {"hub.mode": "subscribe", "hub.verify_token": "verify-me",
                                             "hub.challenge": "1158201444"})
    assert (ok.status_code, ok.content) == (200, b"1158201444")
    wrong = client.get("/webhooks/messenger/", {"hub.mode": "subscribe", "hub.verify_token": "guess",
                                                "hub.challenge": "1158201444"})
    assert wrong.status_code == 403 and b"1158201444" not in wrong.content


def test_staff_reply_reaches_zalo_and_an_expired_token_is_refreshed(fake_platform, agent, always_open,
                                                                   django_capture_on_commit_callbacks):
    conversation = services.platform_conversation(Channel.ZALO, "zalo-user-9")
    fake_platform.answers["/v3.0/oa/message/cs"] = [(200, {"error": -216, "message": "Access token is invalid"}),
                                                    (200, {"error": 0})]
    fake_platform.answers["/v4/oa/access_token"] = [(200, {"access_token": "new-access", "refresh_token": "refresh-2",
                                                           "expires_in": "90000"})]
    with django_capture_on_commit_callbacks(execute=True):
        services.post_message(conversation, sender=Sender.STAFF, text="Chào bạn, Sở Tư pháp xin trả lời…",
                              author=agent, client_id="s1")
    sends = fake_platform.sent_to("/v3.0/oa/message/cs")
    assert [s["headers"]["access_token"] for s in sends] == ["old-access", "new-access"]
    assert sends[-1]["body"] == {"recipient": {"user_id": "zalo-user-9"},
                                 "message": {"text": "Chào bạn, Sở Tư pháp xin trả lời…"}}
    refresh = fake_platform.sent_to("/v4/oa/access_token")[0]
    assert refresh["body"]["refresh_token"] == "refresh-1" and refresh["headers"]["secret_key"] == "zalo-app-secret"
    assert Delivery.objects.get().status == DeliveryStatus.SENT


def test_messenger_reply_is_retried_after_a_server_error(fake_platform, agent, always_open,
                                                         django_capture_on_commit_callbacks):
    import datetime

    from django.utils import timezone

    conversation = services.platform_conversation(Channel.MESSENGER, "psid-7")
    services.post_message(conversation, sender=Sender.CONTACT, text="Cho tôi hỏi", platform_id="m_in")
    fake_platform.answers["/v21.0/me/messages"] = [(500, {}), (200, {"message_id": "m_1"})]
    with django_capture_on_commit_callbacks(execute=True):
        services.post_message(conversation, sender=Sender.STAFF, text="Đã nhận câu hỏi", author=agent)
    pending = Delivery.objects.get()
    assert (pending.status, pending.attempts) == (DeliveryStatus.PENDING, 1)
    assert delivery.due() == []  # not before its retry time
    later = timezone.now() + datetime.timedelta(seconds=15)
    assert delivery.due(later) == [pending.pk]
    assert delivery.attempt(pending.pk, now=later) == DeliveryStatus.SENT
    sends = fake_platform.sent_to("/v21.0/me/messages")
    assert len(sends) == 2
    assert sends[-1]["body"]["messaging_type"] == "RESPONSE"
    assert sends[-1]["headers"]["Authorization"] == "Bearer page-token"


def test_messenger_reply_after_24_hours_is_not_sent_and_staff_are_told(fake_platform, agent, always_open,
                                                                      django_capture_on_commit_callbacks):
    import datetime

    from django.utils import timezone

    conversation = services.platform_conversation(Channel.MESSENGER, "psid-8")
    services.post_message(conversation, sender=Sender.CONTACT, text="Hỏi cũ", platform_id="m_old",
                          now=timezone.now() - datetime.timedelta(hours=25))
    with django_capture_on_commit_callbacks(execute=True):
        services.post_message(conversation, sender=Sender.STAFF, text="Trả lời muộn", author=agent)
    assert fake_platform.sent_to("/v21.0/me/messages") == []
    assert Delivery.objects.get().status == DeliveryStatus.FAILED
    note = Message.objects.get(sender=Sender.NOTE)
    assert "24 giờ" in note.text


def test_links_in_replies_reach_messenger_as_buttons_and_zalo_whole(fake_platform, agent, always_open, settings,
                                                                    django_capture_on_commit_callbacks):
    settings.WAGTAILADMIN_BASE_URL = "https://pbgdpl.example.vn"
    provision = "https://pbgdpl.example.vn/van-ban/bo-luat-lao-dong-2019/#dieu-35"
    messenger_conv = services.platform_conversation(Channel.MESSENGER, "psid-links")
    services.post_message(messenger_conv, sender=Sender.CONTACT, text="Nghỉ việc cần báo trước?", platform_id="m_l")
    zalo_conv = services.platform_conversation(Channel.ZALO, "zalo-links")
    with django_capture_on_commit_callbacks(execute=True):
        services.post_message(messenger_conv, sender=Sender.STAFF, author=agent,
                              text=f"Bạn xem Điều 35 tại {provision}.")
        services.post_message(zalo_conv, sender=Sender.STAFF, author=agent,
                              text="Xem /van-ban/bo-luat-lao-dong-2019/#dieu-35 nhé")
    template = fake_platform.sent_to("/v21.0/me/messages")[-1]["body"]["message"]["attachment"]["payload"]
    assert template["template_type"] == "button" and provision in template["text"]
    assert template["buttons"] == [{"type": "web_url", "url": provision, "title": "Mở liên kết"}]
    zalo_text = fake_platform.sent_to("/v3.0/oa/message/cs")[-1]["body"]["message"]["text"]
    assert zalo_text == f"Xem {provision} nhé"
    # Suggestions (links stored with a system message) go out as numbered lines with whole addresses.
    with django_capture_on_commit_callbacks(execute=True):
        services.post_message(zalo_conv, sender=Sender.SYSTEM, text="Gợi ý:",
                              links=[{"title": "Điều 35. Quyền đơn phương chấm dứt hợp đồng",
                                      "url": "/van-ban/bo-luat-lao-dong-2019/#dieu-35"}])
    assert fake_platform.sent_to("/v3.0/oa/message/cs")[-1]["body"]["message"]["text"] == (
        f"Gợi ý:\n1. Điều 35. Quyền đơn phương chấm dứt hợp đồng\n{provision}")


def test_a_reply_too_long_for_zalo_goes_in_parts_in_order_and_a_retry_sends_only_what_is_missing(
        fake_platform, agent, always_open, django_capture_on_commit_callbacks):
    import datetime

    from django.utils import timezone

    conversation = services.platform_conversation(Channel.ZALO, "zalo-long")
    paragraphs = [f"Phần {n}. " + "Theo quy định của pháp luật, người lao động được hưởng quyền này. " * 22
                  for n in (1, 2, 3)]
    assert all(1400 < len(p) < 2000 for p in paragraphs)  # two together exceed Zalo's 2,000 characters
    # The second part meets a server error once.
    fake_platform.answers["/v3.0/oa/message/cs"] = [(200, {"error": 0}), (500, {}), (200, {"error": 0})]
    with django_capture_on_commit_callbacks(execute=True):
        services.post_message(conversation, sender=Sender.STAFF, author=agent, text="\n\n".join(paragraphs))
    pending = Delivery.objects.get()
    assert pending.status == DeliveryStatus.PENDING
    assert delivery.attempt(pending.pk, now=timezone.now() + datetime.timedelta(seconds=15)) == DeliveryStatus.SENT
    texts = [s["body"]["message"]["text"] for s in fake_platform.sent_to("/v3.0/oa/message/cs")]
    assert texts == [paragraphs[0].strip(), paragraphs[1].strip(), paragraphs[1].strip(), paragraphs[2].strip()]


def test_a_long_messenger_reply_goes_as_text_then_its_links_as_buttons_on_the_last_part(
        fake_platform, agent, always_open, settings, django_capture_on_commit_callbacks):
    settings.WAGTAILADMIN_BASE_URL = "https://pbgdpl.example.vn"
    provision = "https://pbgdpl.example.vn/van-ban/bo-luat-lao-dong-2019/#dieu-35"
    conversation = services.platform_conversation(Channel.MESSENGER, "psid-long")
    services.post_message(conversation, sender=Sender.CONTACT, text="Nghỉ việc cần báo trước?", platform_id="m_long")
    explanation = "Người lao động có quyền đơn phương chấm dứt hợp đồng lao động nhưng phải báo trước. " * 23
    assert 1900 < len(explanation) < 2000  # with the last paragraph, over Messenger's 2,000 characters
    with django_capture_on_commit_callbacks(execute=True):
        services.post_message(conversation, sender=Sender.STAFF, author=agent,
                              text=f"{explanation}\n\nBạn xem Điều 35 tại {provision}.")
    sent = [s["body"]["message"] for s in fake_platform.sent_to("/v21.0/me/messages")]
    assert len(sent) == 2 and sent[0] == {"text": explanation.strip()}
    template = sent[1]["attachment"]["payload"]
    assert template["text"] == f"Bạn xem Điều 35 tại {provision}."
    assert template["buttons"] == [{"type": "web_url", "url": provision, "title": "Mở liên kết"}]
    assert Delivery.objects.get().status == DeliveryStatus.SENT
