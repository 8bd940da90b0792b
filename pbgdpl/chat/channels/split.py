"""Cutting a reply longer than a platform accepts into parts sent one after another.

Zalo and Messenger refuse a text over 2,000 characters (Messenger's button template: 640). A reply is
cut at the last paragraph break that fits, else the last line break, else the end of a sentence,
else a space, and only as a last resort inside a word; addresses contain no spaces, so they stay whole.
The parts keep the reply's order and, joined, its words.
"""

from __future__ import annotations

import re

# Boundaries from the most to the least natural: the text is cut at the first kind that fits.
BOUNDARIES = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"(?<=[.!?…;:])\s+"), re.compile(r"\s+"))


def split_text(text: str, limit: int) -> list[str]:
    """``text`` in parts of at most ``limit`` characters, cut at the most natural boundary that fits."""
    text = text.strip()
    parts = []
    while len(text) > limit:
        cut = _cut_at(text, limit)
        parts.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    if text:
        parts.append(text)
    return parts


def _cut_at(text: str, limit: int) -> int:
    """Where the first part ends: after the last boundary of the best kind inside the first ``limit``
    characters (at least a quarter in, so a break near the start does not make a tiny part)."""
    window = text[: limit + 1]  # a boundary right after the limit still lets the part fill it
    for boundary in BOUNDARIES:
        ends = [m.start() for m in boundary.finditer(window) if limit // 4 <= m.start() <= limit]
        if ends:
            return ends[-1]
    return limit
