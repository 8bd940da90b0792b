"""WebSocket consumers: the citizen's widget and the staff inbox.

Database work runs in a thread pool (not Channels' single shared thread), so one slow write does
not hold up every other connection of the process.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor

from channels.consumer import get_handler_name
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings

from pbgdpl.core.ratelimit import address_key

from . import broadcast, protocol, staff

log = logging.getLogger(__name__)


_executors: dict[str, ThreadPoolExecutor] = {}
_wrappers: dict = {}
# Staff sockets have threads of their own (CHAT_STAFF_DB_THREADS): every citizen's message reaches
# staff through them, and after a worker restart their reconnect and catch-up queued behind hundreds
# of citizens' hellos.


def in_thread(func, pool: str = "widget"):
    """Run ``func`` in one of this process's pools of chat database threads (``widget``:
    CHAT_DB_THREADS; ``staff``: CHAT_STAFF_DB_THREADS). The wrapper closes stale database connections
    before and after (returning a pooled one to its pool)."""
    wrapper = _wrappers.get((func, pool))
    if wrapper is None:  # made once per function: building one costs more than the call it wraps
        executor = _executors.get(pool)
        if executor is None:
            size = settings.CHAT_STAFF_DB_THREADS if pool == "staff" else settings.CHAT_DB_THREADS
            executor = _executors[pool] = ThreadPoolExecutor(max_workers=size, thread_name_prefix=f"chat-{pool}")
        wrapper = _wrappers[(func, pool)] = database_sync_to_async(func, thread_sensitive=False, executor=executor)
    return wrapper


def close_database_threads() -> None:
    """Close the database connections of every chat database thread and stop the threads (a new
    pool is made on next use). Each thread keeps its connection between calls where CONN_MAX_AGE
    allows (development, tests on PostgreSQL: the test database could not be dropped while they
    stayed open); with the production pool it holds none between calls."""
    import threading

    from django.db import connections

    while _executors:
        _, executor = _executors.popitem()
        size = executor._max_workers
        # Every thread runs one of these: each waits until all are running, so none takes two.
        everyone = threading.Barrier(size, timeout=5)

        def close(everyone=everyone) -> None:
            connections.close_all()
            try:
                everyone.wait()
            except threading.BrokenBarrierError:
                pass

        for _ in range(size):
            executor.submit(close)
        executor.shutdown(wait=True)
    _wrappers.clear()


def _collecting(func, *args):
    """Run ``func`` (in a database thread) and return its result with the announcements it made."""
    with broadcast.deferred() as events:
        result = func(*args)
    return result, events


async def _announce(layer, events) -> None:
    for groups, event in events:
        try:
            await broadcast.send_to_groups(layer, groups, event)
        except Exception:
            log.exception("Channel layer send to %s failed", groups)


class ChatConsumer(AsyncWebsocketConsumer):
    """Channels' ``AsyncConsumer.dispatch`` closes stale database connections before every event,
    through the process's single shared sync thread: for every message delivered to every socket,
    a thread hop that all sockets of the process queue for. These consumers use the database only
    through :func:`in_thread`, which does that cleanup in its own thread, so the hop is skipped."""

    async def dispatch(self, message):
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)


class RateWindow:
    """Events in the last minute on one connection."""

    def __init__(self, per_minute: int):
        self.per_minute = per_minute
        self.times: deque[float] = deque()

    def allow(self) -> bool:
        now = time.monotonic()
        while self.times and now - self.times[0] > 60:
            self.times.popleft()
        if len(self.times) >= self.per_minute:
            return False
        self.times.append(now)
        return True


def _parse(text_data: str | None) -> dict | None:
    if not text_data or len(text_data.encode()) > protocol.MAX_FRAME_BYTES:
        return None
    try:
        frame = json.loads(text_data)
    except ValueError:
        return None
    return frame if isinstance(frame, dict) else None


class WidgetConsumer(ChatConsumer):
    """One citizen's browser tab."""

    async def connect(self):
        client = self.scope.get("client") or ("", 0)
        self.session = protocol.Session(client_key=address_key(client[0] or ""))
        self.group = ""
        self.rate = RateWindow(settings.CHAT_RATE_PER_CONNECTION_MINUTE)
        self.strikes = 0
        self.follow_ups: set[asyncio.Task] = set()  # kept referenced until done
        blocked = protocol.is_blocked_if_known(self.session.client_key)
        if blocked is None:  # the block list's snapshot is stale: read it in a database thread
            blocked = await in_thread(protocol.is_blocked)(self.session.client_key)
        if blocked:
            log.warning("Chat: refused a connection from a blocked client")
            await self.close(code=4403)
            return
        self.session.screened = True
        await self.accept()

    async def disconnect(self, code):
        if getattr(self, "group", ""):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None):
        frame = _parse(text_data)
        if frame is None:
            log.warning("Chat: dropped a malformed or oversized widget frame")
            await self._strike()
            return
        kind = frame.get("type")
        if kind == "typing":
            if self.session.conversation and self.rate.allow():
                await self.channel_layer.group_send(broadcast.INBOX_GROUP, {
                    "type": "chat.typing", "conversation": self.session.conversation.pk, "who": "contact"})
            return
        if kind in {"message", "handoff", "transcript", "delete"} and not self.rate.allow():
            log.warning("Chat: a connection exceeded its message rate")
            await self.send_json(protocol.error("Bạn gửi quá nhanh, vui lòng chờ một chút rồi gửi lại.",
                                                client_id=str(frame.get("client_id") or "")))
            await self._strike()
            return
        if kind == "hello" and not self.group:
            await self._follow_before_hello(frame)
        try:
            replies, events = await in_thread(_collecting)(protocol.dispatch, self.session, frame)
            # Join the conversation's group before staff hear of it: a quick reply must find us there.
            await self._follow_conversation()
            await _announce(self.channel_layer, events)
        except Exception:
            log.exception("Chat: widget frame failed")
            replies = [protocol.error("Có lỗi khi xử lý, tin nhắn sẽ được gửi lại.",
                                      client_id=str(frame.get("client_id") or ""))]
        for reply in replies:
            await self.send_json(reply)
        if self.session.after_tasks:
            # Suggestions (a search) and the away message come after the acknowledgement, in a task
            # of their own: a consumer handles one event at a time, so awaiting them here held up
            # this socket's next frames and the staff's first reply behind the search.
            follow_up = protocol.Session(client_key=self.session.client_key,
                                         after_tasks=self.session.after_tasks)
            self.session.after_tasks = []
            task = asyncio.ensure_future(self._follow_up(follow_up))
            self.follow_ups.add(task)
            task.add_done_callback(self.follow_ups.discard)

    async def _follow_up(self, session: protocol.Session):
        try:
            _, events = await in_thread(_collecting)(protocol.run_after_tasks, session)
            await _announce(self.channel_layer, events)
        except Exception:
            log.exception("Chat: follow-up messages failed")

    async def _strike(self):
        self.strikes += 1
        if self.strikes >= 20:
            await self.close(code=4429)

    async def _follow_before_hello(self, frame: dict):
        """A reconnecting widget names its conversation: join that group before the hello reads the
        conversation. Joined after the read, a message stored in between reached it neither by the
        replay nor live, only at the next periodic sync (7.5–22.5 s; seen once in a reload bench).
        The hello then verifies the token; the handlers below drop whatever was announced to a
        conversation this socket does not own, and _follow_conversation() leaves that group."""
        claimed = protocol.count_or_zero(frame.get("conversation"))
        if claimed:
            self.group = broadcast.conversation_group(claimed)
            await self.channel_layer.group_add(self.group, self.channel_name)

    def _owns(self, conversation_id) -> bool:
        conversation = self.session.conversation
        return conversation is not None and conversation.pk == conversation_id

    async def _follow_conversation(self):
        """Follow the session's conversation live (and only it)."""
        conversation = self.session.conversation
        group = broadcast.conversation_group(conversation.pk) if conversation else ""
        if group == self.group:
            return
        if self.group:
            await self.channel_layer.group_discard(self.group, self.channel_name)
        if group:
            await self.channel_layer.group_add(group, self.channel_name)
        self.group = group

    async def send_json(self, frame: dict):
        await self.send(text_data=json.dumps(frame, ensure_ascii=False))

    # Channel layer events.
    async def chat_message(self, event):
        if self._owns(event["message"]["conversation"]):
            await self.send_json({"type": "message", **event["message"]})

    async def chat_typing(self, event):
        if event.get("who") == "staff" and self._owns(event.get("conversation")):
            await self.send_json({"type": "typing"})

    async def chat_conversation(self, event):
        if not self._owns(event.get("conversation")):
            return
        if event.get("status") == "deleted":
            self.session.conversation, self.session.token = None, ""
            await self._follow_conversation()
            await self.send_json({"type": "deleted"})
        else:
            await self.send_json({"type": "status", "status": event.get("status")})


