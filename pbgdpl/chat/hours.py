"""Office hours and holidays: whether staff are expected to answer now."""

from __future__ import annotations

import datetime

from django.utils import timezone

from . import snapshots
from .models import Holiday, OfficeHours

# Used until an administrator enters the department's own hours: Monday–Friday, with a lunch break.
DEFAULT_HOURS = [
    (day, datetime.time(7, 30), datetime.time(11, 30)) for day in range(5)
] + [(day, datetime.time(13, 30), datetime.time(17, 0)) for day in range(5)]


def forget() -> None:
    """Drop the cached hours and holidays (after an edit in this process; tests)."""
    snapshots.forget("hours", "holidays")


def opening_spans() -> list[tuple[int, datetime.time, datetime.time]]:
    rows = snapshots.cached("hours", lambda: list(OfficeHours.objects.values_list("weekday", "start", "end")))
    return rows or DEFAULT_HOURS


def is_open(now: datetime.datetime | None = None) -> bool:
    """True within office hours on a day that is not a holiday (local time)."""
    local = timezone.localtime(now or timezone.now())
    if local.date() in snapshots.cached("holidays", lambda: set(Holiday.objects.values_list("date", flat=True))):
        return False
    moment = local.time()
    return any(day == local.weekday() and start <= moment < end for day, start, end in opening_spans())


# Read on every message: each process keeps the tables for a short while (snapshots.SECONDS).
snapshots.drop_on_change(OfficeHours, "hours")
snapshots.drop_on_change(Holiday, "holidays")
