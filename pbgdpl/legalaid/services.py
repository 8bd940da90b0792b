"""Writes of the legal-aid app: submission, withdrawal, erasure, retention and personal-data export.

Requests are never public and never indexed; the only copy of the requester's words is here.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from pbgdpl.core.numbers import normalize_vietnamese_phone
from pbgdpl.core.site_address import absolute_url
from pbgdpl.core.tracking import hash_token

from .models import FINAL_STATUSES, AidRequest, Status

log = logging.getLogger(__name__)
CONSENT_VERSION = "2026-1"
ERASED = "[đã xóa]"


class RequestError(Exception):
    """An action the requester cannot take now; the message is Vietnamese."""


@dataclass
class Submission:
    request: AidRequest
    token: str | None  # None when a double submit returned the existing request
    created: bool


def private_url(token: str, request=None) -> str:
    return absolute_url(reverse("legalaid:track", kwargs={"token": token}), request)


def find_by_token(token: str) -> AidRequest | None:
    if not token or len(token) > 100:
        return None
    return AidRequest.objects.filter(token_hash=hash_token(token)).first()


def submit(data: dict, *, submission_key: str, now: datetime.datetime | None = None) -> Submission:
    """Create a request from the form's cleaned data; a second POST of the same form returns the first."""
    existing = AidRequest.objects.filter(submission_key=submission_key).first()
    if existing is not None:
        return Submission(existing, None, False)
    now = now or timezone.now()
    aid = AidRequest(
        group=data.get("group", ""), situation=data["situation"].strip(), name=data["name"].strip(),
        phone=normalize_vietnamese_phone(data.get("phone", "")) or "", email=data.get("email", "").strip(),
        commune=data.get("commune", ""), consent_version=CONSENT_VERSION, consent_at=now, received_at=now,
        submission_key=submission_key,
    )
    token = aid.set_token()
    try:
        with transaction.atomic():
            aid.save()
    except IntegrityError:
        existing = AidRequest.objects.filter(submission_key=submission_key).first()
        if existing is None:
            raise
        return Submission(existing, None, False)
    if aid.email:
        from .tasks import send_email

        body = (f"Trung tâm Trợ giúp pháp lý nhà nước tỉnh đã nhận yêu cầu của bạn ngày "
                f"{timezone.localtime(now):%d/%m/%Y}.\nMã tra cứu: {aid.tracking_code}\n"
                f"Theo dõi, rút yêu cầu hoặc xóa thông tin của bạn tại đường dẫn riêng (không chia sẻ):\n"
                f"{private_url(token)}")
        subject = f"[{aid.tracking_code}] Đã nhận yêu cầu trợ giúp pháp lý"
        transaction.on_commit(lambda: _enqueue(send_email, aid.email, subject, body))
    return Submission(aid, token, True)


def _enqueue(task, *args) -> None:
    try:
        task.enqueue(*args)
    except Exception:  # never fail the requester's request because the queue is down
        log.exception("Could not enqueue a legal-aid e-mail")


def withdraw(aid: AidRequest) -> None:
    if not aid.is_open:
        raise RequestError("Yêu cầu đã được xử lý xong nên không thể rút.")
    aid.status = Status.WITHDRAWN
    aid.save()


@transaction.atomic
def erase_personal_data(aid: AidRequest) -> None:
    """Remove everything about the person; an open request is withdrawn (nobody left to help)."""
    if aid.is_open:
        aid.status = Status.WITHDRAWN
    aid.name = aid.phone = aid.email = aid.commune = ""
    aid.situation = ERASED
    aid.staff_note = ""
    aid.personal_data_erased_at = timezone.now()
    aid.save()


def apply_retention(now: datetime.datetime | None = None) -> int:
    """Erase closed requests whose last change is older than LEGALAID_RETENTION_DAYS."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.LEGALAID_RETENTION_DAYS)
    due = AidRequest.objects.filter(status__in=FINAL_STATUSES, personal_data_erased_at__isnull=True,
                                    updated_at__lt=cutoff)
    count = 0
    for aid in due.iterator():
        erase_personal_data(aid)
        count += 1
    return count


def _of_person(email: str, phone: str):
    from django.db.models import Q

    query = Q(pk__in=[])
    if email:
        query |= Q(email__iexact=email.strip())
    if phone and (normalised := normalize_vietnamese_phone(phone)):
        query |= Q(phone=normalised)
    return AidRequest.objects.filter(query)


def export_person(*, email: str = "", phone: str = "") -> list[dict]:
    return [
        {"tracking_code": a.tracking_code, "name": a.name, "phone": a.phone, "email": a.email,
         "commune": a.commune, "group": a.group_label, "situation": a.situation, "status": a.get_status_display(),
         "consent_version": a.consent_version, "consent_at": a.consent_at.isoformat(),
         "received_at": a.received_at.isoformat()}
        for a in _of_person(email, phone)
    ]


def erase_person(*, email: str = "", phone: str = "") -> int:
    count = 0
    for aid in _of_person(email, phone):
        erase_personal_data(aid)
        count += 1
    return count
