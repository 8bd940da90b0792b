"""Sending staff replies to Zalo and Messenger: one attempt per call, retried with a growing delay.

A delivery is claimed by moving its next attempt into the future in one UPDATE, so the task queued
after the reply and the periodic retry job never send the same reply twice.
"""

from __future__ import annotations

import datetime
import logging

from django.utils import timezone

from pbgdpl.core.site_address import site_base

from .channels import messenger, zalo
from .channels.base import SendError
from .channels.outgoing import Outgoing, messenger_messages, outgoing, zalo_messages
from .models import Channel, Delivery, DeliveryStatus, Message, Sender

log = logging.getLogger(__name__)
RETRY_DELAYS = (10, 60, 300, 1800, 7200)  # seconds before attempts 2 … 6
CLAIM_SECONDS = 120
# Per platform: the reply as that platform's message objects (several when it is too long), and the
# call that sends one of them.
PARTS = {Channel.ZALO: zalo_messages, Channel.MESSENGER: messenger_messages}
SENDERS = {Channel.ZALO: zalo.send, Channel.MESSENGER: messenger.send}


def _claim(delivery_id: int, now: datetime.datetime) -> bool:
    return bool(Delivery.objects.filter(pk=delivery_id, status=DeliveryStatus.PENDING, next_attempt_at__lte=now)
                .update(next_attempt_at=now + datetime.timedelta(seconds=CLAIM_SECONDS)))


def attempt(delivery_id: int, now: datetime.datetime | None = None) -> str:
    """Try to send one reply now; returns the delivery's status afterwards ("busy" if not claimed)."""
    from .services import post_message

    now = now or timezone.now()
    if not _claim(delivery_id, now):
        return "busy"
    delivery = Delivery.objects.select_related("message__conversation__contact").get(pk=delivery_id)
    message = delivery.message
    contact = message.conversation.contact
    delivery.attempts += 1
    try:
        _check_window(message, now)
        _send_parts(delivery, message.channel, contact.external_id, PARTS[message.channel](platform_message(message)))
    except SendError as exc:
        delivery.last_error = str(exc)[:300]
        if exc.retry and delivery.attempts <= len(RETRY_DELAYS):
            delivery.next_attempt_at = now + datetime.timedelta(seconds=RETRY_DELAYS[delivery.attempts - 1])
        else:
            delivery.status = DeliveryStatus.FAILED
        delivery.save()
        log.warning("Chat delivery %s failed (attempt %s): %s", delivery.pk, delivery.attempts, exc)
        if delivery.status == DeliveryStatus.FAILED:
            post_message(message.conversation, sender=Sender.NOTE, client_id=f"failed-{message.seq}",
                         text=f"Không gửi được tin nhắn số {message.seq} tới {message.get_channel_display()}: {exc}")
        return delivery.status
    delivery.status, delivery.sent_at, delivery.last_error = DeliveryStatus.SENT, now, ""
    delivery.save()
    return delivery.status


def _send_parts(delivery: Delivery, channel: str, user_id: str, parts: list[dict]) -> None:
    """Send the parts not sent yet, in order. Each part sent is recorded at once, so a retry (or the
    next attempt after a crash) goes on with the next part and never sends one twice."""
    for index in range(delivery.parts_sent, len(parts)):
        SENDERS[channel](user_id, parts[index])
        delivery.parts_sent = index + 1
        Delivery.objects.filter(pk=delivery.pk).update(parts_sent=delivery.parts_sent)


MESSENGER_WINDOW = datetime.timedelta(hours=24)


def _check_window(message, now: datetime.datetime) -> None:
    """Messenger accepts a RESPONSE only within 24 hours of the person's last message."""
    if message.channel != Channel.MESSENGER:
        return
    last = (Message.objects.filter(conversation_id=message.conversation_id, sender=Sender.CONTACT)
            .order_by("-seq").values_list("created_at", flat=True).first())
    if last is None or now - last > MESSENGER_WINDOW:
        raise SendError("Messenger: đã quá 24 giờ từ tin nhắn cuối của người hỏi, không gửi được trả lời", retry=False)


def platform_message(message) -> Outgoing:
    """The message as a platform gets it: site addresses absolute, links kept whole (channels/outgoing.py)."""
    return outgoing(message, site_base())


def due(now: datetime.datetime | None = None) -> list[int]:
    now = now or timezone.now()
    return list(Delivery.objects.filter(status=DeliveryStatus.PENDING, next_attempt_at__lte=now)
                .order_by("next_attempt_at").values_list("pk", flat=True)[:200])
