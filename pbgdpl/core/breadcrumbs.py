"""Breadcrumb trails for views that are not Wagtail pages (``templates/includes/breadcrumbs.html``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _


def trail(*steps: tuple[str, str]) -> list[dict]:
    """Steps from the home page; the last one is the current page (no link)."""
    items = [{"title": _("Trang chủ"), "url": "/"}, *({"title": title, "url": url} for title, url in steps)]
    items[-1]["url"] = ""
    return items
