"""Announcements through the Redis channel layer (what production uses when REDIS_URL is set)."""

from __future__ import annotations

import asyncio
import os
import secrets

import pytest
import redis
from channels_redis.core import RedisChannelLayer

from pbgdpl.chat.broadcast import send_to_groups


def _redis_or_skip() -> str:
    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/7")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"no Redis at {url}")
    return url


def test_one_send_reaches_the_conversation_and_the_inbox_once_each_across_processes():
    url = _redis_or_skip()

    async def scenario():
        prefix = f"chat-test-{secrets.token_hex(4)}"
        # Two application processes: each has its own layer (and its own Redis key for its sockets).
        web_a = RedisChannelLayer(hosts=[url], prefix=prefix)
        web_b = RedisChannelLayer(hosts=[url], prefix=prefix)
        try:
            citizen = await web_a.new_channel()
            staff_same_process = await web_a.new_channel()
            staff_other_process = await web_b.new_channel()
            both_groups = await web_b.new_channel()
            bystander = await web_b.new_channel()
            await web_a.group_add("chat-conv-1", citizen)
            await web_a.group_add("chat-inbox", staff_same_process)
            await web_b.group_add("chat-inbox", staff_other_process)
            await web_b.group_add("chat-conv-1", both_groups)
            await web_b.group_add("chat-inbox", both_groups)
            await web_b.group_add("chat-conv-2", bystander)

            await send_to_groups(web_a, ("chat-conv-1", "chat-inbox"), {"type": "chat.message", "text": "Xin chào"})

            for layer, channel in ((web_a, citizen), (web_a, staff_same_process),
                                   (web_b, staff_other_process), (web_b, both_groups)):
                event = await asyncio.wait_for(layer.receive(channel), 2)
                assert event["text"] == "Xin chào"
            for layer, channel in ((web_b, both_groups), (web_b, bystander)):  # no second copy, nothing elsewhere
                with pytest.raises(asyncio.TimeoutError):
                    await asyncio.wait_for(layer.receive(channel), 0.3)
        finally:
            await web_a.flush()
            await web_a.close_pools()
            await web_b.close_pools()

    asyncio.run(scenario())
