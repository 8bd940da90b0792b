"""Vietnamese text helpers used across apps: diacritic folding and URL slugs.

One place for each rule: search analysis, legal slugs and element ids, Q&A slugs and tag slugs all
fold the same way (every combining mark removed, ``đ`` → ``d``).
"""

from __future__ import annotations

import re
import unicodedata

from django.utils.text import slugify


def fold_diacritics(text: str) -> str:
    """Remove every diacritic and map đ → d: ``"Đất đai"`` → ``"Dat dai"``."""
    decomposed = unicodedata.normalize("NFD", text or "")
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("đ", "d").replace("Đ", "D")


def vietnamese_slug(text: str, max_length: int = 200) -> str:
    """``"571/QĐ-UBND"`` → ``"571-qd-ubnd"``; ``"Luật Đất đai"`` → ``"luat-dat-dai"``.

    Django's slugify drops "đ" (it has no ASCII decomposition), so fold it first.
    """
    folded = fold_diacritics(text).replace("/", "-")
    return slugify(folded)[:max_length].strip("-")


def ascii_identifier(text: str) -> str:
    """ASCII, hyphenated, lower-case, every other character a separator: ``"QUY CHẾ"`` → ``"quy-che"``."""
    return re.sub(r"[^a-z0-9]+", "-", fold_diacritics(text).lower()).strip("-")
