"""The widget's protocol, the same over the WebSocket and over the HTTP fallback (long-polling).

Frames are JSON objects with a ``type``. From the widget:

* ``hello`` {token?, after}: resume a conversation; the server replays every message numbered
  above ``after`` (the widget's highest ``seq``).
* ``message`` {client_id, text}: the server stores it (creating the conversation with the token the
  widget made, or sending a ``token`` frame when it made none), then answers ``ack`` {client_id, seq}. Sending the same
  ``client_id`` again (after a reconnect) acknowledges the stored message and stores nothing.
* ``sync`` {after}: only the replay (gap filling, and a periodic check).
* ``typing``, ``handoff`` {name, email, phone, consent}, ``transcript`` {email}, ``delete``.

To the widget: ``welcome``, ``token``, ``ack``, ``message`` {seq, sender, text, …}, ``typing``,
``handoff`` {code, link}, ``error`` {text, client_id?}, ``deleted``.

The functions here are synchronous (database work); the consumer runs them in a thread.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.conf import settings

from pbgdpl.core import ratelimit

from . import assistant, handoff, hours, services, snapshots
from .broadcast import message_payload
from .models import BlockedClient, ChatSettings, Conversation, Sender

log = logging.getLogger(__name__)
MAX_FRAME_BYTES = 16 * 1024


@dataclass
class Session:
    """One widget connection (or one HTTP request of the fallback)."""

    client_key: str  # salted hash of the address
    token: str = ""
    conversation: Conversation | None = None
    after_tasks: list = field(default_factory=list)  # work to do after answering (suggestions)
    # What this connection already checked, so a first message does not ask again: the block list
    # at connect (WebSocket only), and a token that had no conversation yet at ``hello``.
    screened: bool = False
    token_unused: str = ""


def error(text: str, **extra) -> dict:
    return {"type": "error", "text": text, **extra}


def _active_blocks() -> dict[str, object]:
    """Blocked client keys with their expiry (None: for good), as of now."""
    from django.db.models import Q
    from django.utils import timezone

    return dict(BlockedClient.objects.filter(Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now()))
                .values_list("client_key", "expires_at"))


def _blocked_in(blocks: dict, client_key: str) -> bool:
    from django.utils import timezone

    if client_key not in blocks:
        return False
    expires_at = blocks[client_key]
    return expires_at is None or expires_at > timezone.now()


def is_blocked(client_key: str) -> bool:
    """Whether the block list holds this client (a per-process snapshot: see snapshots.py)."""
    return _blocked_in(snapshots.cached("blocked", _active_blocks), client_key)


def is_blocked_if_known(client_key: str) -> bool | None:
    """The same without the database (async callers): None when the snapshot must be read again."""
    blocks = snapshots.fresh("blocked")
    return None if blocks is None else _blocked_in(blocks, client_key)


def chat_settings() -> ChatSettings:
    return snapshots.cached("settings", ChatSettings.load)


snapshots.drop_on_change(BlockedClient, "blocked")
snapshots.drop_on_change(ChatSettings, "settings")


def welcome(session: Session) -> dict:
    return {"type": "welcome", "open": hours.is_open(), "greeting": chat_settings().greeting,
            "conversation": bool(session.conversation),
            "qa_code": session.conversation.qa_tracking_code if session.conversation else ""}


def hello(session: Session, frame: dict) -> list[dict]:
    """Resume: the widget's token (made by the widget, so possibly not used yet) and its highest seq."""
    token = str(frame.get("token") or "")
    session.token = token if services.valid_token(token) else ""
    session.conversation = services.conversation_for_token(session.token) if session.token else None
    session.token_unused = session.token if session.conversation is None else ""
    out = [welcome(session)]
    after = count_or_zero(frame.get("after"))
    # The conversation row carries its highest number (given in the same statement that stores the
    # message): a widget that has seen it needs no replay query. That is the usual reconnect, and
    # after a worker restart hundreds of them come together.
    if session.conversation and session.conversation.last_seq > after:
        out += [{"type": "message", **message_payload(m)}
                for m in services.messages_after(session.conversation, after)]
    return out


def sync(session: Session, frame: dict) -> list[dict]:
    """Messages numbered above ``after`` (the widget fills a gap, or checks now and then that it
    missed nothing while the channel layer was overloaded)."""
    if session.conversation is None:
        return []
    return [{"type": "message", **message_payload(m)}
            for m in services.messages_after(session.conversation, count_or_zero(frame.get("after")))]


