"""Automatic messages after a citizen writes: search suggestions on the first message, the away
message outside office hours. Both are system messages, stored and numbered like any other, and
idempotent (a fixed client id per conversation), so a retried task sends each once."""

from __future__ import annotations

import logging

from django.utils import timezone

from . import hours
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
        posted = post_message(conversation, sender=Sender.SYSTEM, text=ChatSettings.load().away_message,
                              client_id=f"away-{today:%Y%m%d}")
        if posted.created:
            created.append(posted.message)
    return created
