"""Security headers: a Content-Security-Policy with per-request nonces, Permissions-Policy and CORP.

Django 5.2 has no CSP support (it arrives in 6.0), so this small middleware does it; the rest of
the hardening (HSTS, nosniff, Referrer-Policy, COOP, secure cookies) is Django's own
``SecurityMiddleware`` configured in ``config/settings/production.py``.

Two policies (settings ``CSP_PUBLIC`` and ``CSP_ADMIN``):

* public pages: scripts only from our own origin or carrying this response's nonce, no inline
  styles, no plugins, no framing of the site (``frame-ancestors 'none'``), videos framed only from
  YouTube's privacy-enhanced domain and Facebook's video plugin, after the visitor's click;
* the Wagtail admin (paths under ``CSP_ADMIN_PREFIXES``): Wagtail 8 still writes inline styles and
  a few inline scripts, and its page preview frames the site itself, so that policy allows
  ``'unsafe-inline'`` and ``frame-ancestors 'self'``. Only logged-in staff reach those pages.

Templates use ``{{ csp_nonce }}`` (context processor ``pbgdpl.core.security.csp_nonce``)::

    <script nonce="{{ csp_nonce }}">…</script>
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject, empty

NONCE_PLACEHOLDER = "{nonce}"

DEFAULT_CSP_PUBLIC: dict[str, list[str]] = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'nonce-{nonce}'"],
    "style-src": ["'self'", "'nonce-{nonce}'"],
    "img-src": ["'self'", "data:", "https://i.ytimg.com"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "media-src": ["'self'"],
    # ALTCHA (Q&A form) solves its proof of work in a Web Worker created from a blob.
    "worker-src": ["'self'", "blob:"],
    # YouTube (the media app's click-to-load player, the news embed block) and Facebook's video plugin.
    "frame-src": ["https://www.youtube-nocookie.com", "https://www.youtube.com", "https://www.facebook.com/plugins/video.php"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "manifest-src": ["'self'"],
}

DEFAULT_CSP_ADMIN: dict[str, list[str]] = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", "https://i.ytimg.com"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "media-src": ["'self'", "blob:"],
    "worker-src": ["'self'", "blob:"],
    "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://www.youtube.com"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}

DEFAULT_PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), interest-cohort=(), browsing-topics=()"
)


def build_policy(directives: dict[str, list[str]], nonce: str, upgrade: bool) -> str:
    """Serialise a directive map into a header value, filling in the nonce."""
    parts = []
    for name, sources in directives.items():
        values = " ".join(s.replace(NONCE_PLACEHOLDER, nonce) for s in sources)
        parts.append(f"{name} {values}".strip())
    if upgrade:
        parts.append("upgrade-insecure-requests")
    return "; ".join(parts)


def _is_admin_path(path: str) -> bool:
    prefixes = getattr(settings, "CSP_ADMIN_PREFIXES", ("/quan-tri/", "/django-admin/"))
    return any(path.startswith(prefix) for prefix in prefixes)


class SecurityHeadersMiddleware:
    """Adds CSP (with a fresh nonce per request), Permissions-Policy and Cross-Origin-Resource-Policy.

    A view that sets its own ``Content-Security-Policy`` keeps it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Lazy: most responses (redirects, JSON, files) never render a template.
        request.csp_nonce = SimpleLazyObject(lambda: secrets.token_urlsafe(18))
        response = self.get_response(request)
        # Whether the page itself used the nonce (the header below always does): such a page
        # cannot be shared by the page cache, its inline code would carry someone else's nonce.
        request.csp_nonce_used_by_page = getattr(request.csp_nonce, "_wrapped", empty) is not empty
        if "Content-Security-Policy" not in response:
            admin = _is_admin_path(request.path)
            directives = (
                getattr(settings, "CSP_ADMIN", DEFAULT_CSP_ADMIN)
                if admin
                else getattr(settings, "CSP_PUBLIC", DEFAULT_CSP_PUBLIC)
            )
            if getattr(request, "is_dummy", False):
                # Wagtail's preview renders the public page through this chain with a made-up request
                # on the page's public path; the editor shows it in a frame of the admin, which the
                # public policy's frame-ancestors 'none' forbids (the preview panel stayed blank).
                directives = {**directives, "frame-ancestors": ["'self'"]}
            upgrade = bool(getattr(settings, "CSP_UPGRADE_INSECURE_REQUESTS", False))
            response["Content-Security-Policy"] = build_policy(directives, str(request.csp_nonce), upgrade)
        response.headers.setdefault(
            "Permissions-Policy", getattr(settings, "PERMISSIONS_POLICY", DEFAULT_PERMISSIONS_POLICY)
        )
        corp = getattr(settings, "CROSS_ORIGIN_RESOURCE_POLICY", "same-site")
        if corp:
            response.headers.setdefault("Cross-Origin-Resource-Policy", corp)
        return response


def csp_nonce(request: HttpRequest) -> dict[str, object]:
    """Template context processor: ``{{ csp_nonce }}`` for inline ``<script>``/``<style>`` tags."""
    return {"csp_nonce": getattr(request, "csp_nonce", "")}
