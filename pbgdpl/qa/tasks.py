"""Background tasks: notification emails (retried with a growing delay) and the daily retention job
(registered as a periodic job in ``QaConfig.ready()``)."""

from __future__ import annotations

import datetime
import logging
import smtplib

from django.core.mail import send_mail
from django.utils import timezone
from django_tasks import default_task_backend, task

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
RETRY_DELAYS = (60, 300, 1800, 7200)  # seconds before attempts 2, 3, 4, 5


@task()
def send_notification(notification_id: int) -> str:
    """Send one notification; on a mail error, count the attempt and enqueue a later retry."""
    from .models import Notification

    notification = Notification.objects.filter(pk=notification_id, sent_at__isnull=True).first()
    if notification is None or not notification.to:
        return "skipped"
    notification.attempts += 1
    try:
        send_mail(notification.subject, notification.body, None, [notification.to])
    except (smtplib.SMTPException, OSError) as exc:
        notification.last_error = f"{type(exc).__name__}: {exc}"[:1000]
        notification.save(update_fields=["attempts", "last_error"])
        log.warning("Q&A notification %s failed (attempt %s): %s", notification.pk, notification.attempts, exc)
        if notification.attempts < MAX_ATTEMPTS:
            schedule_retry(notification)
            return "retry"
        return "failed"
    notification.sent_at = timezone.now()
    notification.last_error = ""
    notification.save(update_fields=["attempts", "sent_at", "last_error"])
    return "sent"


def schedule_retry(notification) -> None:
    """Enqueue the next attempt after a delay (immediately on backends that cannot defer)."""
    delay = RETRY_DELAYS[min(notification.attempts - 1, len(RETRY_DELAYS) - 1)]
    if default_task_backend.supports_defer:
        send_notification.using(run_after=timezone.now() + datetime.timedelta(seconds=delay)).enqueue(notification.pk)
    else:
        send_notification.enqueue(notification.pk)


@task()
def qa_daily_retention() -> int:
    """Erase personal data of finished questions older than QA_RETENTION_DAYS."""
    from .services import apply_retention

    return apply_retention()
