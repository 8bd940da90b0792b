"""Zalo Official Account: webhook signature and events, replies through the OA API with token refresh.

Signature (DOMAIN.md "Live chat channels"): ``X-ZEvent-Signature: mac=<hex>`` where hex is
SHA-256(app_id + raw body + timestamp + OA secret key).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time

import httpx
from django.conf import settings
from django.utils import timezone

from ..models import Channel, PlatformToken
from .base import Inbound, SendError, client

# Zalo's error codes for an access token that expired or was revoked.
TOKEN_ERRORS = {-216, -124, -220}


def verify(raw: bytes, header: str) -> dict | None:
    """The payload when the signature is right and the event is recent; None otherwise."""
    secret = settings.ZALO_OA_SECRET_KEY
    if not secret or not header.startswith("mac="):
        return None
    try:
        payload = json.loads(raw)
        app_id, stamp = str(payload["app_id"]), str(payload["timestamp"])
    except (ValueError, KeyError, TypeError):
        return None
    expected = hashlib.sha256(app_id.encode() + raw + stamp.encode() + secret.encode()).hexdigest()
    if not hmac.compare_digest(expected, header[4:].strip().lower()):
        return None
    if settings.ZALO_APP_ID and not hmac.compare_digest(app_id, settings.ZALO_APP_ID):
        return None
    try:
        age = time.time() - int(stamp) / 1000
    except ValueError:
        return None
    if abs(age) > settings.ZALO_MAX_EVENT_AGE_SECONDS:
        return None
    return payload


def messages(payload: dict) -> list[Inbound]:
    """The text messages a user sent (other events — follows, reactions, images — are ignored)."""
    if payload.get("event_name") != "user_send_text":
        return []
    try:
        sender, message = payload["sender"]["id"], payload["message"]
        return [Inbound(user_id=str(sender), platform_id=str(message["msg_id"]), text=str(message.get("text", "")))]
    except (KeyError, TypeError):
        return []


def _token() -> PlatformToken:
    token = PlatformToken.objects.filter(channel=Channel.ZALO).first()
    if token is None:
        token = PlatformToken.objects.create(channel=Channel.ZALO, access_token=settings.ZALO_ACCESS_TOKEN,
                                             refresh_token=settings.ZALO_REFRESH_TOKEN)
    return token


def refresh_token(http: httpx.Client) -> PlatformToken:
    """Exchange the refresh token for a new pair (Zalo rotates both and each refresh token works once)."""
    token = _token()
    if not token.refresh_token or not settings.ZALO_APP_SECRET:
        raise SendError("Zalo: không có mã làm mới (refresh token)", retry=False)
    try:
        response = http.post(f"{settings.ZALO_OAUTH_BASE}/v4/oa/access_token",
                             headers={"secret_key": settings.ZALO_APP_SECRET},
                             data={"refresh_token": token.refresh_token, "app_id": settings.ZALO_APP_ID,
                                   "grant_type": "refresh_token"})
        body = response.json()
    except (httpx.HTTPError, ValueError) as exc:
        raise SendError(f"Zalo: làm mới mã truy cập lỗi ({type(exc).__name__})", retry=True) from None
    if not body.get("access_token"):
        raise SendError(f"Zalo: làm mới mã truy cập bị từ chối ({body.get('error', response.status_code)})",
                        retry=False)
    token.access_token, token.refresh_token = body["access_token"], body.get("refresh_token", token.refresh_token)
    token.refreshed_at = timezone.now()
    token.save()
    return token


def call_oa(http: httpx.Client, path: str, payload: dict) -> dict:
    """POST ``payload`` to the OA API at ``path`` with the stored token, refreshing the pair once when
    Zalo says it expired; the answer's body when ``error`` is 0. Chat replies and the outreach app's
    posts share this one token pair (Zalo rotates it: two copies would invalidate each other)."""
    token = _token()
    for attempt in range(2):
        try:
            response = http.post(f"{settings.ZALO_API_BASE}{path}", headers={"access_token": token.access_token},
                                 json=payload)
        except httpx.HTTPError as exc:
            raise SendError(f"Zalo: không kết nối được ({type(exc).__name__})", retry=True) from None
        if response.status_code >= 500:
            raise SendError(f"Zalo: lỗi máy chủ {response.status_code}", retry=True)
        try:
            body = response.json()
            code = int(body.get("error", 0))
        except (ValueError, TypeError, AttributeError):
            raise SendError("Zalo: trả lời không đọc được", retry=True) from None
        if code == 0:
            return body
        if code in TOKEN_ERRORS and attempt == 0:
            token = refresh_token(http)
            continue
        detail = f" ({body.get('message')})" if body.get("message") else ""
        raise SendError(f"Zalo: lỗi {code}{detail}", retry=False)
    raise AssertionError("unreachable: the second attempt returns or raises")


def send(user_id: str, message: dict) -> None:
    """One consultation ``message`` (text only on Zalo; it makes the bare addresses clickable), a part
    of a reply: channels/outgoing.py ``zalo_messages``."""
    with client() as http:
        call_oa(http, "/v3.0/oa/message/cs", {"recipient": {"user_id": user_id}, "message": message})
