"""Figures written the Vietnamese way: 12.345 (thousands), 12,5 (decimals), — for none."""

from __future__ import annotations

from decimal import Decimal


def vn_number(value: Decimal | int | float | None) -> str:
    if value is None:
        return "—"
    value = Decimal(str(value))
    sign = "-" if value < 0 else ""
    value = abs(value)
    whole = int(value)
    fraction = value - whole
    text = f"{whole:,}".replace(",", ".")
    if fraction:
        decimals = format(fraction.normalize(), "f")[2:4].rstrip("0")
        if decimals:
            text += "," + decimals
    return sign + text
