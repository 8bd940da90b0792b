"""The monthly report: conversations per channel, first-response time and resolution."""

from __future__ import annotations

import datetime
import statistics
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from .models import Channel, Conversation, Status


def parse_month(raw: str) -> datetime.date:
    """``"2026-11"`` → 1 Nov 2026; anything else → the current month."""
    try:
        year, month = (int(part) for part in raw.split("-"))
        return datetime.date(year, month, 1)
    except (ValueError, TypeError):
        return timezone.localdate().replace(day=1)


def _minutes(deltas: list[datetime.timedelta]) -> float | None:
    return round(statistics.median(d.total_seconds() / 60 for d in deltas), 1) if deltas else None


def monthly(month: datetime.date) -> dict:
    zone = ZoneInfo(settings.TIME_ZONE)
    start = datetime.datetime.combine(month, datetime.time(), tzinfo=zone)
    end = datetime.datetime.combine((month + datetime.timedelta(days=32)).replace(day=1), datetime.time(), tzinfo=zone)
    rows = list(Conversation.objects.filter(created_at__gte=start, created_at__lt=end)
                .values("channel", "status", "created_at", "first_response_at", "closed_at", "qa_tracking_code",
                        "flagged"))
    answered = [r for r in rows if r["first_response_at"]]
    closed = [r for r in rows if r["status"] == Status.CLOSED and r["closed_at"]]
    return {
        "total": len(rows),
        "by_channel": [(label, sum(r["channel"] == value for r in rows)) for value, label in Channel.choices],
        "answered": len(answered),
        "first_response_median_min": _minutes([r["first_response_at"] - r["created_at"] for r in answered]),
        "closed": len(closed),
        "resolution_rate": round(100 * len(closed) / len(rows)) if rows else None,
        "time_to_close_median_min": _minutes([r["closed_at"] - r["created_at"] for r in closed]),
        "handed_to_qa": sum(bool(r["qa_tracking_code"]) for r in rows),
        "flagged": sum(r["flagged"] for r in rows),
    }
