"""A stored message as the platforms receive it: links made absolute and kept whole.

The widget draws ``Message.links`` (search suggestions) as links and the inbox's canned answers put
provision addresses in the text. Zalo's consultation messages are text only, and Zalo makes bare
addresses clickable, so each address stays whole on its own line. Messenger gets the addresses as
buttons too (its button template: text up to 640 characters, 1-3 buttons with titles up to 20).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .split import split_text

URL_RE = re.compile(r"https?://[^\s<>\"']+")
# A site address written without the host, as the inbox may give it: "/van-ban/luat-dat-dai/#dieu-3".
SITE_PATH_RE = re.compile(r"(?:(?<=\s)|^)(/[a-z0-9][a-z0-9-]*/[^\s<>\"']*)", re.MULTILINE)
TRAILING = ".,;:!?)…"  # punctuation after an address belongs to the sentence, not to it
MESSENGER_TEXT_MAX, MESSENGER_BUTTONS_MAX, MESSENGER_TITLE_MAX = 640, 3, 20
# Longest text message each platform accepts; a longer reply goes out in parts (channels/split.py).
ZALO_TEXT_LIMIT = MESSENGER_TEXT_LIMIT = 2000


@dataclass(frozen=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True)
class Outgoing:
    text: str  # the message with every address absolute and each link written out on its own line
    links: list[Link]  # every link, in order of appearance


def _absolute(url: str, base: str) -> str:
    return f"{base}{url}" if url.startswith("/") else url


def _split_trailing(url: str) -> tuple[str, str]:
    stripped = url.rstrip(TRAILING)
    return stripped, url[len(stripped):]


def outgoing(message, base_url: str) -> Outgoing:
    """``message`` (text + links) for a platform; ``base_url`` makes site paths absolute."""
    base = base_url.rstrip("/")
    links: list[Link] = []

    def absolute_path(match: re.Match) -> str:
        path, tail = _split_trailing(match.group(1))
        return f"{base}{path}{tail}"

    text = SITE_PATH_RE.sub(absolute_path, message.text)

    for match in URL_RE.finditer(text):
        links.append(Link(title="", url=_split_trailing(match.group(0))[0]))
    lines = [text]
    for extra in message.links or []:
        url = _absolute(str(extra.get("url", "")), base)
        if not URL_RE.fullmatch(url):
            continue
        title = str(extra.get("title", "")).strip()
        links.append(Link(title=title, url=url))
        lines.append(f"{len(links)}. {title}\n{url}" if title else url)
    return Outgoing(text="\n".join(lines), links=links)


def _button_title(link: Link, number: int, count: int) -> str:
    if link.title and len(link.title) <= MESSENGER_TITLE_MAX:
        return link.title
    return "Mở liên kết" if count == 1 else f"Mở liên kết {number}"


def zalo_messages(out: Outgoing) -> list[dict]:
    """The consultation ``message`` objects for one reply, in order (one unless it is too long)."""
    return [{"text": part} for part in split_text(out.text, ZALO_TEXT_LIMIT)]


def messenger_messages(out: Outgoing) -> list[dict]:
    """The Send API ``message`` objects for one reply, in order: text parts (Messenger makes the
    addresses in a text clickable), the last one a button template when the links and that part fit it."""
    parts = split_text(out.text, MESSENGER_TEXT_LIMIT)
    messages: list[dict] = [{"text": part} for part in parts]
    if not out.links or len(out.links) > MESSENGER_BUTTONS_MAX or len(parts[-1]) > MESSENGER_TEXT_MAX:
        return messages
    count = len(out.links)
    buttons = [{"type": "web_url", "url": link.url, "title": _button_title(link, n, count)}
               for n, link in enumerate(out.links, start=1)]
    messages[-1] = {"attachment": {"type": "template", "payload": {
        "template_type": "button", "text": parts[-1], "buttons": buttons}}}
    return messages
