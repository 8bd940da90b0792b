"""Announcements through the Redis channel layer (what production uses when REDIS_URL is set)."""

from __future__ import annotations

import asyncio
import os
import secrets

import pytest
import redis
from channels_redis.pubsub import RedisPubSubChannelLayer

from pbgdpl.chat.broadcast import send_to_groups


def _redis_or_skip() -> str:
    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/7")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"no Redis at {url}")
    return url


def test_one_send_reaches_the_conversation_and_the_inbox_across_processes_and_nobody_else():
    url = _redis_or_skip()

    async def scenario():
        prefix = f"chat-test-{secrets.token_hex(4)}:"
        # Two application processes: each has its own layer and its own subscriptions.
        web_a = RedisPubSubChannelLayer(hosts=[url], prefix=prefix)
        web_b = RedisPubSubChannelLayer(hosts=[url], prefix=prefix)
        other_site = RedisPubSubChannelLayer(hosts=[url], prefix=f"chat-test-{secrets.token_hex(4)}:")
        try:
            citizen = await web_a.new_channel()
            staff_same_process = await web_a.new_channel()
            staff_other_process = await web_b.new_channel()
            bystander = await web_b.new_channel()
            other_sites_staff = await other_site.new_channel()
            await web_a.group_add("chat-conv-1", citizen)
            await web_a.group_add("chat-inbox", staff_same_process)
            await web_b.group_add("chat-inbox", staff_other_process)
            await web_b.group_add("chat-conv-2", bystander)
            await other_site.group_add("chat-inbox", other_sites_staff)

            await send_to_groups(web_a, ("chat-conv-1", "chat-inbox"), {"type": "chat.message", "text": "Xin chào"})

            for layer, channel in ((web_a, citizen), (web_a, staff_same_process), (web_b, staff_other_process)):
                event = await asyncio.wait_for(layer.receive(channel), 2)
                assert event["text"] == "Xin chào"
            for layer, channel in ((web_a, citizen), (web_b, staff_other_process),  # once each
                                   (web_b, bystander), (other_site, other_sites_staff)):  # nothing elsewhere
                with pytest.raises(asyncio.TimeoutError):
                    await asyncio.wait_for(layer.receive(channel), 0.3)
        finally:
            for layer in (web_a, web_b, other_site):
                await layer.flush()

    asyncio.run(scenario())


def test_sites_on_different_redis_databases_get_different_channel_prefixes():
    """Pub/sub channels ignore the database number: without the prefix, a bench on database 9 and
    the site on database 3 of one Redis would deliver each other's messages."""
    from config.settings.safety import channel_layer_settings

    site = channel_layer_settings("redis://127.0.0.1:6379/3")["default"]
    bench = channel_layer_settings("redis://127.0.0.1:6379/9")["default"]
    assert site["BACKEND"] == bench["BACKEND"] == "channels_redis.pubsub.RedisPubSubChannelLayer"
    assert site["CONFIG"]["prefix"] != bench["CONFIG"]["prefix"]
    assert channel_layer_settings("")["default"]["BACKEND"] == "channels.layers.InMemoryChannelLayer"
