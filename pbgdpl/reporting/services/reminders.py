"""Deadline reminders: a few days before the deadline to units that have not submitted, and once
after it to units still late. Each (unit, period, kind) is sent once (:class:`ReminderSent`)."""

from __future__ import annotations

import datetime
import logging

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from pbgdpl.core.site_address import absolute_url

from ..models import ReminderSent, ReportingPeriod, Return, ReturnStatus, Unit
from ..selectors import expected_units

log = logging.getLogger(__name__)

DAYS_BEFORE = 3
# A reminder after the deadline is only sent this long after it: an old period does not wake up.
AFTER_WINDOW = datetime.timedelta(days=30)


def _recipients(unit: Unit) -> list[str]:
    addresses = [unit.email] if unit.email else []
    addresses += [m.user.email for m in unit.members.select_related("user") if m.user.is_active and m.user.email]
    return sorted(set(addresses))


def _message(period: ReportingPeriod, unit: Unit, kind: str) -> tuple[str, str]:
    deadline = period.deadline.strftime("%d/%m/%Y")
    link = absolute_url("/quan-tri/bao-cao/")
    if kind == "before":
        subject = f"Nhắc hạn nộp báo cáo {period.form.code} – {period.label}"
        lead = f"Báo cáo «{period.form.name}» kỳ {period.label} của {unit.name} cần nộp trước ngày {deadline}."
    else:
        subject = f"Báo cáo {period.form.code} – {period.label} đã quá hạn"
        lead = (f"Báo cáo «{period.form.name}» kỳ {period.label} của {unit.name} đã quá hạn nộp ({deadline}) "
                "mà chưa nhận được.")
    return subject, f"{lead}\n\nNhập hoặc tải lên số liệu tại: {link}\n\nThư gửi tự động từ Cổng PBGDPL."


def send_due_reminders(today: datetime.date | None = None) -> int:
    """Send every reminder due today; returns how many e-mails went out."""
    today = today or timezone.localdate()
    sent = 0
    periods = ReportingPeriod.objects.select_related("form").filter(
        deadline__gte=today - AFTER_WINDOW, deadline__lte=today + datetime.timedelta(days=DAYS_BEFORE))
    for period in periods:
        kind = "before" if today <= period.deadline else "after"
        filed = Return.objects.filter(period=period, status__in=[ReturnStatus.SUBMITTED, ReturnStatus.ACCEPTED])
        for unit in expected_units(period).exclude(pk__in=filed.values("unit_id")):
            to = _recipients(unit)
            if not to:
                continue
            try:
                with transaction.atomic():
                    ReminderSent.objects.create(unit=unit, period=period, kind=kind)
                    subject, body = _message(period, unit, kind)
                    send_mail(subject, body, None, to)
            except IntegrityError:
                continue  # already reminded
            except OSError:
                log.warning("Reminder for unit %s, period %s could not be sent", unit.pk, period.pk)
                continue
            sent += 1
    return sent
