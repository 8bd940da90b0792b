"""One Redis connection pool per process for Django's caches, whatever the number of requests."""

from __future__ import annotations

import asyncio
import secrets

from pbgdpl.core.redis_cache import SharedPoolRedisCache


def test_cache_objects_of_many_requests_share_one_connection(test_redis):
    url, admin = test_redis
    name = f"shared-pool-test-{secrets.token_hex(4)}"
    key = f"test:shared-pool:{secrets.token_hex(4)}"

    caches = []  # twenty requests in flight at once

    async def one_request(number: int) -> None:
        # Django gives every request (asyncio context) a fresh cache object, as here.
        cache = SharedPoolRedisCache(url, {"OPTIONS": {"client_name": name}})
        caches.append(cache)
        await asyncio.to_thread(cache.set, f"{key}:{number}", number, 30)

    async def many_requests() -> None:
        for number in range(20):
            await one_request(number)

    asyncio.run(many_requests())
    connections = sum(1 for client in admin.client_list() if client.get("name") == name)
    admin.delete(*(f":1:{key}:{number}" for number in range(20)))
    assert connections == 1, f"20 requests kept {connections} connections open"