def count_or_zero(value) -> int:
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return 0


def _client_over_limit(client_key: str) -> bool:
    count = ratelimit.hit(f"chat:client:{client_key}", 3600)
    return count > settings.CHAT_RATE_PER_CLIENT_HOUR


def send_message(session: Session, frame: dict) -> list[dict]:
    client_id = str(frame.get("client_id") or "")[:64]
    text = str(frame.get("text") or "").strip()
    if not client_id:
        return [error("Tin nhắn thiếu mã, vui lòng tải lại trang.")]
    if not text:
        return [error("Tin nhắn trống.", client_id=client_id)]
    limit = settings.CHAT_MESSAGE_MAX_CHARS
    if len(text) > limit:
        return [error(f"Tin nhắn quá dài ({len(text)} ký tự), tối đa {limit} ký tự. Hãy chia thành nhiều tin.",
                      client_id=client_id)]
    out = []
    if not session.token and services.valid_token(str(frame.get("token") or "")):
        session.token = str(frame["token"])
    # A token seen unused at hello is not looked up again: if another tab of this citizen has used
    # it since, start_web_conversation() finds that conversation by the unique token.
    if session.conversation is None and session.token and session.token != session.token_unused:
        session.conversation = services.conversation_for_token(session.token)
    if session.conversation is None:
        if not session.screened and is_blocked(session.client_key):
            return [error("Bạn không thể gửi tin nhắn lúc này.", client_id=client_id)]
        if ratelimit.hit(f"chat:new:{session.client_key}", 3600) > settings.CHAT_NEW_CONVERSATIONS_PER_HOUR:
            log.warning("Chat: new conversations over the limit for one client")
            return [error("Bạn đã mở quá nhiều cuộc trò chuyện, vui lòng thử lại sau.", client_id=client_id)]
        try:
            session.conversation, token = services.start_web_conversation(session.client_key, session.token)
        except services.ChatError as exc:
            return [error(str(exc), client_id=client_id)]
        if token != session.token:  # the widget sent none: give it the one made here
            session.token = token
            out.append({"type": "token", "token": token})
    elif session.conversation.contact.blocked:
        return [error("Bạn không thể gửi tin nhắn lúc này.", client_id=client_id)]
    if _client_over_limit(session.client_key):
        log.warning("Chat: messages over the hourly limit for one client")
        return [error("Bạn gửi quá nhiều tin nhắn, vui lòng chờ một lúc rồi gửi lại.", client_id=client_id)]
    posted = services.post_message(session.conversation, sender=Sender.CONTACT, text=text, client_id=client_id)
    out.append({"type": "ack", "client_id": client_id, "seq": posted.message.seq})
    # The message itself comes back through the conversation's group (the consumer joins it before
    # announcing), or from the next poll on the HTTP fallback.
    if posted.created and assistant.needs_follow_up(posted.message):
        session.after_tasks.append(posted.message)
    return out


def run_after_tasks(session: Session) -> None:
    """Suggestions and the away message, after the citizen's message was acknowledged."""
    while session.after_tasks:
        message = session.after_tasks.pop(0)
        try:
            assistant.after_contact_message(message)
        except Exception:
            log.exception("Chat: automatic replies failed for conversation %s", message.conversation_id)


def dispatch(session: Session, frame: dict) -> list[dict]:
    """Handle one frame from the widget; returns the frames to send back to that widget."""
    kind = frame.get("type")
    if kind == "hello":
        return hello(session, frame)
    if kind == "sync":
        return sync(session, frame)
    if kind == "message":
        return send_message(session, frame)
    conversation = session.conversation
    if conversation is None:
        return [error("Chưa có cuộc trò chuyện.")] if kind in {"handoff", "transcript", "delete"} else []
    try:
        if kind == "handoff":
            code, link = handoff.handoff_to_qa(
                conversation, name=str(frame.get("name") or ""), email=str(frame.get("email") or ""),
                phone=str(frame.get("phone") or ""), consent=frame.get("consent") is True)
            return [{"type": "handoff", "code": code, "link": link}]
        if kind == "transcript":
            handoff.send_transcript(conversation, str(frame.get("email") or ""))
            return []
        if kind == "delete":
            services.delete_conversation(conversation)
            session.conversation, session.token = None, ""
            return [{"type": "deleted"}]
    except services.ChatError as exc:
        return [error(str(exc), action=kind)]
    return []
