"""Writes of the chat app: conversations and messages, stored before anyone is told about them.

:func:`post_message` is the one way a message enters the system (widget, staff, webhooks, system
texts). It numbers the message inside its conversation under a row lock, de-duplicates on the
sender's id, and announces it on the channel layer only after the transaction commits
(docs/decisions/0016-chat-delivery.md).
"""

from __future__ import annotations

import datetime
import logging
import re
from dataclasses import dataclass

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from . import broadcast
from .filters import message_flags
from .models import Channel, Contact, Conversation, Delivery, Message, Sender, Status, hash_token

log = logging.getLogger(__name__)


class ChatError(Exception):
    """Input refused; the message is Vietnamese and shown to the person who typed it."""


@dataclass
class Posted:
    message: Message
    created: bool


TOKEN_RE = re.compile(r"[A-Za-z0-9_-]{22,100}")


def valid_token(token: str) -> bool:
    """A widget-made conversation token: random, URL-safe, at least 128 bits."""
    return bool(TOKEN_RE.fullmatch(token or ""))


def start_web_conversation(client_key: str, token: str = "") -> tuple[Conversation, str]:
    """The widget conversation with this ``token`` (made by the widget before its first message, so
    a message resent after a lost answer never opens a second conversation), created if new."""
    contact, _ = Contact.objects.get_or_create(channel=Channel.WEB, external_id=client_key[:100])
    if contact.blocked:
        raise ChatError("Bạn không thể gửi tin nhắn lúc này.")
    conversation = Conversation(contact=contact, channel=Channel.WEB)
    if valid_token(token):
        conversation.token_hash = hash_token(token)
    else:
        token = conversation.set_token()
    try:
        with transaction.atomic():
            conversation.save()
    except IntegrityError:
        existing = conversation_for_token(token)
        if existing is None:
            raise
        return existing, token
    return conversation, token


def conversation_for_token(token: str) -> Conversation | None:
    if not token or len(token) > 100:
        return None
    return Conversation.objects.select_related("contact").filter(token_hash=hash_token(token)).first()


def platform_conversation(channel: str, user_id: str) -> Conversation:
    """The open conversation of a Zalo/Messenger user, started anew after the last one was closed."""
    contact, _ = Contact.objects.get_or_create(channel=channel, external_id=user_id[:100])
    conversation = contact.conversations.exclude(status=Status.CLOSED).order_by("-pk").first()
    if conversation is None:
        conversation = Conversation.objects.create(contact=contact, channel=channel)
    return conversation


def post_message(
    conversation: Conversation,
    *,
    sender: str,
    text: str,
    client_id: str = "",
    platform_id: str = "",
    author=None,
    links: list[dict] | None = None,
    now: datetime.datetime | None = None,
) -> Posted:
    """Store one message (idempotent on ``client_id`` / ``platform_id``) and announce it after commit.

    Four round trips on the common path: BEGIN, one UPDATE that numbers the message (and locks the
    conversation row until COMMIT), the INSERT, COMMIT. A resent id hits the unique constraint.
    """
    now = now or timezone.now()
    flags = ",".join(message_flags(text)) if sender == Sender.CONTACT else ""
    try:
        with transaction.atomic():
            seq, channel, status, assignee_id, unanswered, flagged = _number(
                conversation.pk, touch=sender in (Sender.CONTACT, Sender.STAFF), now=now)
            message = Message.objects.create(
                conversation_id=conversation.pk, seq=seq, sender=sender, text=text, client_id=client_id[:64],
                platform_id=platform_id[:128], author=author, channel=channel, links=links or [],
                flags=flags, created_at=now,
            )
            message.conversation = conversation
            changes: dict = {}
            if sender == Sender.CONTACT and status != Status.OPEN:
                changes.update(status=Status.OPEN, closed_at=None)
            if sender == Sender.STAFF and unanswered:
                changes["first_response_at"] = now
            if sender == Sender.STAFF and assignee_id is None and author is not None:
                changes["assignee"] = author
            if flags and not flagged:
                changes["flagged"] = True
            if changes:
                Conversation.objects.filter(pk=conversation.pk).update(**changes)
            outbound = sender in (Sender.STAFF, Sender.SYSTEM) and channel != Channel.WEB
            if outbound:
                Delivery.objects.create(message=message, next_attempt_at=now)
            transaction.on_commit(lambda: broadcast.message_stored(message))
            if outbound:
                transaction.on_commit(lambda: _enqueue_delivery(message.pk))
    except IntegrityError:
        # The same client id or platform id was stored before (a resend) or raced in: that one stands.
        existing = _existing(conversation, client_id, platform_id)
        if existing is None:
            raise
        return Posted(existing, False)
    conversation.last_seq = message.seq
    if message.flags:
        log.info("Chat message %s/%s flagged: %s", conversation.pk, message.seq, message.flags)
    return Posted(message, True)


