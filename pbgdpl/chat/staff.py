"""What staff may do and the staff side of the protocol (replies and internal notes)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from . import services
from .models import Conversation, Sender

PERMISSION = "chat.answer_conversation"


def may_answer(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.has_perm(PERMISSION))


def may_manage(user) -> bool:
    return bool(user and user.is_authenticated and user.has_perm("chat.manage_chat"))


def _second_factor_done(user, session) -> bool:
    """A WebSocket has no middleware: apply the admin's two-factor gate here (pbgdpl/accounts/twofactor.py)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.models import Device

    from pbgdpl.accounts.twofactor import _second_factor_page

    if _second_factor_page(user) is None:
        return True
    persistent_id = session.get(DEVICE_ID_SESSION_KEY) if session is not None else None
    device = Device.from_persistent_id(persistent_id) if persistent_id else None
    return device is not None and device.user_id == user.pk


def may_answer_ws(user, session) -> bool:
    return may_answer(user) and _second_factor_done(user, session)


CATCHUP_LIMIT = 2000
# Message ids are given at INSERT and made visible at COMMIT, and a live announcement can be lost
# when a slow inbox lets its channel fill up: a catch-up looks this far behind the newest message
# the inbox saw, and the inbox drops what it already has (by id).
CATCHUP_OVERLAP = datetime.timedelta(seconds=15)


def catchup(since) -> list[dict]:
    """Messages stored since the timestamp ``since`` (ISO), minus the overlap, oldest first; when
    there are more than CATCHUP_LIMIT, the newest of them. The inbox already holds the older ones
    (it saw them live, and the overlap reaches back before what it saw); the first version kept the
    oldest and cut the newest, which the next catch-up's window (15 s behind the newest message
    seen) had already passed: `make bench-chat` lost 4 of 2,000 messages after the restart that way."""
    from .broadcast import PAYLOAD_COLUMNS, payload_from_row
    from .models import Message

    start = parse_datetime(str(since or "")) if since else None
    qs = Message.objects.order_by("created_at", "pk")
    if start is not None:
        qs = qs.filter(created_at__gte=start - CATCHUP_OVERLAP)
    else:
        qs = qs.filter(created_at__gte=timezone.now() - datetime.timedelta(hours=1))
    newest = list(qs.reverse().values(*PAYLOAD_COLUMNS, "channel")[:CATCHUP_LIMIT])
    return [{"type": "message", "channel": row["channel"], **payload_from_row(row)} for row in reversed(newest)]


# Conversation id -> channel, per process: a reply needs only these two (a conversation never changes
# channel), so a reply is one statement instead of a SELECT first. A deleted conversation is refused
# by post_message() all the same.
_channels: dict[int, str] = {}
CHANNELS_KNOWN_MAX = 20000


def _conversation(pk) -> Conversation | None:
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    channel = _channels.get(pk)
    if channel is None:
        channel = Conversation.objects.filter(pk=pk).values_list("channel", flat=True).first()
        if channel is None:
            return None
        if len(_channels) >= CHANNELS_KNOWN_MAX:
            _channels.clear()
        _channels[pk] = channel
    return Conversation(pk=pk, channel=channel)


def dispatch(user, frame: dict) -> list[dict]:
    """``reply`` or ``note`` {conversation, client_id, text}, or ``catchup`` {since} (answered with one
    ``batch`` {frames} of ``message`` frames), from a staff client."""
    kind = frame.get("type")
    if kind == "catchup":
        # One frame: the catch-up after a reconnect overlaps 15 s of traffic (up to 2,000 messages,
        # most of which the inbox has), and a WebSocket frame each was most of the server's work.
        return [{"type": "batch", "frames": catchup(frame.get("since"))}]
    if kind not in {"reply", "note"}:
        return []
    client_id = str(frame.get("client_id") or "")[:64]
    text = str(frame.get("text") or "").strip()
    conversation = _conversation(frame.get("conversation"))
    if conversation is None:
        return [{"type": "error", "text": "Không tìm thấy cuộc trò chuyện.", "client_id": client_id}]
    if not text or len(text) > settings.CHAT_MESSAGE_MAX_CHARS * 2:
        return [{"type": "error", "text": "Tin nhắn trống hoặc quá dài.", "client_id": client_id}]
    sender = Sender.STAFF if kind == "reply" else Sender.NOTE
    try:
        posted = services.post_message(conversation, sender=sender, text=text, client_id=client_id, author=user)
    except services.ChatError as exc:  # deleted meanwhile
        return [{"type": "error", "text": str(exc), "client_id": client_id}]
    return [{"type": "ack", "client_id": client_id, "conversation": conversation.pk, "seq": posted.message.seq}]
