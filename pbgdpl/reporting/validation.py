"""The one place where a return's figures are parsed and checked against their indicators' rules.

Every way in (the entry form, the Excel upload) goes through :func:`check_figures`, so a rule means
the same thing everywhere and its message is written once, in Vietnamese.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from pbgdpl.core.numbers import nfkc

from .models import Comparison, Indicator

# "1.234" and "1 234" as thousands (the Vietnamese way of writing 1234), "12,5" as a decimal.
_THOUSANDS = re.compile(r"^\d{1,3}([. ]\d{3})+$")
_PLAIN = re.compile(r"^\d+([.,]\d+)?$")


def _number_text(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.replace(".", ",")


def parse_figure(raw: object, indicator: Indicator) -> tuple[Decimal | None, str]:
    """(value, "") or (None, message); blank gives (None, "")."""
    if raw is None:
        return None, ""
    if isinstance(raw, bool):
        return None, "Không phải là số."
    if isinstance(raw, int | float | Decimal):
        value = Decimal(str(raw))
    else:
        text = nfkc(str(raw)).strip().replace("\u00a0", " ")
        if not text:
            return None, ""
        if text.startswith("-"):
            return None, "Số liệu không được là số âm."
        if _THOUSANDS.match(text):
            text = re.sub(r"[. ]", "", text)
        elif _PLAIN.match(text):
            text = text.replace(",", ".")
        else:
            return None, f"«{str(raw)[:30]}» không phải là số (ví dụ đúng: 120 hoặc 12,5)."
        try:
            value = Decimal(text)
        except InvalidOperation:
            return None, "Không phải là số."
    if not value.is_finite():
        return None, "Không phải là số."
    if indicator.integer_only and value != value.to_integral_value():
        return None, "Chỉ tiêu này chỉ nhận số nguyên."
    if abs(value) >= Decimal("1e12"):
        return None, "Số quá lớn."
    return value.quantize(Decimal("0.01")), ""


@dataclass
class Checked:
    values: dict[str, Decimal | None] = field(default_factory=dict)  # by indicator code
    errors: dict[str, str] = field(default_factory=dict)  # by indicator code

    @property
    def ok(self) -> bool:
        return not self.errors


def check_figures(indicators: list[Indicator], raw: dict[str, object], *, complete: bool) -> Checked:
    """Parse and check ``raw`` (by indicator code). ``complete``: every entered indicator must have
    a figure (on submission; a draft may have blanks)."""
    checked = Checked()
    entered = [i for i in indicators if not i.is_computed]
    for indicator in entered:
        value, error = parse_figure(raw.get(indicator.code), indicator)
        checked.values[indicator.code] = value
        if error:
            checked.errors[indicator.code] = error
        elif value is None:
            if complete:
                checked.errors[indicator.code] = "Chưa nhập số liệu."
        elif indicator.min_value is not None and value < indicator.min_value:
            checked.errors[indicator.code] = f"Không được nhỏ hơn {_number_text(indicator.min_value)}."
        elif indicator.max_value is not None and value > indicator.max_value:
            checked.errors[indicator.code] = f"Không được lớn hơn {_number_text(indicator.max_value)}."
    by_id = {i.pk: i for i in entered}
    for indicator in entered:
        value = checked.values.get(indicator.code)
        other = by_id.get(indicator.compare_to_id)
        if value is None or other is None or indicator.code in checked.errors:
            continue
        other_value = checked.values.get(other.code)
        if other_value is None:
            continue
        if indicator.comparison == Comparison.NOT_ABOVE and value > other_value:
            checked.errors[indicator.code] = (
                f"Không được lớn hơn chỉ tiêu {other.code} «{other.name}» ({_number_text(other_value)})."
            )
        elif indicator.comparison == Comparison.EQUAL and value != other_value:
            checked.errors[indicator.code] = (
                f"Phải bằng chỉ tiêu {other.code} «{other.name}» ({_number_text(other_value)})."
            )
    return checked


def ratio(numerator: Decimal | None, denominator: Decimal | None) -> Decimal | None:
    """numerator / denominator in per cent, one decimal; None when undefined."""
    if numerator is None or not denominator:
        return None
    return (Decimal(numerator) * 100 / Decimal(denominator)).quantize(Decimal("0.1"))
