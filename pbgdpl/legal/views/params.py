"""Reading the query string of the public legal pages: never an error page, always a message.

A bad value (``?ngay=abc``, ``?page=zzz``, an unknown type) is reported in Vietnamese and
replaced by the default, while the raw text stays available to put back into the form.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _

from pbgdpl.core import dates
from pbgdpl.core.numbers import parse_ascii_int

from .. import selectors


@dataclass
class ListingParams:
    filters: selectors.Filters
    sort: str = selectors.DEFAULT_SORT
    page: int = 1
    date_given: bool = False
    raw_date: str = ""
    errors: list[str] = field(default_factory=list)


def parse_date(raw: str) -> datetime.date | None:
    """A reference date a legal list can use (years 1800-2200); None otherwise."""
    value = dates.parse_date(raw)
    return value if value is not None and 1800 <= value.year <= 2200 else None


def read_date(query: QueryDict, errors: list[str]) -> tuple[datetime.date, bool, str]:
    """The reference date (``ngay``), today when absent or unreadable."""
    raw = query.get("ngay", "").strip()
    today = timezone.localdate()
    if not raw:
        return today, False, ""
    value = parse_date(raw)
    if value is None:
        errors.append(
            _("Ngày “%(value)s” không hợp lệ. Hãy nhập theo dạng ngày/tháng/năm, ví dụ %(example)s; "
              "đang hiển thị theo ngày hôm nay.") % {"value": raw[:40], "example": today.strftime("%d/%m/%Y")}
        )
        return today, False, raw
    return value, True, raw


def read_page(query: QueryDict, errors: list[str]) -> int:
    raw = query.get("page", "").strip()
    if not raw:
        return 1
    number = parse_ascii_int(raw, minimum=1)
    if number is not None:
        return number
    errors.append(_("Số trang “%(value)s” không hợp lệ; đang hiển thị trang 1.") % {"value": raw[:20]})
    return 1


def parse_listing(query: QueryDict, *, facets: bool = True) -> ListingParams:
    """Filters, sort, page and reference date of /van-ban/ (and of the lists when ``facets`` is off)."""
    errors: list[str] = []
    on, date_given, raw_date = read_date(query, errors)
    values: dict[str, list[str]] = {}
    if facets:
        for key in selectors.FACET_KEYS:
            wanted = [value.strip() for value in query.getlist(key) if value.strip()][:50]
            if not wanted:
                continue
            known = selectors.known_values(key, wanted)
            unknown = [value for value in wanted if value not in known]
            if unknown:
                errors.append(
                    _("Bỏ qua giá trị không có trong bộ lọc “%(facet)s”: %(values)s.")
                    % {"facet": selectors.FACET_LABELS[key], "values": ", ".join(v[:40] for v in unknown)}
                )
            values[key] = [value for value in dict.fromkeys(wanted) if value in known]
    sort = query.get("sap_xep", "").strip() or selectors.DEFAULT_SORT
    if sort not in selectors.SORTS:
        errors.append(_("Cách sắp xếp “%(value)s” không có; đang sắp xếp theo ngày ban hành mới nhất.") % {"value": sort[:20]})
        sort = selectors.DEFAULT_SORT
    page = read_page(query, errors)
    return ListingParams(
        filters=selectors.Filters(on=on, values=values),
        sort=sort,
        page=page,
        date_given=date_given,
        raw_date=raw_date,
        errors=errors,
    )
