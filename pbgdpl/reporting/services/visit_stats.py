"""Nightly roll-up of raw page views into daily counts; the visitor hashes are dropped with them."""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict

from django.db import transaction
from django.utils import timezone

from ..models import DailyVisits, PageView


@transaction.atomic
def roll_up(before: datetime.date | None = None) -> int:
    """Turn every raw view of days before ``before`` (today by default) into daily counts; returns
    how many days were rolled up. Re-running adds to existing counts, never duplicates a view."""
    before = before or timezone.localdate()
    views = PageView.objects.filter(day__lt=before)
    days = sorted(set(views.values_list("day", flat=True)))
    for day in days:
        pages: dict[str, dict] = defaultdict(lambda: {"views": 0, "visitors": set(), "section": ""})
        visitors: set[str] = set()
        devices: dict[str, set[str]] = defaultdict(set)
        referrers: Counter = Counter()
        for path, section, host, device, visitor, count in views.filter(day=day).values_list(
                "path", "section", "referrer_host", "device", "visitor", "views").iterator(chunk_size=5000):
            page = pages[path]
            page["views"] += count
            page["visitors"].add(visitor)
            page["section"] = section
            visitors.add(visitor)
            devices[device].add(visitor)
            if host:
                referrers[host] += count
        total = DailyVisits.objects.filter(day=day, path="").first() or DailyVisits(day=day, path="")
        total.views += sum(p["views"] for p in pages.values())
        total.visitors += len(visitors)
        for device, who in devices.items():
            total.devices[device] = total.devices.get(device, 0) + len(who)
        for host, count in referrers.items():
            total.referrers[host] = total.referrers.get(host, 0) + count
        total.save()
        for path, page in pages.items():
            row = DailyVisits.objects.filter(day=day, path=path).first() or DailyVisits(day=day, path=path)
            row.section = page["section"]
            row.views += page["views"]
            row.visitors += len(page["visitors"])
            row.save()
    views.delete()
    return len(days)
