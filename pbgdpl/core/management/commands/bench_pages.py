"""``manage.py bench_pages``: server render time, SQL queries and first-visit weight of public pages.

Runs in-process through Django's test client against the configured database (seed it
first), so it measures the application, not the network. Prints one JSON object.

    python manage.py bench_pages                 # home page + one page of each page type
    python manage.py bench_pages --url /tin-tuc/ --runs 50
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import time
from urllib.parse import urlparse

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

ASSET_PATTERNS = [
    re.compile(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"'),
    re.compile(r'<link[^>]+rel="preload"[^>]+href="([^"]+)"'),
    re.compile(r'<script[^>]+src="([^"]+)"'),
    re.compile(r'<img[^>]+src="([^"]+)"'),
    re.compile(r'<link[^>]+rel="icon"[^>]+href="([^"]+)"'),
]
CSS_URL = re.compile(r'url\("?([^")]+)"?\)')
TEXT_SUFFIXES = (".css", ".js", ".svg", ".html")


def _read_asset(url: str) -> bytes | None:
    """Bytes of a /static/ or /media/ URL as the site would serve them, or None if unknown."""
    path = urlparse(url).path
    if path.startswith(settings.STATIC_URL):
        found = finders.find(path[len(settings.STATIC_URL) :])
        if found:
            with open(found, "rb") as handle:
                return handle.read()
    if path.startswith(settings.MEDIA_URL):
        name = path[len(settings.MEDIA_URL) :]
        if default_storage.exists(name):
            with default_storage.open(name) as handle:
                return handle.read()
    return None


def _compressed_size(url: str, content: bytes) -> int:
    """What travels on the wire: text assets are served gzip-compressed (whitenoise)."""
    if urlparse(url).path.endswith(TEXT_SUFFIXES):
        return len(gzip.compress(content, 6))
    return len(content)


def page_weight(html: str) -> dict:
    """Bytes a first visit downloads: the HTML, its CSS, JS, fonts, icons and images."""
    seen: dict[str, int] = {}
    missing: list[str] = []
    urls = [match for pattern in ASSET_PATTERNS for match in pattern.findall(html)]
    while urls:
        url = urls.pop()
        if url in seen or url.startswith(("http:", "https:", "data:")):
            continue
        content = _read_asset(url)
        if content is None:
            missing.append(url)
            continue
        seen[url] = _compressed_size(url, content)
        if url.endswith(".css"):
            base = url.rsplit("/", 1)[0] + "/"
            for ref in CSS_URL.findall(content.decode("utf-8", "replace")):
                if not ref.startswith(("data:", "http:", "https:", "#")):
                    urls.append(ref if ref.startswith("/") else _join(base, ref))
    html_bytes = len(gzip.compress(html.encode(), 6))
    return {
        "html_gzip_bytes": html_bytes,
        "assets_bytes": sum(seen.values()),
        "total_bytes": html_bytes + sum(seen.values()),
        "assets": dict(sorted(seen.items(), key=lambda item: -item[1])),
        "missing": missing,
    }


def _join(base: str, ref: str) -> str:
    parts = base.rstrip("/").split("/")
    for piece in ref.split("/"):
        if piece == "..":
            parts.pop()
        elif piece != ".":
            parts.append(piece)
    return "/".join(parts)


def default_urls() -> list[str]:
    """The home page and the first live page of every other page type."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return ["/"]
    urls = ["/"]
    seen_types = {site.root_page.content_type_id}
    for page in Page.objects.descendant_of(site.root_page).live().order_by("path"):
        if page.content_type_id not in seen_types:
            seen_types.add(page.content_type_id)
            urls.append(page.url)
    return urls


class Command(BaseCommand):
    help = "Measure render time, SQL queries and first-visit page weight of public pages (JSON)."

    def add_arguments(self, parser):
        parser.add_argument("--url", action="append", dest="urls", help="Page to measure (repeatable).")
        parser.add_argument("--runs", type=int, default=20, help="Timed requests per page (default 20).")

    def handle(self, *args, **options):
        client = Client()
        site = Site.objects.filter(is_default_site=True).first()
        host = site.hostname if site else "localhost"
        results = []
        for url in options["urls"] or default_urls():
            first = client.get(url, HTTP_HOST=host)  # warm-up: renditions, caches
            # Each request clears the query log at its start; start the count from empty.
            reset_queries()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url, HTTP_HOST=host)
            timings = []
            for _ in range(max(1, options["runs"])):
                started = time.perf_counter()
                client.get(url, HTTP_HOST=host)
                timings.append((time.perf_counter() - started) * 1000)
            timings.sort()
            entry = {
                "url": url,
                "status": response.status_code,
                "first_status": first.status_code,
                "queries": len(queries),
                "render_ms_p50": round(statistics.median(timings), 1),
                "render_ms_p95": round(timings[min(len(timings) - 1, int(len(timings) * 0.95))], 1),
            }
            if response.status_code == 200 and "html" in response.get("Content-Type", ""):
                entry["weight"] = page_weight(response.content.decode())
            results.append(entry)
        self.stdout.write(json.dumps({"pages": results}, ensure_ascii=False, indent=2))
