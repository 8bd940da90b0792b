"""People's names in Vietnamese order, in one place.

Django's ``get_full_name()`` is ``first_name + " " + last_name``, and Wagtail shows it on its own
screens (users, dashboard, workflow history). So the admin's user form labels ``first_name`` "Họ và
tên đệm" (family and middle names, "Nguyễn Văn") and ``last_name`` "Tên" (the given name, "An")
(locale/vi), in the order a Vietnamese form asks for them, and every screen reads "Nguyễn Văn An".
Lists of people sort by the given name, as Vietnamese lists do (``SORT_BY_GIVEN_NAME``); a citizen
chatting with staff sees the given name only (``given_name``).
"""

from __future__ import annotations

NAME_FIELD_MAX = 150  # django.contrib.auth's first_name and last_name
SORT_BY_GIVEN_NAME = ("last_name", "first_name", "username")


def full_name(user) -> str:
    """"Nguyễn Văn An", or the username when no name is recorded."""
    if user is None:
        return ""
    return user.get_full_name().strip() or user.get_username()


def given_name(user) -> str:
    """"An" (or what was recorded when the given name was left empty)."""
    return given_name_of(user.first_name, user.last_name) if user is not None else ""


def given_name_of(first_name: str | None, last_name: str | None) -> str:
    """``given_name`` from the two columns (for rows read with ``values()``)."""
    return (last_name or "").strip() or (first_name or "").strip()


def split_full_name(text: str) -> tuple[str, str]:
    """A whole name as ``(first_name, last_name)``: "Nguyễn Văn An" → ("Nguyễn Văn", "An")."""
    words = text.split()
    if not words:
        return "", ""
    return " ".join(words[:-1])[:NAME_FIELD_MAX], words[-1][:NAME_FIELD_MAX]
