"""Background work of the legal-aid app: the acknowledgement e-mail and the daily retention job."""

from __future__ import annotations

from django.core.mail import send_mail
from django_tasks import task


@task()
def send_email(to: str, subject: str, body: str) -> str:
    send_mail(subject, body, None, [to])
    return "sent"


@task()
def legalaid_daily_retention() -> int:
    """Erase personal data of closed requests older than LEGALAID_RETENTION_DAYS."""
    from .services import apply_retention

    return apply_retention()
