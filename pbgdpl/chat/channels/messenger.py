"""Facebook Messenger: subscription check, ``X-Hub-Signature-256`` events, replies through the Send API.

Replies use ``messaging_type=RESPONSE``, allowed within 24 hours of the person's last message.
"""

from __future__ import annotations

import hashlib
import hmac
import json

import httpx
from django.conf import settings

from .base import Inbound, SendError, client

# Graph API error codes: 190 invalid/expired token; 10 and 551 outside the messaging window / unavailable.
TOKEN_ERRORS = {190}


def verify_subscription(mode: str, token: str, challenge: str) -> str | None:
    """The challenge to echo when Facebook subscribes with our verify token; None otherwise."""
    expected = settings.MESSENGER_VERIFY_TOKEN
    if mode == "subscribe" and expected and hmac.compare_digest(token.encode(), expected.encode()):
        return challenge
    return None


def verify(raw: bytes, header: str) -> dict | None:
    secret = settings.MESSENGER_APP_SECRET
    if not secret or not header.startswith("sha256="):
        return None
    expected = hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, header[7:].strip().lower()):
        return None
    try:
        payload = json.loads(raw)
    except ValueError:
        return None
    return payload if isinstance(payload, dict) else None


def messages(payload: dict) -> list[Inbound]:
    out = []
    if payload.get("object") != "page":
        return out
    for entry in payload.get("entry") or []:
        for event in (entry or {}).get("messaging") or []:
            try:
                message = event.get("message") or {}
                if message.get("is_echo") or "mid" not in message:
                    continue
                out.append(Inbound(user_id=str(event["sender"]["id"]), platform_id=str(message["mid"]),
                                   text=str(message.get("text") or "[Tệp đính kèm]")))
            except (KeyError, TypeError, AttributeError):
                continue
    return out


def send(user_id: str, message: dict) -> None:
    """One Send API ``message`` (a part of a reply: channels/outgoing.py ``messenger_messages``)."""
    token = settings.MESSENGER_PAGE_TOKEN
    if not token:
        raise SendError("Messenger: chưa cấu hình mã truy cập trang", retry=False)
    with client() as http:
        try:
            response = http.post(f"{settings.MESSENGER_API_BASE}/me/messages",
                                 headers={"Authorization": f"Bearer {token}"},
                                 json={"recipient": {"id": user_id}, "messaging_type": "RESPONSE",
                                       "message": message})
        except httpx.HTTPError as exc:
            raise SendError(f"Messenger: không kết nối được ({type(exc).__name__})", retry=True) from None
    if response.status_code == 200:
        return
    if response.status_code >= 500 or response.status_code == 429:
        raise SendError(f"Messenger: lỗi máy chủ {response.status_code}", retry=True)
    try:
        code = int(response.json().get("error", {}).get("code", 0))
    except (ValueError, TypeError, AttributeError):
        code = 0
    if code in TOKEN_ERRORS:
        raise SendError("Messenger: mã truy cập trang hết hạn, cần cấp lại (MESSENGER_PAGE_TOKEN)", retry=False)
    raise SendError(f"Messenger: bị từ chối (mã {code or response.status_code})", retry=False)
