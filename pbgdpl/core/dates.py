"""Dates as people in Viet Nam type them: one reader for every form, filter and import."""

from __future__ import annotations

import datetime

# Day first as people write it (27/11/2026, 27-11-2026, 27.11.2026), and ISO as date pickers send it.
DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y")


def parse_date(text: str) -> datetime.date | None:
    """The date written in ``text``, or None when it is not one of the accepted shapes or not a real day."""
    text = (text or "").strip()
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None
