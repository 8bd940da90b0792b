"""Django's Redis cache backend with one connection pool per process.

Django hands each request its own cache object (under ASGI, one per request's context), and each
Redis cache object builds its own connection pool: every page opened new connections to Redis
(two per request were measured on the search and article pages) and paid the TCP set-up on both
sides. This backend shares one client, and so one pool, per server list and options in the
process, and one ``redis.Redis`` object per pool; redis-py's pool is thread-safe and starts afresh
in a forked child.
"""

from __future__ import annotations

import threading

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.utils.functional import cached_property

_clients: dict[tuple, object] = {}
_lock = threading.Lock()


class _ReusedClient(RedisCacheClient):
    """Django builds a new ``redis.Redis`` object for every operation (copying its ~300 response
    callbacks each time); one per pool is enough, as it is thread-safe."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._redis_clients: dict[int, object] = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._redis_clients.get(index)
        if client is None:
            client = self._redis_clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return client


class SharedPoolRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _ReusedClient

    @cached_property
    def _cache(self):
        key = (tuple(self._servers), tuple(sorted((name, repr(value)) for name, value in self._options.items())))
        with _lock:
            client = _clients.get(key)
            if client is None:
                client = _clients[key] = self._class(self._servers, **self._options)
        return client
