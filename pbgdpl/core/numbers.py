"""Numbers typed by strangers: ASCII digits only, after NFKC.

Python's ``str.isdigit()`` and the regex ``\\d`` accept superscripts (``²``), fullwidth digits
(``２``) and other scripts' digits (``١``); ``int()`` accepts some of them and not others. A phone
number or a page number that can be spelled in several ways creates duplicate accounts or 500s,
so every number from a form or a query string goes through here.
"""

from __future__ import annotations

import re
import unicodedata

_ASCII_INT_RE = re.compile(r"[0-9]{1,18}")
_PHONE_SEPARATORS_RE = re.compile(r"[\s.\-()]")
VIETNAMESE_MOBILE_RE = re.compile(r"0[0-9]{9}")


def nfkc(text: str) -> str:
    """Compatibility-normalise: fullwidth ``０９１２`` becomes ``0912``; ``²`` becomes ``2``."""
    return unicodedata.normalize("NFKC", text or "")


def parse_ascii_int(raw: object, *, minimum: int | None = None, maximum: int | None = None) -> int | None:
    """``"12"`` → 12; anything that is not plain ASCII digits (after trimming), or out of range, → None.

    NFKC is deliberately *not* applied: ``?page=²`` is an invalid page, not page 2.
    """
    text = str(raw or "").strip()
    if not _ASCII_INT_RE.fullmatch(text):
        return None
    value = int(text)
    if minimum is not None and value < minimum:
        return None
    if maximum is not None and value > maximum:
        return None
    return value


def digits_only(raw: str) -> str | None:
    """The ASCII digits of an identifier typed with any digits (``091２ 000`` → ``091２000`` → ``0912000``).

    NFKC maps fullwidth digits to ASCII; digits of other scripts (Arabic-Indic ``١``) survive
    NFKC and are refused: returns None when anything but ASCII digits and separators is left.
    """
    text = _PHONE_SEPARATORS_RE.sub("", nfkc(raw))
    return text if text and text.isascii() and text.isdigit() else None


def normalize_vietnamese_phone(raw: str) -> str | None:
    """``"0912 345 678"``, ``"+84912345678"``, ``"84-912-345-678"``, fullwidth digits → ``"0912345678"``.

    None when it is not a 10-digit Vietnamese number written with ASCII (or fullwidth) digits.
    """
    text = _PHONE_SEPARATORS_RE.sub("", nfkc(raw))
    if text.startswith("+84"):
        text = "0" + text[3:]
    elif text.startswith("84") and len(text) == 11:
        text = "0" + text[2:]
    return text if VIETNAMESE_MOBILE_RE.fullmatch(text) else None
