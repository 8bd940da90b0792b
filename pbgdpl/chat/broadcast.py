"""Announcements on the channel layer, sent only after the message is committed.

Groups: ``chat-conv-<id>`` (the citizen's connections and staff viewing that conversation) and
``chat-inbox`` (every connected staff member). Internal notes go to the inbox only.
"""

from __future__ import annotations

import logging
import threading
from contextlib import contextmanager

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.utils import timezone

from .models import Conversation, Message, Sender

log = logging.getLogger(__name__)
INBOX_GROUP = "chat-inbox"


def conversation_group(conversation_id: int) -> str:
    return f"chat-conv-{conversation_id}"


def message_payload(message: Message) -> dict:
    """What a client receives for one message (the widget and the inbox)."""
    author = ""
    if message.sender == Sender.STAFF and message.author_id:
        user = message.author
        author = (user.first_name or "Cán bộ") if user else "Cán bộ"
    return {
        "id": message.pk,
        "conversation": message.conversation_id,
        "seq": message.seq,
        "sender": message.sender,
        "text": message.text,
        "client_id": message.client_id,
        "author": author,
        "links": message.links or [],
        "flags": message.flags,
        "at": timezone.localtime(message.created_at).strftime("%H:%M %d/%m/%Y"),
        "ts": message.created_at.isoformat(),
    }


_local = threading.local()


@contextmanager
def deferred():
    """Collect the announcements made in this thread instead of sending them: a WebSocket consumer
    runs the database work in a thread, then sends them from its own event loop."""
    _local.events = events = []
    try:
        yield events
    finally:
        del _local.events


def _send(group: str, event: dict) -> None:
    pending = getattr(_local, "events", None)
    if pending is not None:
        pending.append((group, event))
        return
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(group, event)
    except Exception:
        # The message is stored: clients get it when they resume or poll.
        log.exception("Channel layer send to %s failed", group)


def message_stored(message: Message) -> None:
    event = {"type": "chat.message", "message": message_payload(message), "channel": message.channel}
    if message.sender != Sender.NOTE:
        _send(conversation_group(message.conversation_id), event)
    _send(INBOX_GROUP, event)


def conversation_changed(conversation: Conversation) -> None:
    event = {"type": "chat.conversation", "conversation": conversation.pk, "status": conversation.status,
             "assignee": conversation.assignee_id}
    _send(INBOX_GROUP, event)
    _send(conversation_group(conversation.pk), event)


def conversation_deleted(conversation_id: int) -> None:
    event = {"type": "chat.conversation", "conversation": conversation_id, "status": "deleted", "assignee": None}
    _send(INBOX_GROUP, event)
    _send(conversation_group(conversation_id), event)
