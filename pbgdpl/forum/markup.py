"""Members write Markdown; the page shows HTML rendered without raw HTML and cleaned by nh3.

Two layers: markdown-it with ``html`` off turns any ``<script>`` into text, and nh3 then keeps only a
small vocabulary (no images, no styles, links http(s)/mailto with rel="nofollow noopener").
"""

from __future__ import annotations

import re

import nh3
from markdown_it import MarkdownIt

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "breaks": True})
TAGS = {"p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a", "h3", "h4", "hr"}
ATTRIBUTES = {"a": {"href"}}
MENTION = re.compile(r"(?<![\w@])@([\w.+-]{2,150})", re.UNICODE)


def render(source: str) -> str:
    html = _md.render(source or "")
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes={"http", "https", "mailto"},
                     link_rel="nofollow noopener", strip_comments=True)


def mentioned_usernames(source: str) -> set[str]:
    return {name.rstrip(".") for name in MENTION.findall(source or "")}
