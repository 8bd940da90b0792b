"""Django's Redis cache backend with one connection pool per process.

Django hands each request its own cache object (under ASGI, one per request's context), and each
Redis cache object builds its own connection pool: every page opened new connections to Redis
(two per request were measured on the search and article pages) and paid the TCP set-up on both
sides. This backend shares one client, and so one pool, per server list and options in the
process; redis-py's pool is thread-safe and starts afresh in a forked child.
"""

from __future__ import annotations

import threading

from django.core.cache.backends.redis import RedisCache
from django.utils.functional import cached_property

_clients: dict[tuple, object] = {}
_lock = threading.Lock()


class SharedPoolRedisCache(RedisCache):
    @cached_property
    def _cache(self):
        key = (tuple(self._servers), tuple(sorted((name, repr(value)) for name, value in self._options.items())))
        with _lock:
            client = _clients.get(key)
            if client is None:
                client = _clients[key] = self._class(self._servers, **self._options)
        return client
