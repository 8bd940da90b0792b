"""A chat message's text in the admin: escaped, line breaks kept, addresses made links.

The widget linkifies in the browser (static/chat/widget.js); the inbox's conversation page is drawn
here, with the same two patterns the platforms' outgoing messages use (channels/outgoing.py): full
``http(s)://`` addresses and site paths such as ``/van-ban/luat-dat-dai/#dieu-3``. Everything else
is escaped; an address can only become an ``href`` of its own characters (no quotes, no ``<>``)."""

from __future__ import annotations

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ..channels.outgoing import SITE_PATH_RE, URL_RE, _split_trailing

register = template.Library()
ADDRESS_RE = re.compile(f"{URL_RE.pattern}|{SITE_PATH_RE.pattern}", re.MULTILINE)


def _link(url: str) -> str:
    external = ' target="_blank" rel="noopener noreferrer"' if not url.startswith("/") else ""
    return f'<a href="{escape(url)}"{external}>{escape(url)}</a>'


@register.filter(is_safe=True)
def chat_text(text: str) -> SafeString:
    text = str(text or "")
    out, done = [], 0
    for match in ADDRESS_RE.finditer(text):
        start = match.start(1) if match.group(1) else match.start()
        url, _ = _split_trailing(text[start:match.end()])
        out.append(escape(text[done:start]))
        out.append(_link(url))
        done = start + len(url)
    out.append(escape(text[done:]))
    return mark_safe("".join(out).replace("\r\n", "\n").replace("\n", "<br>"))  # noqa: S308 (escaped above)
