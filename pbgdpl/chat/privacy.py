"""Personal data held by the chat (registered with pbgdpl/core/personal_data.py): contacts found by
the e-mail or phone number they gave, with their conversations. Retention of closed conversations."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from .models import Contact, Conversation, Message, Sender, Status


def _contacts(email: str, phone: str):
    query = Q()
    if email:
        query |= Q(email__iexact=email.strip())
    if phone:
        query |= Q(phone=phone.strip())
    return Contact.objects.filter(query) if query else Contact.objects.none()


def export_person(email: str = "", phone: str = "") -> list[dict]:
    out = []
    for contact in _contacts(email, phone):
        for conversation in contact.conversations.order_by("pk"):
            out.append({
                "channel": contact.channel,
                "started": conversation.created_at.isoformat(),
                "messages": [
                    {"at": m.created_at.isoformat(), "from": m.sender, "text": m.text}
                    for m in conversation.messages.exclude(sender=Sender.NOTE).order_by("seq")
                ],
            })
    return out


def erase_person(email: str = "", phone: str = "") -> int:
    """Delete the person's contacts with every conversation and message; returns the contacts deleted."""
    contacts = list(_contacts(email, phone))
    for contact in contacts:
        contact.delete()
    return len(contacts)


def apply_retention(now: datetime.datetime | None = None) -> int:
    """Delete conversations closed (or silent) for longer than CHAT_RETENTION_DAYS; returns how many."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.CHAT_RETENTION_DAYS)
    old = Conversation.objects.filter(last_message_at__lt=cutoff).filter(
        Q(status=Status.CLOSED) | Q(last_message_at__lt=cutoff))
    count = old.count()
    Message.objects.filter(conversation__in=old).delete()
    old.delete()
    Contact.objects.filter(conversations__isnull=True, blocked=False).delete()
    return count
