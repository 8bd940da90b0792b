"""The one spelling of a contestant's phone number (the login and the uniqueness key)."""

from __future__ import annotations

from pbgdpl.core.numbers import normalize_vietnamese_phone

MOBILE_PREFIXES = "35789"
INVALID_PHONE_MESSAGE = "Số điện thoại không hợp lệ: cần 10 chữ số (0–9) của số di động Việt Nam, ví dụ 0912345678."


def contestant_phone(raw: str) -> str | None:
    """``"0912 345 678"``, ``"+84912345678"``, fullwidth digits → ``"0912345678"``; None otherwise.

    Fullwidth digits fold to ASCII and other scripts' digits are refused (``pbgdpl.core.numbers``),
    so ``091２０００００１`` is the account ``0912000001`` and never a second one.
    """
    phone = normalize_vietnamese_phone(raw)
    return phone if phone and phone[1] in MOBILE_PREFIXES else None
