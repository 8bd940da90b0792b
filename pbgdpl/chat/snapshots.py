"""Small tables that every connection or message reads (office hours, holidays, the chat's
settings, the block list), kept per process for a few seconds.

Reading them from the database on every WebSocket connect and ``hello`` cost three queries and a
trip to a database thread per connection: 500 widgets reconnecting after a restart queued behind
1,500 queries. An edit in this process is seen at once (the models' save/delete signals drop the
snapshot); other processes see it within the snapshot's lifetime."""

from __future__ import annotations

import time

from django.db.models.signals import post_delete, post_save

_cache: dict[str, tuple[float, object]] = {}
SECONDS = {"hours": 30, "holidays": 30, "settings": 30, "blocked": 10}


def cached(key: str, load):
    """The snapshot ``key``, loaded with ``load()`` (a database read) when missing or stale."""
    hit = fresh(key)
    if hit is None:
        hit = load()
        _cache[key] = (time.monotonic(), hit)
    return hit


def fresh(key: str):
    """The snapshot ``key`` if it is still fresh, else None (usable from async code)."""
    hit = _cache.get(key)
    if hit is None or time.monotonic() - hit[0] > SECONDS[key]:
        return None
    return hit[1]


def forget(*keys: str) -> None:
    """Drop these snapshots (all without keys): after an edit in this process, and in tests."""
    for key in keys or list(_cache):
        _cache.pop(key, None)


def drop_on_change(model, *keys: str) -> None:
    def changed(sender, **kwargs) -> None:
        forget(*keys)

    for signal in (post_save, post_delete):
        signal.connect(changed, sender=model, weak=False, dispatch_uid=f"chat-snapshot-{signal}-{model.__name__}")
