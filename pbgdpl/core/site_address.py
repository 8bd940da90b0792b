"""The portal's public address: absolute links, and Wagtail's default site record kept on it.

``absolute_url`` is the one place a link for outside the page is built (e-mails, feeds, tracking
links, messages to Zalo/Messenger): from ``BASE_URL`` (``WAGTAILADMIN_BASE_URL``), or from the request
when a page shows the link to the person who is on it, so it always works where they are.

Wagtail's first migration creates the site as ``localhost:80``; every absolute page URL (the
sitemap, feeds) is built from it, so an untouched record publishes ``http://localhost/…`` links
(issue 10, finding 16). ``bootstrap`` runs :func:`sync_default_site` as a set-up step; an address
an operator set by hand (anything but a loopback name) is left alone.
"""

from __future__ import annotations

from urllib.parse import urlparse

from django.conf import settings

from config.settings.safety import is_loopback

_DEFAULT_PORTS = {"http": 80, "https": 443}


def site_base() -> str:
    """``https://portal.example.vn`` (no trailing slash)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute_url(path: str, request=None) -> str:
    """An absolute link to ``path``: on the request's own host when a page shows it, else ``BASE_URL``."""
    if request is not None:
        return request.build_absolute_uri(path)
    return site_base() + path


def sync_default_site() -> str | None:
    """Point a still-``localhost`` default site at ``BASE_URL``; return what changed, or None."""
    from wagtail.models import Site

    base = urlparse(settings.WAGTAILADMIN_BASE_URL)
    if not base.hostname or base.scheme not in _DEFAULT_PORTS:
        return None
    port = base.port or _DEFAULT_PORTS[base.scheme]
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or not is_loopback(site.hostname) or (site.hostname, site.port) == (base.hostname, port):
        return None
    site.hostname, site.port = base.hostname, port
    site.save(update_fields=["hostname", "port"])
    return f"địa chỉ trang web: {base.hostname}:{port}"
