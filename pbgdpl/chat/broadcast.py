"""Announcements on the channel layer, sent only after the message is committed.

Groups: ``chat-conv-<id>`` (the citizen's connections and staff viewing that conversation) and
``chat-inbox`` (every connected staff member). Internal notes go to the inbox only.
"""

from __future__ import annotations

import logging
import threading
import time
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


# The Lua script of channels_redis's group_send (4.x): add the message to each channel's sorted set
# unless it is at capacity. Kept here because send_to_groups() reuses the rest of that method too.
_GROUP_SEND_LUA = """
    local over_capacity = 0
    local current_time = ARGV[#ARGV - 1]
    local expiry = ARGV[#ARGV]
    for i=1,#KEYS do
        if redis.call('ZCOUNT', KEYS[i], '-inf', '+inf') < tonumber(ARGV[i + #KEYS]) then
            redis.call('ZADD', KEYS[i], current_time, ARGV[i])
            redis.call('EXPIRE', KEYS[i], expiry)
        else
            over_capacity = over_capacity + 1
        end
    end
    return over_capacity
"""


def _single_redis(layer) -> bool:
    try:
        from channels_redis.core import RedisChannelLayer
    except ImportError:
        return False
    return isinstance(layer, RedisChannelLayer) and layer.ring_size == 1


async def send_to_groups(layer, groups: tuple[str, ...], event: dict) -> None:
    """Send one event to the members of several groups (a message goes to its conversation and to
    the inbox). ``group_send`` costs four Redis round trips per group; on one Redis server this does
    both groups in three, and a process's sockets (widgets and staff alike share one Redis key per
    process) get the event in one entry. Other layers: one ``group_send`` per group."""
    if len(groups) == 1 or not _single_redis(layer):
        for group in groups:
            await layer.group_send(group, event)
        return
    connection = layer.connection(0)
    now = int(time.time())
    pipe = connection.pipeline(transaction=False)
    for group in groups:
        key = layer._group_key(group)
        pipe.zremrangebyscore(key, min=0, max=now - layer.group_expiry)
        pipe.zrange(key, 0, -1)
    members = await pipe.execute()
    channel_names = list(dict.fromkeys(name.decode() for found in members[1::2] for name in found))
    if not channel_names:
        return
    by_connection, message_for_key, capacity_for_key = layer._map_channel_keys_to_connection(channel_names, event)
    keys = by_connection[0]
    pipe = connection.pipeline(transaction=False)
    for key in keys:
        pipe.zremrangebyscore(key, min=0, max=now - int(layer.expiry))
    await pipe.execute()
    args = [message_for_key[key] for key in keys] + [capacity_for_key[key] for key in keys]
    over = await connection.eval(_GROUP_SEND_LUA, len(keys), *keys, *args, time.time(), layer.expiry)
    if over:
        log.info("%s of %s channels over capacity in groups %s", over, len(channel_names), groups)


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
