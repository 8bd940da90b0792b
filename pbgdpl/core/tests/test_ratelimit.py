"""Rate-limit counters share one cache handle per process, whatever thread or asyncio task counts.

Django keeps ``django.core.cache.cache`` per thread and per asyncio context, so every request
handler and WebSocket consumer used to open its own Redis connection."""

from __future__ import annotations

import asyncio
import secrets
import threading

from pbgdpl.core import ratelimit

CONTEXTS = 20


def _nothing() -> None:
    pass


def _hit_from_threads(key: str, while_alive=_nothing) -> list[int]:
    """Each thread counts once, then stays alive until ``while_alive`` has run (so a handle a
    thread kept for itself would still hold its connection)."""
    counts, serial = [], threading.Lock()
    counted, release = threading.Barrier(CONTEXTS + 1), threading.Event()

    def count_once():
        with serial:  # one at a time: a shared handle needs a single connection
            counts.append(ratelimit.hit(key, 60))
        counted.wait(timeout=10)
        release.wait(timeout=10)

    threads = [threading.Thread(target=count_once) for _ in range(CONTEXTS)]
    for thread in threads:
        thread.start()
    counted.wait(timeout=10)
    while_alive()
    release.set()
    for thread in threads:
        thread.join(timeout=10)
    return counts


async def _hit_from_tasks(key: str, while_alive=_nothing) -> list[int]:
    """The same from asyncio tasks, each with its own context (like one WebSocket consumer each)."""
    counts, release = [], asyncio.Event()

    async def count_once():
        counts.append(ratelimit.hit(key, 60))
        await release.wait()

    tasks = [asyncio.create_task(count_once()) for _ in range(CONTEXTS)]
    while len(counts) < CONTEXTS:
        await asyncio.sleep(0)
    while_alive()
    release.set()
    await asyncio.gather(*tasks)
    return counts


def test_counts_from_threads_and_async_tasks_add_up(settings):
    settings.CACHES = {**settings.CACHES, "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                                      "LOCATION": "ratelimit-counts"}}
    key = f"test:one-handle:{secrets.token_hex(4)}"
    assert sorted(_hit_from_threads(key)) == list(range(1, CONTEXTS + 1))
    assert sorted(asyncio.run(_hit_from_tasks(key))) == list(range(CONTEXTS + 1, 2 * CONTEXTS + 1))
    assert ratelimit.count(key) == 2 * CONTEXTS


def test_with_redis_many_contexts_use_one_connection(settings, test_redis):
    url, admin = test_redis
    name = f"ratelimit-test-{secrets.token_hex(4)}"
    settings.CACHES = {**settings.CACHES, "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                                      "LOCATION": url, "OPTIONS": {"client_name": name}}}
    seen = []

    def count_connections():
        seen.append(sum(1 for client in admin.client_list() if client.get("name") == name))

    key = f"test:one-connection:{secrets.token_hex(4)}"
    try:
        assert sorted(_hit_from_threads(key, count_connections)) == list(range(1, CONTEXTS + 1))
        assert sorted(asyncio.run(_hit_from_tasks(key, count_connections))) == list(
            range(CONTEXTS + 1, 2 * CONTEXTS + 1))
        # Counted in one round trip (INCR, EXPIRE NX): the counter reads back and still expires.
        assert ratelimit.count(key) == 2 * CONTEXTS
        assert 0 < admin.ttl(ratelimit.counter_store().make_and_validate_key(key)) <= 60
    finally:
        ratelimit.counter_store().delete(key)
        ratelimit.counter_store().close()
    assert seen == [1, 1], f"{CONTEXTS} threads, then {CONTEXTS} tasks, kept {seen} connections open"
