"""Warm a freshly forked web worker before it takes its first connection (registered with
``core.serving.register_warm_up``, awaited by config/gunicorn.py's worker).

A reload (scripts/reload-web) hands every open WebSocket to the new workers within seconds: 500
widgets and the staff inbox reconnect to processes that had not yet opened their database pool, their
channel layer connections or their chat database threads, nor read the block list and the chat's
settings. The first few hundred reconnections each paid part of that (the block list was read by every
connection that found it missing: decision record 0016). Done here, before the worker accepts, and
before the old workers are told to close their sockets, none of it is on a reconnection's path.
"""

from __future__ import annotations

import asyncio
import time

from django.conf import settings

HOLD_SECONDS = 0.05  # each thread keeps its connection this long, so the pool opens one per thread


def _read_snapshots() -> None:
    """The block list, the chat's settings and office hours, read once into this process. Once, in
    one thread: the settings row is created on first read, and several threads creating it at
    once lock the table on SQLite."""
    from . import hours, protocol

    protocol.is_blocked("")
    protocol.chat_settings()
    hours.is_open()


def _prepare_thread() -> None:
    """In one chat database thread: take a pooled connection, run a reconnection's query, hold it."""
    from . import services

    services.conversation_for_token("0" * 22)  # a token no conversation has: the hello's query
    time.sleep(HOLD_SECONDS)


async def _prepare_threads() -> None:
    from .consumers import in_thread

    await in_thread(_read_snapshots)()
    calls = [in_thread(_prepare_thread)() for _ in range(settings.CHAT_DB_THREADS)]
    calls += [in_thread(_prepare_thread, "staff")() for _ in range(settings.CHAT_STAFF_DB_THREADS)]
    await asyncio.gather(*calls)


async def _prepare_channel_layer() -> None:
    """A consumer's round trip: subscribe a channel, publish to it, receive; then unsubscribe."""
    from channels.layers import get_channel_layer

    layer = get_channel_layer()
    if layer is None:
        return
    channel = await layer.new_channel()
    await layer.send(channel, {"type": "warm.up"})
    await asyncio.wait_for(layer.receive(channel), 5)
    # channels_redis drops a channel's subscription when a receive() on it is cancelled (a consumer
    # leaving): that is the only way to let go of it.
    waiting = asyncio.ensure_future(layer.receive(channel))
    await asyncio.sleep(0)
    waiting.cancel()
    await asyncio.gather(waiting, return_exceptions=True)


async def warm_up_chat() -> None:
    """Everything above, together, in the worker's event loop."""
    await asyncio.gather(_prepare_threads(), _prepare_channel_layer())
