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

from pbgdpl.core import people

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
        author = people.given_name(user) or "Cán bộ"  # citizens see the given name only
    return _payload(message.pk, message.conversation_id, message.seq, message.sender, message.text,
                    message.client_id, author, message.links, message.flags, message.created_at)


# The columns payload_from_row() reads: a catch-up sends up to 2,000 messages, and building model
# instances for them was most of its cost.
PAYLOAD_COLUMNS = ("pk", "conversation_id", "seq", "sender", "text", "client_id", "author_id",
                   "author__first_name", "author__last_name", "links", "flags", "created_at")


def payload_from_row(row: dict) -> dict:
    """message_payload() from ``Message.objects.values(*PAYLOAD_COLUMNS)``."""
    author = ""
    if row["sender"] == Sender.STAFF and row["author_id"]:
        author = people.given_name_of(row["author__first_name"], row["author__last_name"]) or "Cán bộ"
    return _payload(row["pk"], row["conversation_id"], row["seq"], row["sender"], row["text"], row["client_id"],
                    author, row["links"], row["flags"], row["created_at"])


def _payload(pk, conversation_id, seq, sender, text, client_id, author, links, flags, created_at) -> dict:
    return {
        "id": pk,
        "conversation": conversation_id,
        "seq": seq,
        "sender": sender,
        "text": text,
        "client_id": client_id,
        "author": author,
        "links": links or [],
        "flags": flags,
        "at": timezone.localtime(created_at).strftime("%H:%M %d/%m/%Y"),
        "ts": created_at.isoformat(),
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


def _pubsub_layer(layer):
    """The running loop's layer of channels_redis's pub/sub layer on one Redis server, else None."""
    try:
        from channels_redis.pubsub import RedisPubSubChannelLayer
    except ImportError:
        return None
    if not isinstance(layer, RedisPubSubChannelLayer):
        return None
    loop_layer = layer._get_layer()
    return loop_layer if len(loop_layer._shards) == 1 else None


async def send_to_groups(layer, groups: tuple[str, ...], event: dict) -> None:
    """Send one event to the members of several groups (a message goes to its conversation and to
    the inbox). On the pub/sub layer with one Redis server: one PUBLISH per group, pipelined into a
    single round trip, the event serialised once (channels_redis's ``group_send`` publishes one
    group per call). Other layers: one ``group_send`` per group. A socket in two of the groups
    would get the event twice; none joins two (widgets join their conversation, staff the inbox)."""
    loop_layer = _pubsub_layer(layer) if len(groups) > 1 else None
    if loop_layer is None:
        for group in groups:
            await layer.group_send(group, event)
        return
    shard = loop_layer._shards[0]
    payload = layer.serialize(event)
    async with shard._lock:  # as the layer's own publish(): its connection is made under the lock
        shard._ensure_redis()
        pipe = shard._redis.pipeline(transaction=False)
        for group in groups:
            pipe.publish(loop_layer._get_group_channel_name(group), payload)
        await pipe.execute()


def _send(groups: tuple[str, ...], event: dict) -> None:
    pending = getattr(_local, "events", None)
    if pending is not None:
        pending.append((groups, event))
        return
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(send_to_groups)(layer, groups, event)
    except Exception:
        # The message is stored: clients get it when they resume or poll.
        log.exception("Channel layer send to %s failed", groups)


def message_stored(message: Message) -> None:
    event = {"type": "chat.message", "message": message_payload(message), "channel": message.channel}
    # Internal notes go to the inbox only.
    if message.sender == Sender.NOTE:
        _send((INBOX_GROUP,), event)
    else:
        _send((conversation_group(message.conversation_id), INBOX_GROUP), event)


def conversation_changed(conversation: Conversation) -> None:
    event = {"type": "chat.conversation", "conversation": conversation.pk, "status": conversation.status,
             "assignee": conversation.assignee_id}
    _send((INBOX_GROUP, conversation_group(conversation.pk)), event)


def conversation_deleted(conversation_id: int) -> None:
    event = {"type": "chat.conversation", "conversation": conversation_id, "status": "deleted", "assignee": None}
    _send((INBOX_GROUP, conversation_group(conversation_id)), event)
