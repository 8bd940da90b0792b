"""Audit log retention."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone

from .models import AuditEntry


def prune(now: datetime.datetime | None = None) -> int:
    """Delete entries older than ``AUDIT_RETENTION_DAYS``; returns how many."""
    days = int(getattr(settings, "AUDIT_RETENTION_DAYS", 730))
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    deleted, _ = AuditEntry.objects.filter(at__lt=cutoff).delete()
    return deleted
