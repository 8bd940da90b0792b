"""Helpers the settings modules use to stay safe wherever they run (no Django imports here:
settings modules load before Django is set up)."""

from __future__ import annotations

import ipaddress
import os
import secrets
import socket
from pathlib import Path
from urllib.parse import urlparse

SECRET_KEY_FILE = "secret_key"
# Caches that live inside one process: counters kept there (rate limits, lock-outs, one-time
# ALTCHA challenges) are multiplied by the number of web workers.
PER_PROCESS_CACHE_BACKENDS = frozenset({
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
})
DATABASE_CACHE_TABLE = "pbgdpl_cache"
# One connection pool per process, not one per request (pbgdpl/core/redis_cache.py).
REDIS_CACHE_BACKEND = "pbgdpl.core.redis_cache.SharedPoolRedisCache"
_WILDCARD_ADDRESSES = {"", "0.0.0.0", "::", "[::]"}


def is_loopback(host: str) -> bool:
    """Whether a server bound to ``host`` is reachable from this machine only."""
    host = host.strip().strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def local_secret_key(var_dir: Path) -> str:
    """This installation's own secret key, generated on first use and kept in ``var_dir`` (mode 0600).

    A key written in the source code is public: anyone could sign session and contestant cookies.
    """
    path = Path(var_dir) / SECRET_KEY_FILE
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process (web server or worker) wrote it first
        return path.read_text().strip()
    with os.fdopen(descriptor, "w") as handle:
        handle.write(key + "\n")
    return key


def trial_server_hosts(bind_host: str, base_url: str) -> list[str]:
    """Host names a development server reachable from the network answers to (never ``*``)."""
    hosts = ["localhost", "127.0.0.1", "[::1]", socket.gethostname()]
    for candidate in (bind_host, urlparse(base_url).hostname or ""):
        if candidate not in _WILDCARD_ADDRESSES and candidate not in hosts:
            hosts.append(candidate)
    return hosts


def cache_settings(redis_url: str, shared: bool) -> dict:
    """Redis when configured; else a cache shared by all processes (the database) when ``shared``,
    or a per-process one."""
    if redis_url:
        redis = {"BACKEND": REDIS_CACHE_BACKEND, "LOCATION": redis_url}
        return {"default": redis, "renditions": {**redis, "KEY_PREFIX": "renditions"}}
    # Wagtail writes an image's rendition to its cache each time a page shows it: in the database
    # that is five queries per image per render. Without Redis, each process keeps its own for a
    # few minutes (a replaced image file may show its old rendition that long in other processes).
    renditions = {"renditions": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                 "LOCATION": "renditions", "TIMEOUT": 300}}
    if shared:
        return {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache",
                            "LOCATION": DATABASE_CACHE_TABLE}, **renditions}
    return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}, **renditions}


def page_cache_settings(redis_url: str, var_dir: Path) -> dict:
    """The ``pages`` cache of the anonymous page cache: Redis when configured, else files under
    ``var_dir`` (shared by every process of the machine, so the worker's purges reach the web
    server's pages)."""
    if redis_url:
        return {"pages": {"BACKEND": REDIS_CACHE_BACKEND, "LOCATION": redis_url,
                          "KEY_PREFIX": "pages"}}
    return {"pages": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                      "LOCATION": str(Path(var_dir) / "page-cache"), "OPTIONS": {"MAX_ENTRIES": 20000}}}


def frontend_cache_settings(purge_urls: list[str]) -> dict:
    """``WAGTAILFRONTENDCACHE``: one HTTP PURGE backend per frontend cache (each node's nginx)."""
    return {f"node{i}": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": url}
            for i, url in enumerate(purge_urls, start=1)}


def per_process_cache_problem(caches: dict, web_workers: int | None) -> str | None:
    """Why this cache set-up is unsafe, or None. ``web_workers`` None means "not known", i.e. maybe many."""
    backend = caches.get("default", {}).get("BACKEND", "")
    if backend not in PER_PROCESS_CACHE_BACKENDS or web_workers == 1:
        return None
    workers = "an unknown number of" if web_workers is None else str(web_workers)
    return (f"The cache ({backend}) lives inside each process, but {workers} web workers may run: rate limits "
            "and lock-outs would count per worker. Set REDIS_URL, use the database cache, or set WEB_CONCURRENCY=1.")



def channel_layer_settings(redis_url: str, prefix: str = "") -> dict:
    """Live chat's channel layer (docs/decisions/0016-chat-delivery.md): Redis pub/sub when
    ``redis_url`` is set (one PUBLISH per announcement, messages pushed to each process, instead of
    the list layer's per-process queues that every process polls: two to four round trips per send
    and per receipt), one process's memory otherwise. Pub/sub channels are global to a Redis
    server whatever the database number, so the prefix carries that number: sites (or a bench and
    a test run) on different databases of one Redis never hear each other's messages."""
    if not redis_url:
        return {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    database = urlparse(redis_url).path.strip("/") or "0"
    return {"default": {"BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
                        "CONFIG": {"hosts": [redis_url], "prefix": prefix or f"pbgdpl-{database}:"}}}
