"""Writing comments: submission, e-mail verification, moderation, responses, personal-data requests."""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from pbgdpl.core.site_address import absolute_url
from pbgdpl.legal.models import LegalDocument, Provision, ProvisionKind
from pbgdpl.legal.validity import eid_label

from .models import Comment, Consultation, Status

log = logging.getLogger(__name__)

VERIFY_SALT = "consultation.verify-email"
VERIFY_MAX_AGE = datetime.timedelta(days=7)
# Provisions a reader may comment on (not chapters or the preamble: they hold no rule).
COMMENTABLE_KINDS = (ProvisionKind.ARTICLE, ProvisionKind.CLAUSE, ProvisionKind.POINT)


def consultation_for(document: LegalDocument) -> Consultation:
    """The draft's consultation settings, created with defaults the first time they are needed."""
    consultation, _created = Consultation.objects.get_or_create(
        document=document, defaults={"drafting_body": document.issuer.name}
    )
    return consultation


def provisions(document: LegalDocument) -> list[Provision]:
    """The commentable provisions of the draft's current text, in document order."""
    if document.current_version_id is None:
        return []
    return list(
        Provision.objects.filter(version_id=document.current_version_id, kind__in=COMMENTABLE_KINDS)
        .only("eid", "kind", "number", "title", "order")
        .order_by("order")
    )


def provision_label(eid: str) -> str:
    label = eid_label(eid)
    return label[:1].upper() + label[1:]


def is_open(document: LegalDocument, on: datetime.date | None = None) -> bool:
    return document.comment_state(on or timezone.localdate()) == "open"


@dataclass
class Submission:
    comment: Comment
    created: bool


def submit_comment(consultation: Consultation, data: dict, *, submission_key: str) -> Submission:
    """Save an unverified comment and mail its verification link; a repeated key returns the first."""
    try:
        with transaction.atomic():
            comment = Comment.objects.create(
                consultation=consultation, eid=data["eid"], provision_label=provision_label(data["eid"]) if data["eid"] else "",
                text=data["text"], name=data["name"], organisation=data.get("organisation", ""),
                email=data["email"].lower(), submission_key=submission_key,
            )
    except IntegrityError:
        return Submission(Comment.objects.get(submission_key=submission_key), created=False)
    send_verification(comment)
    return Submission(comment, created=True)


def verification_token(comment: Comment) -> str:
    return signing.dumps({"c": comment.pk, "e": comment.email}, salt=VERIFY_SALT, compress=True)


def send_verification(comment: Comment) -> None:
    link = absolute_url(reverse("consultation:verify", kwargs={"token": verification_token(comment)}))
    context = {"comment": comment, "link": link, "document": comment.consultation.document,
               "days": VERIFY_MAX_AGE.days}
    send_mail(
        "Xác nhận góp ý dự thảo", render_to_string("consultation/email_verify.txt", context),
        settings.DEFAULT_FROM_EMAIL, [comment.email],
    )


def verify(token: str) -> Comment | None:
    """Mark the comment of a valid link verified (once; later clicks change nothing)."""
    try:
        data = signing.loads(token, salt=VERIFY_SALT, max_age=VERIFY_MAX_AGE)
    except signing.BadSignature:
        return None
    comment = Comment.objects.select_related("consultation__document").filter(pk=data.get("c"),
                                                                                email=data.get("e")).first()
    if comment is not None and comment.status == Status.UNVERIFIED:
        comment.status = Status.PENDING
        comment.verified_at = timezone.now()
        comment.save(update_fields=["status", "verified_at"])
    return comment


def delete_unverified(now: datetime.datetime | None = None) -> int:
    """Delete comments whose e-mail link was not opened within CONSULTATION_UNVERIFIED_DAYS.

    They never counted nor showed; keeping them would keep an address nobody confirmed."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.CONSULTATION_UNVERIFIED_DAYS)
    stale = Comment.objects.filter(status=Status.UNVERIFIED, created_at__lt=cutoff)
    deleted = stale.delete()[1].get(Comment._meta.label, 0)
    log.info("Deleted %d unverified comment(s) on drafts older than %d days", deleted,
             settings.CONSULTATION_UNVERIFIED_DAYS)
    return deleted


def moderate(comment: Comment, *, approve: bool) -> None:
    """Approve or reject a verified comment (the audit log records who did it, from the request)."""
    if comment.status == Status.UNVERIFIED:
        raise ValueError("An unverified comment cannot be moderated.")
    comment.status = Status.APPROVED if approve else Status.REJECTED
    comment.moderated_at = timezone.now()
    comment.save(update_fields=["status", "moderated_at"])


def respond(comment: Comment, text: str) -> None:
    comment.response = text.strip()
    comment.responded_at = timezone.now() if comment.response else None
    comment.save(update_fields=["response", "responded_at"])


def export_person(email: str = "", phone: str = "") -> list[dict]:
    if not email:
        return []
    return [
        {"du_thao": str(c.consultation.document), "dieu_khoan": c.provision_label or "Góp ý chung",
         "ten": c.name, "to_chuc": c.organisation, "thu_dien_tu": c.email, "noi_dung": c.text,
         "trang_thai": c.get_status_display(), "ngay_gui": c.created_at.isoformat(),
         "tiep_thu_giai_trinh": c.response}
        for c in Comment.objects.filter(email__iexact=email).select_related("consultation__document")
    ]


def erase_person(email: str = "", phone: str = "") -> int:
    """Delete the person's comments: the text is theirs, the report keeps the other comments."""
    if not email:
        return 0
    return Comment.objects.filter(email__iexact=email).delete()[0]
