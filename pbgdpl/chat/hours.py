"""Office hours and holidays: whether staff are expected to answer now."""

from __future__ import annotations

import datetime
import time

from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from .models import Holiday, OfficeHours

# Used until an administrator enters the department's own hours: Monday–Friday, with a lunch break.
DEFAULT_HOURS = [
    (day, datetime.time(7, 30), datetime.time(11, 30)) for day in range(5)
] + [(day, datetime.time(13, 30), datetime.time(17, 0)) for day in range(5)]


# Read on every message: each process keeps the table for a short while (a change shows within this).
CACHE_SECONDS = 30
_cache: dict[str, tuple[float, object]] = {}


def _cached(key: str, load):
    now = time.monotonic()
    hit = _cache.get(key)
    if hit is None or now - hit[0] > CACHE_SECONDS:
        hit = (now, load())
        _cache[key] = hit
    return hit[1]


def forget() -> None:
    """Drop the cached hours and holidays (after an edit in this process; tests)."""
    _cache.clear()


def opening_spans() -> list[tuple[int, datetime.time, datetime.time]]:
    rows = _cached("hours", lambda: list(OfficeHours.objects.values_list("weekday", "start", "end")))
    return rows or DEFAULT_HOURS


def is_open(now: datetime.datetime | None = None) -> bool:
    """True within office hours on a day that is not a holiday (local time)."""
    local = timezone.localtime(now or timezone.now())
    if local.date() in _cached("holidays", lambda: set(Holiday.objects.values_list("date", flat=True))):
        return False
    moment = local.time()
    return any(day == local.weekday() and start <= moment < end for day, start, end in opening_spans())


def _changed(sender, **kwargs) -> None:
    forget()


for _model in (OfficeHours, Holiday):
    post_save.connect(_changed, sender=_model, dispatch_uid=f"chat-hours-{_model.__name__}")
    post_delete.connect(_changed, sender=_model, dispatch_uid=f"chat-hours-del-{_model.__name__}")
