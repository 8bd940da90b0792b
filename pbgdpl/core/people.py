"""People's names in Vietnamese order, in one place.

The admin's user form labels ``first_name`` "Tên" (the given name, "An") and ``last_name`` "Họ" (family
and middle names, "Nguyễn Văn"), as Django's Vietnamese translation does. Django's ``get_full_name()``
puts the given name first ("An Nguyễn Văn"), which reads wrong in Vietnamese, so every screen and
e-mail names people through ``full_name`` instead, and forms that ask for a whole name split it
with ``split_full_name``.
"""

from __future__ import annotations

NAME_FIELD_MAX = 150  # django.contrib.auth's first_name and last_name


def full_name(user) -> str:
    """"Nguyễn Văn An" (family name first), or the username when no name is recorded."""
    if user is None:
        return ""
    name = " ".join(part for part in (user.last_name.strip(), user.first_name.strip()) if part)
    return name or user.get_username()


def split_full_name(text: str) -> tuple[str, str]:
    """A whole name as ``(first_name, last_name)``: "Nguyễn Văn An" → ("An", "Nguyễn Văn")."""
    words = text.split()
    if not words:
        return "", ""
    return words[-1][:NAME_FIELD_MAX], " ".join(words[:-1])[:NAME_FIELD_MAX]
