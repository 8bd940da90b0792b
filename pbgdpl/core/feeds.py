"""One feed layer for every app: any Django ``Feed`` class served as RSS 2.0, Atom and JSON Feed 1.1.

Apps write one syndication ``Feed`` (items, titles, links, dates) and mount it with
:func:`feed_urls`, which adds the ``rss/``, ``atom/`` and ``json/`` routes; nothing else knows how a
format is written. Pages advertise their own feed with :func:`feed_links` and the
``includes/feed_links.html`` / ``includes/feed_follow.html`` templates, labelled for people
("Theo dõi bằng RSS"), never "XML".

Feeds are plain GET responses without cookies, so the page cache keeps them; the models they load
(and the list tags their selectors record) purge them like any page (decision 0014).
"""

from __future__ import annotations

import json

from django.contrib.syndication.views import Feed
from django.urls import path, reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


def _rfc3339(value) -> str | None:
    return value.isoformat() if value else None


class JsonFeed(SyndicationFeed):
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1) from Django's feed generator data."""

    content_type = "application/feed+json; charset=utf-8"

    def as_dict(self) -> dict:
        feed = self.feed
        data = {
            "version": JSON_FEED_VERSION,
            "title": str(feed["title"]),
            "home_page_url": feed["link"],
            "feed_url": feed.get("feed_url") or feed["link"],
            "description": str(feed.get("description") or ""),
            "language": feed.get("language") or "vi",
            "items": [self._item(item) for item in self.items],
        }
        return {key: value for key, value in data.items() if value not in ("", None)} | {"items": data["items"]}

    @staticmethod
    def _item(item: dict) -> dict:
        content = str(item.get("description") or item.get("title") or "")
        data = {
            "id": str(item.get("unique_id") or item["link"]),
            "url": item["link"],
            "title": str(item["title"]),
            "content_html": content,
            "date_published": _rfc3339(item.get("pubdate")),
            "date_modified": _rfc3339(item.get("updateddate")),
            "tags": [str(tag) for tag in item.get("categories") or ()],
        }
        if item.get("author_name"):
            data["authors"] = [{"name": str(item["author_name"])}]
        return {key: value for key, value in data.items() if value not in (None, [], "")} | {"content_html": content}

    def write(self, outfile, encoding) -> None:
        outfile.write(json.dumps(self.as_dict(), ensure_ascii=False, indent=1))


#: Format slug (the last URL segment) → Django feed generator.
FORMATS: dict[str, type[SyndicationFeed]] = {"rss": Rss201rev2Feed, "atom": Atom1Feed, "json": JsonFeed}

#: What a person reads next to each format (link titles and visible labels).
FORMAT_LABELS = {"rss": "Theo dõi bằng RSS", "atom": "Theo dõi bằng Atom", "json": "Theo dõi bằng JSON Feed"}
MIME_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml", "json": "application/feed+json"}


def format_class(feed_class: type[Feed], fmt: str) -> type[Feed]:
    """``feed_class`` writing ``fmt`` (Atom gets the description as its subtitle)."""
    attrs = {"feed_type": FORMATS[fmt], "__module__": feed_class.__module__}
    if fmt == "atom" and not hasattr(feed_class, "subtitle"):
        attrs["subtitle"] = getattr(feed_class, "description", None)
    return type(f"{feed_class.__name__}{fmt.title()}", (feed_class,), attrs)


def url_name(name: str, fmt: str) -> str:
    """``""`` → ``rss``/``atom``/``json`` (the legal and Q&A feeds' historic names); else ``name_fmt``."""
    return f"{name}_{fmt}" if name else fmt


def feed_urls(prefix: str, feed_class: type[Feed], name: str = "") -> list:
    """``prefix`` + ``rss/``, ``atom/`` and ``json/`` routes for ``feed_class`` (URL kwargs go to it)."""
    routes = []
    for fmt in FORMATS:
        routes.append(path(f"{prefix}{fmt}/", format_class(feed_class, fmt)(), name=url_name(name, fmt)))
    return routes


def feed_links(title: str, viewname: str, *, args=(), kwargs=None, query: str = "") -> dict:
    """Context for ``includes/feed_links.html`` (``<head>``) and ``includes/feed_follow.html``."""
    suffix = f"?{query}" if query else ""
    links = [
        {
            "format": fmt,
            "label": FORMAT_LABELS[fmt],
            "type": MIME_TYPES[fmt],
            "href": reverse(viewname.replace("{fmt}", fmt), args=args, kwargs=kwargs) + suffix,
        }
        for fmt in FORMATS
    ]
    return {"title": title, "links": links, "rss": links[0]["href"]}


def links_from_urls(title: str, urls: dict[str, str]) -> dict:
    """:func:`feed_links` for routes that are not named URLs (Wagtail routable pages)."""
    links = [
        {"format": fmt, "label": FORMAT_LABELS[fmt], "type": MIME_TYPES[fmt], "href": urls[fmt]} for fmt in FORMATS
    ]
    return {"title": title, "links": links, "rss": urls["rss"]}
