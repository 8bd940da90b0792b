"""Office hours and holidays: whether staff are expected to answer now."""

from __future__ import annotations

import datetime

from django.utils import timezone

from .models import Holiday, OfficeHours

# Used until an administrator enters the department's own hours: Monday–Friday, with a lunch break.
DEFAULT_HOURS = [
    (day, datetime.time(7, 30), datetime.time(11, 30)) for day in range(5)
] + [(day, datetime.time(13, 30), datetime.time(17, 0)) for day in range(5)]


def opening_spans() -> list[tuple[int, datetime.time, datetime.time]]:
    rows = list(OfficeHours.objects.values_list("weekday", "start", "end"))
    return rows or DEFAULT_HOURS


def is_open(now: datetime.datetime | None = None) -> bool:
    """True within office hours on a day that is not a holiday (local time)."""
    local = timezone.localtime(now or timezone.now())
    if Holiday.objects.filter(date=local.date()).exists():
        return False
    moment = local.time()
    return any(day == local.weekday() and start <= moment < end for day, start, end in opening_spans())
