"""The digest job: one mail per address with every event its due subscriptions have not been sent.

Each (subscription, event key) is recorded in ``SentItem`` in the same transaction as the mail is
sent, under a unique constraint: a second run, or two workers at once, cannot send an event twice;
a mail error rolls the record back so the next run tries again. An event reached through two of one
address's subscriptions (a new document of a followed field and of a followed type) shows once.
"""

from __future__ import annotations

import datetime
import logging
from collections import defaultdict

from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from pbgdpl.core.site_address import absolute_url

from .events import Event, events_for
from .models import Digest, Frequency, SentItem, Subscription
from .services import manage_url, unsubscribe_url

log = logging.getLogger(__name__)

PERIODS = {Frequency.DAILY: datetime.timedelta(days=1), Frequency.WEEKLY: datetime.timedelta(days=7)}
#: The job runs hourly; a subscription a little short of its period is due anyway, so a daily
#: digest does not slide by an hour every day.
SLACK = datetime.timedelta(hours=1)


def due_subscriptions(now: datetime.datetime):
    due = Subscription.objects.none()
    for frequency, period in PERIODS.items():
        due |= Subscription.objects.confirmed().filter(frequency=frequency, last_digest_at__lte=now - period + SLACK)
    return due.select_related("document", "field", "doc_type").order_by("email", "id")


def send_digests(now: datetime.datetime | None = None) -> int:
    """Send every due digest; returns how many mails went out. One address failing stops no other."""
    now = now or timezone.now()
    by_email: dict[str, list[Subscription]] = defaultdict(list)
    for subscription in due_subscriptions(now):
        by_email[subscription.email].append(subscription)
    sent = 0
    for email, subscriptions in by_email.items():
        try:
            sent += _send_one(email, subscriptions, now)
        except IntegrityError:
            log.info("Digest for one address already sent by another run")
        except Exception:
            log.exception("Could not send an alert digest")
    return sent


def _send_one(email: str, subscriptions: list[Subscription], now: datetime.datetime) -> int:
    today = timezone.localdate(now)
    with transaction.atomic():
        sections: list[tuple[Subscription, list[Event]]] = []
        records: list[SentItem] = []
        shown: set[str] = set()
        for subscription in subscriptions:
            known = set(subscription.sent_items.values_list("event_key", flat=True))
            fresh = [event for event in events_for(subscription, today) if event.key not in known]
            records += [SentItem(subscription=subscription, event_key=e.key, title=e.title[:500]) for e in fresh]
            new_here = [event for event in fresh if event.key not in shown]
            shown.update(event.key for event in new_here)
            if new_here:
                sections.append((subscription, new_here))
        Subscription.objects.filter(pk__in=[s.pk for s in subscriptions]).update(last_digest_at=now)
        if not sections:
            SentItem.objects.bulk_create(records)
            return 0
        frequency = Frequency.DAILY if any(s.frequency == Frequency.DAILY for s in subscriptions) else Frequency.WEEKLY
        digest = Digest.objects.create(email=email, frequency=frequency, item_count=len(shown))
        for record in records:
            record.digest = digest
        SentItem.objects.bulk_create(records)
        _mail(email, sections, [s.pk for s in subscriptions]).send()
    return 1


def _mail(email: str, sections: list[tuple[Subscription, list[Event]]], subscription_ids: list[int]) -> EmailMessage:
    """The digest with one-click unsubscribe (RFC 8058) for every subscription it reports on."""
    one_click = unsubscribe_url(email, subscription_ids)
    body = render_to_string("alerts/mail_digest.txt", {
        "sections": [{"label": str(s), "unsubscribe_url": unsubscribe_url(email, [s.pk]),
                      "events": [{"title": e.title, "url": absolute_url(e.url)} for e in events]}
                     for s, events in sections],
        "unsubscribe_url": one_click,
        "manage_url": manage_url(email),
        "count": sum(len(events) for _s, events in sections),
    })
    headers = {"List-Unsubscribe": f"<{one_click}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    return EmailMessage("Thông báo văn bản pháp luật bạn theo dõi", body, None, [email], headers=headers)