class StaffConsumer(ChatConsumer):
    """A staff member's inbox: every new message, typing, replies and notes."""

    async def connect(self):
        user = self.scope.get("user")
        if not await in_thread(staff.may_answer_ws, "staff")(user, self.scope.get("session")):
            await self.close(code=4403)
            return
        self.user = user
        self.pending: set[asyncio.Task] = set()
        await self.channel_layer.group_add(broadcast.INBOX_GROUP, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        await self.channel_layer.group_discard(broadcast.INBOX_GROUP, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None):
        frame = _parse(text_data)
        if frame is None:
            return
        kind = frame.get("type")
        if kind == "typing":
            conversation = protocol.count_or_zero(frame.get("conversation"))
            await self.channel_layer.group_send(broadcast.conversation_group(conversation), {
                "type": "chat.typing", "conversation": conversation, "who": "staff"})
            return
        # Replies to different conversations are stored side by side: one busy staff member's socket
        # must not queue every conversation behind each write (nor new messages behind the replies).
        task = asyncio.ensure_future(self._dispatch(frame))
        self.pending.add(task)
        task.add_done_callback(self.pending.discard)

    async def _dispatch(self, frame: dict):
        try:
            replies, events = await in_thread(_collecting, "staff")(staff.dispatch, self.user, frame)
            await _announce(self.channel_layer, events)
        except Exception:
            log.exception("Chat: staff frame failed")
            replies = [protocol.error("Có lỗi khi gửi, vui lòng thử lại.", client_id=str(frame.get("client_id") or ""))]
        try:
            for reply in replies:
                await self.send(text_data=json.dumps(reply, ensure_ascii=False))
        except Exception:  # the staff socket closed meanwhile (a restart): the message is stored;
            # the inbox catches up by time when it reconnects, so there is nothing to send now.
            log.info("Chat: staff socket closed before its reply could be sent")

    async def chat_message(self, event):
        await self.send(text_data=json.dumps({"type": "message", "channel": event.get("channel", ""),
                                              **event["message"]}, ensure_ascii=False))

    async def chat_typing(self, event):
        if event.get("who") == "contact":
            await self.send(text_data=json.dumps({"type": "typing", "conversation": event["conversation"]}))

    async def chat_conversation(self, event):
        await self.send(text_data=json.dumps({"type": "conversation", **{
            k: event.get(k) for k in ("conversation", "status", "assignee")}}))
