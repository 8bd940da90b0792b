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


# Characters that print nothing (or a stray "-" where a soft hyphen falls at a line end, "ng-ười")
# and only get in the way of reading and searching: soft hyphen, zero-width and joiner characters,
# byte-order mark, direction marks and embeddings, Mongolian vowel separator.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# Spaces that look like a space but are not one (no-break, narrow, figure, ideographic …).
_ODD_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
# C0 controls other than tab and line breaks, and DEL (form feeds and vertical tabs are line breaks).
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def strip_invisible(text: str) -> str:
    """Remove invisible characters, turn look-alike spaces into spaces and page breaks into line breaks.

    Used on every imported text (legal documents from DOCX/PDF/TXT/CSV) and by the data migration
    that cleaned the text already stored.
    """
    text = _INVISIBLE.sub("", text or "")
    text = _ODD_SPACES.sub(" ", text)
    text = text.replace("\x0b", "\n").replace("\x0c", "\n")
    return _CONTROLS.sub("", text)


def search_key(*parts: object) -> str:
    """What typed text is compared with: the non-empty ``parts`` joined, without diacritics, lower
    case, single-spaced. ``search_key("Phường Phố Hiến", None)`` → ``"phuong pho hien"``."""
    joined = " ".join(str(part) for part in parts if part)
    return " ".join(fold_diacritics(joined).lower().split())
