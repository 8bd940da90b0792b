"""Forum background work: single e-mails (mentions, invitations) and the daily digest job."""

from __future__ import annotations

from django.core.mail import send_mail
from django_tasks import task


@task()
def send_email(to: str, subject: str, body: str) -> str:
    send_mail(subject, body, None, [to])
    return "sent"


@task()
def forum_daily_digest() -> int:
    from .services import send_digests

    return send_digests()
