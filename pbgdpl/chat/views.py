"""HTTP endpoints: the platforms' webhooks and the widget's fallback when WebSockets are blocked.

Webhooks store the message (idempotent on the platform's id) and queue the rest, so they answer in
milliseconds; a wrong signature gets 403 and changes nothing.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging

from asgiref.sync import sync_to_async
from channels.layers import get_channel_layer
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pbgdpl.core import ratelimit

from . import broadcast, protocol, services
from .channels import messenger, zalo
from .models import Channel, Sender

log = logging.getLogger(__name__)
MAX_WEBHOOK_BYTES = 64 * 1024
PLATFORM_MESSAGES_PER_HOUR = 120


def _too_big(request: HttpRequest, limit: int) -> bool:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > limit
    except ValueError:
        return True


def _store_platform_messages(channel: str, inbound: list) -> int:
    from .tasks import after_platform_message

    stored = 0
    for item in inbound:
        user_hash = hashlib.sha256(f"{channel}:{item.user_id}".encode()).hexdigest()[:24]
        if ratelimit.hit(f"chat:platform:{user_hash}", 3600) > PLATFORM_MESSAGES_PER_HOUR:
            log.warning("Chat webhook %s: user %s over the hourly limit, message dropped", channel, user_hash)
            continue
        conversation = services.platform_conversation(channel, item.user_id)
        if conversation.contact.blocked:
            continue
        text = item.text.strip()[: settings.CHAT_MESSAGE_MAX_CHARS] or "[Tin nhắn trống]"
        posted = services.post_message(conversation, sender=Sender.CONTACT, text=text, platform_id=item.platform_id)
        if posted.created:
            stored += 1
            try:
                after_platform_message.enqueue(posted.message.pk)
            except Exception:
                log.exception("Chat webhook %s: could not queue automatic replies", channel)
    return stored


@csrf_exempt
@require_POST
def zalo_webhook(request: HttpRequest) -> HttpResponse:
    if _too_big(request, MAX_WEBHOOK_BYTES):
        log.warning("Zalo webhook refused: body too large")
        return HttpResponse(status=413)
    payload = zalo.verify(request.body, request.headers.get("X-ZEvent-Signature", ""))
    if payload is None:
        log.warning("Zalo webhook refused: bad signature, old timestamp or malformed body")
        return HttpResponseForbidden()
    _store_platform_messages(Channel.ZALO, zalo.messages(payload))
    return JsonResponse({"ok": True})


@csrf_exempt
@require_http_methods(["GET", "POST"])
def messenger_webhook(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        challenge = messenger.verify_subscription(request.GET.get("hub.mode", ""),
                                                  request.GET.get("hub.verify_token", ""),
                                                  request.GET.get("hub.challenge", ""))
        if challenge is None:
            log.warning("Messenger subscription check refused: wrong verify token")
            return HttpResponseForbidden()
        return HttpResponse(challenge, content_type="text/plain")
    if _too_big(request, MAX_WEBHOOK_BYTES):
        log.warning("Messenger webhook refused: body too large")
        return HttpResponse(status=413)
    payload = messenger.verify(request.body, request.headers.get("X-Hub-Signature-256", ""))
    if payload is None:
        log.warning("Messenger webhook refused: bad signature or malformed body")
        return HttpResponseForbidden()
    _store_platform_messages(Channel.MESSENGER, messenger.messages(payload))
    return HttpResponse("EVENT_RECEIVED", content_type="text/plain")


# The widget's fallback: the same frames as the WebSocket, one POST per frame, and long-polling.

def _session(request: HttpRequest, token: str) -> protocol.Session:
    session = protocol.Session(client_key=ratelimit.client_key(request))
    if services.valid_token(token):
        session.token = token
        session.conversation = services.conversation_for_token(token)
    return session


def _connection_over_limit(session: protocol.Session) -> bool:
    key = f"chat:poll-conn:{session.token[:16] or session.client_key}"
    return ratelimit.hit(key, 60) > settings.CHAT_RATE_PER_CONNECTION_MINUTE


@csrf_exempt  # no cookie is trusted here: the conversation token travels in the body
@require_POST
def send_frame(request: HttpRequest) -> JsonResponse:
    if _too_big(request, protocol.MAX_FRAME_BYTES):
        return JsonResponse({"frames": [protocol.error("Tin nhắn quá dài.")]}, status=413)
    try:
        frame = json.loads(request.body)
        assert isinstance(frame, dict)
    except (ValueError, AssertionError):
        return JsonResponse({"frames": [protocol.error("Yêu cầu không hợp lệ.")]}, status=400)
    session = _session(request, str(frame.get("token") or ""))
    if frame.get("type") in {"message", "handoff", "transcript", "delete"} and _connection_over_limit(session):
        return JsonResponse({"frames": [protocol.error("Bạn gửi quá nhanh, vui lòng chờ một chút rồi gửi lại.",
                                                       client_id=str(frame.get("client_id") or ""))]},
                            status=429)
    if frame.get("type") == "hello" and protocol.is_blocked(session.client_key):
        return JsonResponse({"frames": [protocol.error("Bạn không thể gửi tin nhắn lúc này.")]}, status=403)
    frames = protocol.dispatch(session, frame)
    protocol.run_after_tasks(session)
    return JsonResponse({"frames": frames})


@require_GET
async def poll(request: HttpRequest) -> JsonResponse:
    """Messages numbered above ``after``, waiting up to CHAT_POLL_SECONDS for one to arrive."""
    token = request.headers.get("X-Chat-Token", "")
    after = protocol.count_or_zero(request.GET.get("after"))
    conversation = await sync_to_async(services.conversation_for_token, thread_sensitive=False)(token)
    if conversation is None:
        return JsonResponse({"frames": [{"type": "deleted"}]})
    fetch = sync_to_async(services.messages_after, thread_sensitive=False)
    found = await fetch(conversation, after)
    if not found:
        layer = get_channel_layer()
        channel = await layer.new_channel()
        group = broadcast.conversation_group(conversation.pk)
        await layer.group_add(group, channel)
        try:
            found = await fetch(conversation, after)  # a message stored while subscribing
            if not found:
                try:
                    await asyncio.wait_for(layer.receive(channel), timeout=settings.CHAT_POLL_SECONDS)
                except TimeoutError:
                    pass
                found = await fetch(conversation, after)
        finally:
            await layer.group_discard(group, channel)
    frames = [{"type": "message", **broadcast.message_payload(m)} for m in found]
    return JsonResponse({"frames": frames})