def _number(pk: int, *, touch: bool, now: datetime.datetime) -> tuple:
    """Give the next sequence number of conversation ``pk`` (row-locked until the transaction ends);
    returns (seq, channel, status, assignee_id, not yet answered, flagged)."""
    table = connection.ops.quote_name(Conversation._meta.db_table)
    touched = ", last_message_at = %s" if touch else ""
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET last_seq = last_seq + 1{touched} WHERE id = %s "  # noqa: S608 (no user input)
            "RETURNING last_seq, channel, status, assignee_id, first_response_at, flagged",
            [now, pk] if touch else [pk])
        row = cursor.fetchone()
    if row is None:
        raise ChatError("Cuộc trò chuyện này đã bị xóa.")
    seq, channel, status, assignee_id, first_response_at, flagged = row
    # Only whether it is empty matters (SQLite hands back the raw text, not a datetime).
    return seq, channel, status, assignee_id, first_response_at is None, bool(flagged)


def _existing(conversation: Conversation, client_id: str, platform_id: str) -> Message | None:
    if client_id:
        return Message.objects.filter(conversation=conversation, client_id=client_id[:64]).first()
    if platform_id:
        return Message.objects.filter(channel=conversation.channel, platform_id=platform_id[:128]).first()
    return None


def _enqueue_delivery(message_id: int) -> None:
    from .tasks import deliver_message

    try:
        deliver_message.enqueue(message_id)
    except Exception:
        # The periodic retry job picks it up; the reply is stored either way.
        log.exception("Could not enqueue the delivery of chat message %s", message_id)


def messages_after(conversation: Conversation, after: int, *, public_only: bool = True, limit: int = 500):
    """The conversation's messages numbered above ``after``, oldest first (what a client missed)."""
    qs = Message.objects.filter(conversation=conversation, seq__gt=after).select_related("author")
    if public_only:
        qs = qs.exclude(sender=Sender.NOTE)
    return list(qs.order_by("seq")[:limit])


def assign(conversation: Conversation, assignee, *, actor) -> None:
    """Assign (or transfer) a conversation; the change is written into it as an internal note."""
    previous = conversation.assignee
    conversation.assignee = assignee
    conversation.save(update_fields=["assignee"])
    who = assignee.get_full_name() or assignee.get_username() if assignee else "—"
    verb = "Chuyển" if previous else "Giao"
    post_message(conversation, sender=Sender.NOTE, text=f"{verb} cho {who}.", author=actor)


def set_status(conversation: Conversation, status: str, *, actor=None) -> None:
    conversation.status = status
    conversation.closed_at = timezone.now() if status == Status.CLOSED else None
    conversation.save(update_fields=["status", "closed_at"])
    broadcast.conversation_changed(conversation)


def delete_conversation(conversation: Conversation) -> None:
    """Erase a conversation with every message (the citizen's request, or staff on their behalf)."""
    pk = conversation.pk
    contact = conversation.contact
    conversation.delete()
    if not contact.conversations.exists() and not contact.blocked:
        contact.delete()
    broadcast.conversation_deleted(pk)


def block_contact(contact: Contact, *, reason: str) -> None:
    contact.blocked, contact.blocked_reason = True, reason[:200]
    contact.save(update_fields=["blocked", "blocked_reason"])
