"""Template filters for the admin's own templates (lists, branding)."""

from __future__ import annotations

import datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def admin_date(value) -> str:
    """``27/11/2026`` for a date, ``27/11/2026 14:05`` (site time) for a datetime, "" otherwise."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return ""
