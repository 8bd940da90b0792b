"""What staff may do and the staff side of the protocol (replies and internal notes)."""

from __future__ import annotations

from django.conf import settings

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


def dispatch(user, frame: dict) -> list[dict]:
    """A ``reply`` or ``note`` {conversation, client_id, text} from a staff client."""
    kind = frame.get("type")
    if kind not in {"reply", "note"}:
        return []
    client_id = str(frame.get("client_id") or "")[:64]
    text = str(frame.get("text") or "").strip()
    try:
        conversation = Conversation.objects.get(pk=int(frame.get("conversation")))
    except (Conversation.DoesNotExist, TypeError, ValueError):
        return [{"type": "error", "text": "Không tìm thấy cuộc trò chuyện.", "client_id": client_id}]
    if not text or len(text) > settings.CHAT_MESSAGE_MAX_CHARS * 2:
        return [{"type": "error", "text": "Tin nhắn trống hoặc quá dài.", "client_id": client_id}]
    sender = Sender.STAFF if kind == "reply" else Sender.NOTE
    posted = services.post_message(conversation, sender=sender, text=text, client_id=client_id, author=user)
    return [{"type": "ack", "client_id": client_id, "conversation": conversation.pk, "seq": posted.message.seq}]
