"""Cursor pagination: an opaque cursor that keeps its place when rows are added (unlike page numbers)."""

from __future__ import annotations

import base64
import datetime
import json

from django.db.models import F, Q, QuerySet
from ninja.errors import HttpError

MAX_LIMIT = 100


def _encode(values: list) -> str:
    raw = json.dumps([v.isoformat() if isinstance(v, datetime.date) else v for v in values])
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _decode(cursor: str) -> list:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()).decode())
        if not isinstance(values, list) or len(values) != 2:
            raise ValueError
        return values
    except (ValueError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise HttpError(400, "Con trỏ trang (cursor) không hợp lệ.") from error


def newest_first(queryset: QuerySet, *, date_field: str, cursor: str | None, limit: int) -> tuple[list, str | None]:
    """Rows ordered by ``date_field`` descending then id descending (nulls last), after ``cursor``."""
    limit = max(1, min(limit, MAX_LIMIT))
    ordered = queryset.order_by(F(date_field).desc(nulls_last=True), "-id")
    if cursor:
        last_date, last_id = _decode(cursor)
        if last_date is None:
            ordered = ordered.filter(**{f"{date_field}__isnull": True, "id__lt": last_id})
        else:
            day = datetime.date.fromisoformat(last_date)
            ordered = ordered.filter(Q(**{f"{date_field}__lt": day}) | Q(**{date_field: day, "id__lt": last_id})
                                     | Q(**{f"{date_field}__isnull": True}))
    rows = list(ordered[: limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = _encode([getattr(rows[-1], date_field), rows[-1].pk]) if more and rows else None
    return rows, next_cursor
