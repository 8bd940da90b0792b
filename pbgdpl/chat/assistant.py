"""Automatic messages after a citizen writes: search suggestions on the first message, the away
message outside office hours. Both are system messages, stored and numbered like any other, and
idempotent (a fixed client id per conversation), so a retried task sends each once."""

from __future__ import annotations

import datetime
import logging

from django.utils import timezone

from . import hours, snapshots
from .models import ChatSettings, Message, Sender
from .services import post_message

log = logging.getLogger(__name__)
SUGGESTION_KINDS = ["question", "provision"]
SUGGESTION_COUNT = 3
SUGGESTION_INTRO = "Trong lúc chờ cán bộ, có thể các nội dung sau đã trả lời câu hỏi của bạn:"


def suggestions(text: str) -> list[dict]:
    """The top published Q&As and provisions for ``text`` from the site's search."""
    from pbgdpl.search.engine import search

    try:
        page = search(text[:300], kinds=SUGGESTION_KINDS, per_page=SUGGESTION_COUNT, grouped=False,
                      with_facets=False)
    except Exception:
        log.exception("Chat suggestions failed")
        return []
    links = []
    for hit in page.hits[:SUGGESTION_COUNT]:
        title = hit.title
        if hit.group_title and hit.group_title not in title:
            title = f"{title} — {hit.group_title}"
        links.append({"title": title[:200], "url": hit.url})
    return links


# Conversations known to have today's away message, per process: without this, every message
# outside office hours tried to store it again and was refused by the unique constraint (five
# database round trips and a rolled-back numbering each). The constraint stays the guarantee.
_away_known: dict[int, datetime.date] = {}
AWAY_KNOWN_MAX = 20000


def needs_follow_up(message: Message) -> bool:
    """Whether :func:`after_contact_message` has anything to do (checked before a second trip to a
    database thread): the first message, or the first one outside office hours today."""
    return message.seq == 1 or (not hours.is_open()
                                and _away_known.get(message.conversation_id) != timezone.localdate())


def forget() -> None:
    """Drop what this process knows of away messages sent (tests: ids come round again)."""
    _away_known.clear()


def _remember_away(conversation_id: int, day: datetime.date) -> None:
    if len(_away_known) >= AWAY_KNOWN_MAX:
        _away_known.clear()
    _away_known[conversation_id] = day


def after_contact_message(message: Message) -> list[Message]:
    """Send what the citizen should see after ``message``; returns the system messages created."""
    conversation = message.conversation
    created = []
    # A conversation starts with the person's first message: number 1 (staff cannot open one).
    if message.seq == 1:
        links = suggestions(message.text)
        if links:
            posted = post_message(conversation, sender=Sender.SYSTEM, text=SUGGESTION_INTRO, links=links,
                                  client_id="suggestions")
            created.append(posted.message)
    if not hours.is_open():
        today = timezone.localdate()
        client_id = f"away-{today:%Y%m%d}"
        if (_away_known.get(conversation.pk) != today
                and not Message.objects.filter(conversation=conversation, client_id=client_id).exists()):
            posted = post_message(conversation, sender=Sender.SYSTEM, text=snapshots.cached("settings", ChatSettings.load).away_message,
                                  client_id=client_id)
            if posted.created:
                created.append(posted.message)
        _remember_away(conversation.pk, today)
    return created
