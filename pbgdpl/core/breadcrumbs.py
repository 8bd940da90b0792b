"""Breadcrumb trails for views that are not Wagtail pages (``templates/includes/breadcrumbs.html``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

STEP_MAX_CHARS = 60


def _short(title) -> str:
    """A long title (a draft's, a dialogue's) cut at a word with "…", never in the middle of a word."""
    title = str(title)
    if len(title) <= STEP_MAX_CHARS:
        return title
    head = title[:STEP_MAX_CHARS - 1]  # room for the "…"
    if " " in head:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:–-") + "…"


def trail(*steps: tuple[str, str]) -> list[dict]:
    """Steps from the home page; the last one is the current page (no link). Long titles are shortened."""
    items = [{"title": _("Trang chủ"), "url": "/"}, *({"title": _short(title), "url": url} for title, url in steps)]
    items[-1]["url"] = ""
    return items
