"""Template helpers of the public legal pages. Load with ``{% load legal_tags %}``."""

from __future__ import annotations

import datetime

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def vi_long_date(value) -> str:
    """A date written out as Vietnamese documents do: "ngày 01 tháng 7 năm 2016".

    Days below 10 and the months 1 and 2 take a leading zero (Nghị định 30/2020/NĐ-CP,
    Phụ lục I), so that "ngày 01 tháng 02" cannot be altered by hand.
    """
    if not isinstance(value, datetime.date):
        return ""
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return _("ngày %(day)s tháng %(month)s năm %(year)s") % {"day": f"{value.day:02d}", "month": month, "year": value.year}


@register.filter
def short_date(value) -> str:
    """27/11/2026."""
    if not isinstance(value, datetime.date):
        return ""
    return f"{value.day:02d}/{value.month:02d}/{value.year}"
