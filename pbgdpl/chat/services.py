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
from contextlib import nullcontext
from dataclasses import dataclass

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from pbgdpl.core import people

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
        # A savepoint only inside a caller's transaction: in autocommit a refused INSERT leaves
        # nothing to roll back, and BEGIN … COMMIT around it cost two more round trips.
        with transaction.atomic() if connection.in_atomic_block else nullcontext():
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

    One UPDATE numbers the message (row-locking the conversation until COMMIT) and applies what the
    message changes in its conversation (reopened, first response, assignee, flagged). On
    PostgreSQL outside a transaction, numbering and INSERT are one statement in autocommit: a single
    round trip, atomic by itself. A resent id hits a unique constraint and the stored one stands.
    """
    now = now or timezone.now()
    flags = ",".join(message_flags(text)) if sender == Sender.CONTACT else ""
    message = Message(conversation_id=conversation.pk, sender=sender, text=text, client_id=client_id[:64],
                      platform_id=platform_id[:128], author=author, links=links or [], flags=flags, created_at=now)
    # Replies to Zalo/Messenger need a Delivery row in the same transaction (conversations never
    # change channel, so the caller's object knows).
    outbound = sender in (Sender.STAFF, Sender.SYSTEM) and conversation.channel != Channel.WEB
    one_statement = connection.vendor == "postgresql" and not outbound and not connection.in_atomic_block
    try:
        if one_statement:
            _number_and_insert(message, now)
        else:
            with transaction.atomic():
                message.seq, message.channel = _number(message, now)
                message.save(force_insert=True)
                if outbound:
                    Delivery.objects.create(message=message, next_attempt_at=now)
                    transaction.on_commit(lambda: _enqueue_delivery(message.pk))
    except IntegrityError:
        # The same client id or platform id was stored before (a resend) or raced in: that one stands.
        existing = _existing(conversation, client_id, platform_id)
        if existing is None:
            raise
        return Posted(existing, False)
    message.conversation = conversation
    # Committed by now (autocommit), or announced when the caller's transaction commits.
    transaction.on_commit(lambda: broadcast.message_stored(message))
    conversation.last_seq = message.seq
    if message.flags:
        log.info("Chat message %s/%s flagged: %s", conversation.pk, message.seq, message.flags)
    return Posted(message, True)


def _numbering_sql(message: Message, now: datetime.datetime) -> tuple[str, list]:
    """The UPDATE that gives ``message`` the next number of its conversation and records what the
    message changes there; returns the new number, the id and the channel."""
    table = connection.ops.quote_name(Conversation._meta.db_table)
    contact, staff = message.sender == Sender.CONTACT, message.sender == Sender.STAFF
    touch = contact or staff
    sql = (
        f"UPDATE {table} SET last_seq = last_seq + 1, "  # noqa: S608 (no user input in the SQL text)
        "last_message_at = CASE WHEN %s THEN %s ELSE last_message_at END, "
        "status = CASE WHEN %s THEN %s ELSE status END, "
        "closed_at = CASE WHEN %s THEN NULL ELSE closed_at END, "
        "first_response_at = CASE WHEN %s THEN COALESCE(first_response_at, %s) ELSE first_response_at END, "
        "assignee_id = COALESCE(assignee_id, %s), "
        "flagged = (flagged OR %s) "
        "WHERE id = %s RETURNING id, last_seq, channel")
    when = connection.ops.adapt_datetimefield_value(now)
    params = [touch, when, contact, Status.OPEN, contact, staff, when,
              message.author_id if staff else None, bool(message.flags), message.conversation_id]
    return sql, params


def _number(message: Message, now: datetime.datetime) -> tuple[int, str]:
    """Number ``message`` inside the caller's transaction; returns (seq, channel)."""
    sql, params = _numbering_sql(message, now)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        raise ChatError("Cuộc trò chuyện này đã bị xóa.")
    return row[1], row[2]


_INSERTED = ("sender", "author", "text", "client_id", "platform_id", "flags", "links", "created_at")


def _cast_type(field) -> str:
    # text, not varchar(n): a cast to varchar(n) would cut a long value where the INSERT must refuse it.
    return "text" if field.get_internal_type() in ("CharField", "TextField") else field.db_type(connection)


def _number_and_insert(message: Message, now: datetime.datetime) -> None:
    """PostgreSQL: number and insert ``message`` in one statement (a data-modifying CTE), run in
    autocommit, so one round trip stores it; a unique violation rolls the numbering back with it."""
    numbering, params = _numbering_sql(message, now)
    fields = [Message._meta.get_field(name) for name in _INSERTED]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    # Typed placeholders: in INSERT … SELECT PostgreSQL would take untyped literals for text.
    values = ", ".join(f"CAST(%s AS {_cast_type(f)})" for f in fields)
    table = quote(Message._meta.db_table)
    sql = (f"WITH c AS ({numbering}) INSERT INTO {table} (conversation_id, seq, channel, {columns}) "  # noqa: S608
           f"SELECT c.id, c.last_seq, c.channel, {values} FROM c RETURNING id, seq, channel")
    params += [f.get_db_prep_save(getattr(message, f.attname), connection) for f in fields]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        raise ChatError("Cuộc trò chuyện này đã bị xóa.")
    message.pk, message.seq, message.channel = row
    message._state.adding = False


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
    who = people.full_name(assignee) or "—"
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
