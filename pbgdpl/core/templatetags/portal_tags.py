"""Template helpers every public page uses: Vietnamese dates, menu, breadcrumbs, query strings.

Load with ``{% load portal_tags %}``.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django import template
from django.templatetags.static import static
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from pbgdpl.core import people
from pbgdpl.core.forms import short_label
from pbgdpl.core.pagecache import fragments
from pbgdpl.core.pagecache.pages import record_children

logger = logging.getLogger(__name__)
register = template.Library()

# Monday is 0 in Python; Vietnamese counts the days of the week from Sunday (Chủ Nhật).
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")


@register.filter
def person_name(user) -> str:
    """A person's name in Vietnamese order (``core.people.full_name``)."""
    return people.full_name(user)


@register.filter
def vi_date(value, style: str = "") -> str:
    """Write a date the Vietnamese way: ``Thứ Sáu, 27/11/2026``.

    ``style`` may be ``"short"`` (``27/11/2026``) or ``"time"`` (``Thứ Sáu, 27/11/2026, 14:05``).
    Aware datetimes are shown in the site's time zone; anything else renders as "".
    """
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        moment = value
        day = value.date()
    elif isinstance(value, datetime.date):
        moment = None
        day = value
    else:
        return ""
    short = f"{day.day:02d}/{day.month:02d}/{day.year}"
    if style == "short":
        return short
    text = f"{_(WEEKDAYS[day.weekday()])}, {short}"
    if style == "time" and moment is not None:
        text += f", {moment.hour:02d}:{moment.minute:02d}"
    return text


@dataclass(frozen=True)
class MenuSection:
    """What the menu shows of an in-menu section (plain data: it is cached between requests)."""

    slug: str
    title: str
    url: str


def _menu_sections(request, site: Site, page: Page | None) -> list[MenuSection]:
    root = page if page is not None and page.pk == site.root_page_id else site.root_page
    record_children(root)
    children = root.get_children().live().in_menu().public().order_by("path")
    return [MenuSection(child.slug, str(child.title), child.get_url(request) or "/") for child in children]


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[MenuSection]:
    """Live, in-menu children of the site's home page, in tree order (cached until one changes)."""
    request = context.get("request")
    if request is None:
        return []
    cached = getattr(request, "_portal_main_menu", None)
    if cached is not None:
        return cached
    site = Site.find_for_request(request)
    items = [] if site is None else fragments.cached(
        "main-menu", (site.pk, site.root_page_id), lambda: _menu_sections(request, site, context.get("page")))
    request._portal_main_menu = items
    return items


@register.simple_tag(takes_context=True)
def grouped_menu(context) -> list:
    """The main menu in two levels (``pbgdpl.core.menu``), cached per request."""
    from pbgdpl.core.menu import build_menu

    request = context.get("request")
    if request is None:
        return []
    cached = getattr(request, "_portal_grouped_menu", None)
    if cached is None:
        cached = request._portal_grouped_menu = build_menu(main_menu(context), request.path)
    return cached


@register.simple_tag(takes_context=True)
def national_links(context) -> list:
    """The portal's national legal database links (footer, home page), one query per request."""
    request = context.get("request")
    cached = getattr(request, "_portal_national_links", None) if request is not None else None
    if cached is not None:
        return cached
    portal = context.get("portal")
    if portal is None:
        settings_context = context.get("settings")
        portal = settings_context.core.PortalSettings if settings_context is not None else None
    links = list(portal.national_links.all()) if portal is not None else []
    if request is not None:
        request._portal_national_links = links
    return links


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page: Page | None = None, current_title: str = "") -> dict:
    """Trail from the home page to ``page``; ``current_title`` adds a last, non-page step."""
    page = page or context.get("page")
    trail: list[dict] = []
    if page is not None and page.depth > 1:
        ancestors = page.get_ancestors(inclusive=True).filter(depth__gte=2)
        for index, ancestor in enumerate(ancestors):
            title = _("Trang chủ") if index == 0 and ancestor.depth == 2 else ancestor.title
            trail.append({"title": title, "url": ancestor.url})
    else:
        trail.append({"title": _("Trang chủ"), "url": "/"})
    if current_title:
        trail.append({"title": current_title, "url": ""})
    if trail:
        trail[-1]["url"] = ""  # the current step is not a link (aria-current instead)
    return {"trail": trail if len(trail) > 1 else []}


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters replaced (``None``/"" removes them).

    Pagination links use it so that a ``?tag=`` or search filter survives a page change.
    """
    request = context.get("request")
    params = request.GET.copy() if request is not None else {}
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode() if hasattr(params, "urlencode") else ""
    return f"?{encoded}" if encoded else "?"


@register.filter
def summary_label(bound_field) -> str:
    """A bound field's name in an error summary (``core.forms.short_label``)."""
    return short_label(bound_field.form, bound_field.name)


@register.filter
def page_description(page) -> str:
    """Best short description of a page for meta tags: SEO text, then summary, then intro."""
    if page is None:
        return ""
    for attribute in ("search_description", "summary", "intro"):
        value = getattr(page, attribute, "") or ""
        if value.strip():
            return value.strip()
    return ""


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """Absolute URL of the current page without its query string (pagination and filters)."""
    request = context.get("request")
    page = context.get("page")
    if page is not None and getattr(page, "url", None) and request is not None:
        return page.get_full_url(request)
    if request is not None:
        return request.build_absolute_uri(request.path)
    return ""


@register.simple_tag(takes_context=True)
def og_image_url(context) -> str:
    """Absolute URL of a 1200×630 share image: the page's lead image, else the site's default."""
    request = context.get("request")
    if request is None:
        return ""
    page = context.get("page")
    image = getattr(page, "lead_image", None) if page is not None else None
    if image is None:
        return request.build_absolute_uri(static("img/share-default.jpg"))
    try:
        rendition = image.get_rendition("fill-1200x630|format-jpeg|jpegquality-80")
    except Exception:  # a missing source file must not break the page, only the preview
        logger.exception("share image rendition failed for image %s", image.pk)
        return ""
    return request.build_absolute_uri(rendition.url)


@register.simple_tag
def elided_pages(page_obj) -> list:
    """Page numbers for a pagination bar, with "…" gaps (Paginator.ELLIPSIS) on long lists."""
    return list(page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1))


@register.simple_tag(takes_context=True)
def absolute_url(context, path: str) -> str:
    """``path`` as an absolute address on this host (share and copy buttons)."""
    request = context.get("request")
    return request.build_absolute_uri(path) if request is not None else path


@register.inclusion_tag("includes/share_bar.html")
def share_bar(url: str, title: str) -> dict:
    """Copy link, the phone's share sheet (with Zalo/Facebook/e-mail as the fallback) and print."""
    from urllib.parse import quote

    encoded = quote(url, safe="")
    return {
        "url": url,
        "title": title,
        "zalo": f"https://sp.zalo.me/plugins/share?url={encoded}",
        "facebook": f"https://www.facebook.com/sharer/sharer.php?u={encoded}",
        "email": f"mailto:?subject={quote(title[:200])}&body={encoded}",
    }
