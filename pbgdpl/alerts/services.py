"""Following by e-mail: subscribe (double opt-in), confirm, unsubscribe, manage, personal data.

Links in mails are signed with ``django.core.signing`` and one salt per purpose: confirming expires
after a week, managing after 90 days (every digest carries a fresh one), unsubscribing never (RFC 8058
clients may use a link from an old mail).
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from pbgdpl.core.site_address import absolute_url

from .events import events_for
from .models import Digest, SentItem, Subscription
from .targets import Target

log = logging.getLogger(__name__)

CONFIRM_SALT = "pbgdpl.alerts.confirm"
UNSUBSCRIBE_SALT = "pbgdpl.alerts.unsubscribe"
MANAGE_SALT = "pbgdpl.alerts.manage"
CONFIRM_MAX_AGE = 7 * 24 * 3600
MANAGE_MAX_AGE = 90 * 24 * 3600
DIGEST_RETENTION_DAYS = 365


def normalise_email(email: str) -> str:
    return email.strip().lower()


def confirm_url(subscription: Subscription) -> str:
    token = signing.dumps(subscription.pk, salt=CONFIRM_SALT)
    return absolute_url(reverse("alerts:confirm", kwargs={"token": token}))


def unsubscribe_url(email: str, subscription_ids: list[int]) -> str:
    token = signing.dumps([email, sorted(subscription_ids)], salt=UNSUBSCRIBE_SALT, compress=True)
    return absolute_url(reverse("alerts:unsubscribe", kwargs={"token": token}))


def manage_url(email: str) -> str:
    return absolute_url(reverse("alerts:manage", kwargs={"token": signing.dumps(email, salt=MANAGE_SALT)}))


def read_confirm_token(token: str) -> Subscription | None:
    try:
        pk = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature:
        return None
    return Subscription.objects.filter(pk=pk).first() if isinstance(pk, int) else None


def read_unsubscribe_token(token: str) -> tuple[str, list[int]] | None:
    try:
        email, ids = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return email, [pk for pk in ids if isinstance(pk, int)]


def read_manage_token(token: str) -> str | None:
    try:
        email = signing.loads(token, salt=MANAGE_SALT, max_age=MANAGE_MAX_AGE)
    except signing.BadSignature:
        return None
    return email if isinstance(email, str) else None


def follow(email: str, target: Target, frequency: str) -> Subscription:
    """Record the wish and send the confirmation mail; nothing else goes out until it is confirmed.

    Following again something already confirmed changes only the frequency and sends no mail, so
    a stranger cannot flood an address that already follows it.
    """
    email = normalise_email(email)
    with transaction.atomic():
        subscription, created = Subscription.objects.get_or_create(
            email=email, target_key=target.key,
            defaults={"kind": target.kind, "frequency": frequency, **target.values},
        )
        if not created:
            subscription.frequency = frequency
            subscription.save(update_fields=["frequency"])
    if subscription.confirmed_at is None:
        _send_confirmation(subscription, target.label)
    return subscription


def _send_confirmation(subscription: Subscription, label: str) -> None:
    body = render_to_string("alerts/mail_confirm.txt", {
        "label": label, "confirm_url": confirm_url(subscription), "frequency": subscription.get_frequency_display(),
    })
    EmailMessage("Xác nhận đăng ký nhận thông báo", body, None, [subscription.email]).send()


def confirm(subscription: Subscription) -> bool:
    """Start sending; what already exists counts as seen (only later events are news). False when
    it was confirmed before."""
    with transaction.atomic():
        locked = Subscription.objects.select_for_update().get(pk=subscription.pk)
        if locked.confirmed_at is not None:
            return False
        now = timezone.now()
        locked.confirmed_at = now
        locked.last_digest_at = now
        locked.save(update_fields=["confirmed_at", "last_digest_at"])
        seen = events_for(locked, timezone.localdate())
        SentItem.objects.bulk_create([SentItem(subscription=locked, event_key=e.key) for e in seen],
                                     ignore_conflicts=True)
    return True


def prune(now=None) -> int:
    """Forget requests never confirmed once their link has expired, and digest records after a year."""
    now = now or timezone.now()
    _total, unconfirmed = Subscription.objects.filter(
        confirmed_at__isnull=True, created_at__lt=now - timedelta(seconds=CONFIRM_MAX_AGE)).delete()
    _total, digests = Digest.objects.filter(sent_at__lt=now - timedelta(days=DIGEST_RETENTION_DAYS)).delete()
    return unconfirmed.get(Subscription._meta.label, 0) + digests.get(Digest._meta.label, 0)


def unsubscribe(email: str, subscription_ids: list[int]) -> int:
    """Delete these subscriptions of ``email`` (already gone: nothing to do)."""
    _total, per_model = Subscription.objects.filter(email=email, pk__in=subscription_ids).delete()
    return per_model.get(Subscription._meta.label, 0)


def subscriptions_of(email: str):
    return Subscription.objects.filter(email=email).select_related("document", "field", "doc_type").order_by("id")


def export_person(email: str) -> dict:
    email = normalise_email(email)
    if not email:
        return {}
    return {
        "subscriptions": [
            {"target": str(s), "frequency": s.frequency, "created_at": s.created_at.isoformat(),
             "confirmed_at": s.confirmed_at.isoformat() if s.confirmed_at else None}
            for s in subscriptions_of(email)
        ],
        "digests": [{"sent_at": d.sent_at.isoformat(), "items": d.item_count}
                    for d in Digest.objects.filter(email=email)],
    }


def erase_person(email: str) -> int:
    email = normalise_email(email)
    if not email:
        return 0
    _total, subscriptions = Subscription.objects.filter(email=email).delete()
    _total, digests = Digest.objects.filter(email=email).delete()
    return subscriptions.get(Subscription._meta.label, 0) + digests.get(Digest._meta.label, 0)


def mask_email(email: str) -> str:
    """``an.nguyen@gmail.com`` → ``a***@gmail.com``: enough for a person to recognise their address,
    not enough for an onlooker (the manage page, the admin's lists)."""
    local, _at, domain = email.partition("@")
    return f"{local[:1]}***@{domain}"
