"""Flags for staff on incoming messages: likely spam, profanity. Flagged messages are still stored
and shown; the inbox marks them so staff can block the sender."""

from __future__ import annotations

import re
import unicodedata

from pbgdpl.core.text import fold_diacritics

# Common Vietnamese obscenities and insults, as whole words. Words that lose their meaning without
# diacritics ("lồn" / "lớn", "cặc" / "các") are compared with them; chat slang without.
# Short on purpose: a flag asks a person to look, it does not hide anything.
PROFANITY_ACCENTED = ("lồn", "cặc", "buồi", "đéo", "địt", "đụ má", "đĩ", "óc chó", "đồ ngu", "thằng ngu")
PROFANITY_FOLDED = ("dm", "dmm", "dcm", "vcl", "vkl", "djt", "dit me", "du ma", "clgt")
_ACCENTED_RE = re.compile(r"\b(?:" + "|".join(PROFANITY_ACCENTED) + r")\b")
_FOLDED_RE = re.compile(r"\b(?:" + "|".join(PROFANITY_FOLDED) + r")\b")
_LINK_RE = re.compile(r"https?://|www\.", re.IGNORECASE)
_REPEAT_RE = re.compile(r"(.)\1{9,}")


def message_flags(text: str) -> list[str]:
    """``["spam"]``, ``["profanity"]``, both or none for one message text."""
    flags = []
    if len(_LINK_RE.findall(text)) >= 3 or _REPEAT_RE.search(text):
        flags.append("spam")
    lowered = unicodedata.normalize("NFC", text).lower()
    if _ACCENTED_RE.search(lowered) or _FOLDED_RE.search(fold_diacritics(lowered)):
        flags.append("profanity")
    return flags
