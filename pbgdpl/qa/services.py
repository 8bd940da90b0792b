"""Writes of the Q&A app: submission, the staff workflow, notifications and personal-data rights.

Every status change goes through :func:`_move`, which checks the transition, records a
``QuestionEvent`` and queues the question for (re)indexing, in one transaction.
"""

from __future__ import annotations

import datetime
import logging
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from pbgdpl.core.site_address import absolute_url
from pbgdpl.core.text import vietnamese_slug
from pbgdpl.search.services import mark_changed

from .models import (
    FINAL_STATUSES,
    OPEN_STATUSES,
    Answer,
    Citation,
    Notification,
    Question,
    QuestionEvent,
    RejectReason,
    Status,
    normalise_phone,
)

log = logging.getLogger(__name__)
SOURCE = "qa.Question"
CONSENT_VERSION = "2025-1"

ALLOWED = {
    Status.NEW: {Status.SCREENED, Status.REJECTED, Status.WITHDRAWN},
    Status.SCREENED: {Status.ASSIGNED, Status.REJECTED, Status.WITHDRAWN},
    Status.ASSIGNED: {Status.ASSIGNED, Status.ANSWERED, Status.REJECTED, Status.WITHDRAWN},
    Status.ANSWERED: {Status.ANSWERED, Status.APPROVED, Status.ASSIGNED, Status.WITHDRAWN},
    Status.APPROVED: {Status.PUBLISHED, Status.CLOSED, Status.ASSIGNED, Status.WITHDRAWN},
    Status.PUBLISHED: {Status.CLOSED},
}


class WorkflowError(Exception):
    """A transition that is not allowed now; the message is Vietnamese and shown to staff."""


@dataclass
class Submission:
    question: Question
    token: str | None  # None when a double submit returned the existing question
    created: bool


PHONE_IN_TEXT = re.compile(r"(?<!\d)(?:\+?84|0)(?:[\s.\-]?\d){8,10}(?!\d)")
EMAIL_IN_TEXT = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
ID_NUMBER_IN_TEXT = re.compile(r"(?<!\d)\d{9}(?:\d{3})?(?!\d)")  # CMND (9) / CCCD (12 digits)


def redact(text: str, *, name: str = "") -> str:
    """The question text with phone numbers, emails, ID numbers and the asker's own name masked.

    Staff still read and edit the published text; this makes the safe version the default.
    """
    text = EMAIL_IN_TEXT.sub("[thư điện tử]", text)
    text = PHONE_IN_TEXT.sub("[số điện thoại]", text)
    text = ID_NUMBER_IN_TEXT.sub("[số giấy tờ]", text)
    name = " ".join(name.split())
    if len(name) >= 4:
        text = re.sub(re.escape(name), "[người hỏi]", text, flags=re.IGNORECASE)
    return text


def question_slug(title: str) -> str:
    """The public URL's slug of a question ("cau-hoi" when the title has no letters or digits)."""
    return vietnamese_slug(title) or "cau-hoi"


def _require(user, perm: str) -> None:
    if user is not None and not user.has_perm(f"qa.{perm}"):
        raise PermissionDenied("Bạn không có quyền thực hiện thao tác này.")


def _move(question: Question, to: str, actor=None, note: str = "", actor_label: str = "") -> None:
    current = Status(question.status)
    if to not in ALLOWED.get(current, set()):
        raise WorkflowError(
            f"Không thể chuyển câu hỏi từ “{current.label}” sang “{Status(to).label}”."
        )
    question.status = to
    question.save()
    QuestionEvent.objects.create(
        question=question,
        actor=actor if getattr(actor, "pk", None) else None,
        actor_label=actor_label or (actor.get_username() if getattr(actor, "pk", None) else ""),
        from_status=current,
        to_status=to,
        note=note,
    )
    mark_changed(SOURCE, question.pk)


def submit_question(data: dict, *, submission_key: str, now: datetime.datetime | None = None) -> Submission:
    """Create a question from the public form's cleaned data.

    ``submission_key`` is the form's one-time idempotency token: a second POST of the
    same form (double click, reload) returns the question already created.
    """
    existing = Question.objects.filter(submission_key=submission_key).first()
    if existing is not None:
        return Submission(existing, None, False)
    now = now or timezone.now()
    question = Question(
        text=data["text"].strip(),
        name=data.get("name", "").strip(),
        phone=normalise_phone(data.get("phone", "")),
        email=data.get("email", "").strip(),
        commune=data.get("commune", ""),
        field=data.get("field"),
        attachment=data.get("attachment") or "",
        consent=True,
        consent_version=CONSENT_VERSION,
        consent_at=now,
        publish_anonymously=bool(data.get("publish_anonymously")),
        received_at=now,
        submission_key=submission_key,
    )
    token = question.set_token()
    try:
        with transaction.atomic():
            question.save()
            QuestionEvent.objects.create(question=question, to_status=Status.NEW, actor_label="Người hỏi")
    except IntegrityError:
        # Two requests with the same key raced: the other one won.
        existing = Question.objects.filter(submission_key=submission_key).first()
        if existing is None:
            raise
        return Submission(existing, None, False)
    notify(
        question,
        "Đã nhận câu hỏi của bạn",
        f"Cổng thông tin đã nhận câu hỏi của bạn ngày {timezone.localtime(now):%d/%m/%Y}.\n"
        f"Mã tra cứu: {question.tracking_code}\n"
        f"Theo dõi tình trạng và đọc câu trả lời tại đường dẫn riêng (không chia sẻ cho người khác):\n"
        f"{private_url(token)}",
    )
    return Submission(question, token, True)


def private_url(token: str, request=None) -> str:
    return absolute_url(reverse("qa:track", kwargs={"token": token}), request)


def notify(question: Question, subject: str, body: str) -> Notification | None:
    """Queue an email to the asker (if they gave an address) once the transaction commits."""
    if not question.email:
        return None
    from .tasks import send_notification

    notification = Notification.objects.create(
        question=question, to=question.email, subject=f"[{question.tracking_code}] {subject}", body=body
    )
    transaction.on_commit(lambda: _enqueue(send_notification, notification.pk))
    return notification


def _enqueue(task, pk: int) -> None:
    try:
        task.enqueue(pk)
    except Exception:  # the retry job picks it up; never fail the user's request
        log.exception("Could not enqueue notification %s", pk)


@transaction.atomic
def screen(question: Question, actor, *, accept: bool, reason: str = "", note: str = "", duplicate_of=None) -> None:
    """Accept a new question for answering, or reject it with a reason that is emailed to the asker."""
    _require(actor, "answer_question")
    if accept:
        _move(question, Status.SCREENED, actor, note)
        return
    if reason not in RejectReason.values:
        raise WorkflowError("Hãy chọn lý do không tiếp nhận.")
    if not note.strip():
        raise WorkflowError("Hãy ghi lời giải thích gửi người hỏi.")
    if reason == RejectReason.DUPLICATE:
        if duplicate_of is None or duplicate_of.pk == question.pk:
            raise WorkflowError("Hãy chọn câu hỏi mà câu hỏi này trùng với.")
        question.duplicate_of = duplicate_of
    question.reject_reason = reason
    question.status_note = note.strip()
    _move(question, Status.REJECTED, actor, note)
    body = f"Câu hỏi của bạn không được tiếp nhận để trả lời.\nLý do: {RejectReason(reason).label}.\n{note.strip()}"
    if duplicate_of is not None and duplicate_of.status == Status.PUBLISHED:
        body += f"\nCâu trả lời cho câu hỏi tương tự: {absolute_url(duplicate_of.get_absolute_url())}"
    notify(question, "Kết quả tiếp nhận câu hỏi", body)


@transaction.atomic
def merge_duplicate(question: Question, into: Question, actor, note: str = "") -> None:
    """Close ``question`` as a duplicate of ``into`` (the asker is told where the answer is)."""
    screen(
        question, actor, accept=False, reason=RejectReason.DUPLICATE,
        note=note or f"Câu hỏi của bạn trùng nội dung với câu hỏi {into.tracking_code}.", duplicate_of=into,
    )


@transaction.atomic
def assign(question: Question, actor, assignee, *, field=None, note: str = "") -> None:
    _require(actor, "answer_question")
    if assignee is None:
        raise WorkflowError("Hãy chọn người trả lời.")
    if question.status == Status.NEW:
        _move(question, Status.SCREENED, actor, "Tiếp nhận khi phân công")
    question.assignee = assignee
    if field is not None:
        question.field = field
    _move(question, Status.ASSIGNED, actor, note or f"Phân công cho {assignee.get_username()}")


@transaction.atomic
def save_answer(
    question: Question, actor, *, text: str, citations: list[tuple[int, str, str]] | None = None,
    title: str = "", public_text: str = "",
) -> Answer:
    """Write (or rewrite) the answer with its citations [(document_id, eid, label)] and send it for approval."""
    _require(actor, "answer_question")
    if len(text.strip()) < 20:
        raise WorkflowError("Câu trả lời quá ngắn (ít nhất 20 ký tự).")
    if question.status in (Status.NEW, Status.SCREENED):
        if actor is None:
            raise WorkflowError("Câu hỏi chưa được phân công.")
        assign(question, actor, actor)
    answer, _created = Answer.objects.update_or_create(
        question=question, defaults={"text": text.strip(), "author": actor if getattr(actor, "pk", None) else None}
    )
    answer.citations.all().delete()
    Citation.objects.bulk_create(
        Citation(answer=answer, document_id=doc_id, eid=eid, label=label, order=i)
        for i, (doc_id, eid, label) in enumerate(citations or [])
    )
    question.title = title.strip() or question.title
    question.public_text = public_text.strip() or question.public_text or redact(question.text, name=question.name)
    question.answered_at = question.answered_at or timezone.now()
    _move(question, Status.ANSWERED, actor, "Đã soạn câu trả lời")
    return answer


@transaction.atomic
def approve(question: Question, actor, note: str = "") -> None:
    """Ban biên tập approves the answer (editors cannot)."""
    _require(actor, "approve_question")
    if not hasattr(question, "answer"):
        raise WorkflowError("Câu hỏi chưa có câu trả lời.")
    question.answer.approved_by = actor if getattr(actor, "pk", None) else None
    question.answer.save()
    _move(question, Status.APPROVED, actor, note)


@transaction.atomic
def return_for_revision(question: Question, actor, note: str) -> None:
    _require(actor, "approve_question")
    if not note.strip():
        raise WorkflowError("Hãy ghi nội dung cần sửa.")
    _move(question, Status.ASSIGNED, actor, note)


@transaction.atomic
def publish(question: Question, actor, now: datetime.datetime | None = None) -> None:
    """Publish an approved answer; if the asker did not allow publication, send it privately and close."""
    _require(actor, "approve_question")
    if question.status != Status.APPROVED:
        raise WorkflowError("Chỉ công bố được câu trả lời đã duyệt.")
    now = now or timezone.now()
    if not question.publish_anonymously:
        _move(question, Status.CLOSED, actor, "Người hỏi không đồng ý công bố: gửi câu trả lời riêng")
        notify(question, "Câu trả lời cho câu hỏi của bạn", _answer_mail(question))
        return
    question.published_at = now
    if not question.slug:
        question.slug = question_slug(question.display_title)
    _move(question, Status.PUBLISHED, actor)
    notify(
        question, "Câu hỏi của bạn đã được trả lời",
        _answer_mail(question)
        + "\n\nCâu hỏi (không kèm thông tin cá nhân) đã được công bố tại: "
        + absolute_url(question.get_absolute_url()),
    )


def _answer_mail(question: Question) -> str:
    lines = ["Câu trả lời:", question.answer.text, ""]
    for citation in question.answer.citations.select_related("document"):
        lines.append(f"- {citation.text}: {absolute_url(citation.url)}")
    return "\n".join(lines)


@transaction.atomic
def unpublish(question: Question, actor, note: str = "") -> None:
    _require(actor, "approve_question")
    _move(question, Status.CLOSED, actor, note or "Gỡ khỏi trang công khai")


@transaction.atomic
def withdraw(question: Question) -> None:
    """The asker withdraws a question that is still open."""
    if question.status not in OPEN_STATUSES:
        raise WorkflowError("Câu hỏi đã được xử lý xong nên không thể rút.")
    _move(question, Status.WITHDRAWN, None, "Người hỏi rút câu hỏi", actor_label="Người hỏi")


@transaction.atomic
def erase_personal_data(question: Question, *, reason: str, actor=None) -> None:
    """Remove the asker's personal data, keep the (anonymous) question and answer.

    Used on the asker's request and by the retention job. An open question is withdrawn
    first: without a way to reach the asker it cannot be answered privately.
    """
    if question.status in OPEN_STATUSES:
        _move(question, Status.WITHDRAWN, actor, reason, actor_label="Người hỏi" if actor is None else "")
    if question.attachment:
        question.attachment.delete(save=False)
    question.name = question.phone = question.email = question.commune = ""
    question.attachment = ""
    question.personal_data_erased_at = timezone.now()
    question.save()
    question.notifications.all().delete()
    QuestionEvent.objects.create(
        question=question, actor=actor, from_status=question.status, to_status=question.status,
        note=f"Xóa dữ liệu cá nhân: {reason}", actor_label="" if actor else "Hệ thống",
    )


def apply_retention(now: datetime.datetime | None = None) -> int:
    """Erase personal data of finished questions whose last change is older than QA_RETENTION_DAYS."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.QA_RETENTION_DAYS)
    due = Question.objects.filter(
        status__in=FINAL_STATUSES, personal_data_erased_at__isnull=True, updated_at__lt=cutoff
    )
    count = 0
    for question in due.iterator():
        erase_personal_data(question, reason=f"hết thời hạn lưu trữ {settings.QA_RETENTION_DAYS} ngày")
        count += 1
    return count


def erase_person(*, email: str = "", phone: str = "") -> int:
    """Erase the asker's personal data from every question sent with this e-mail and/or phone
    (the data subject's request); returns how many questions were anonymised."""
    count = 0
    for question in Question.objects.of_person(email=email, phone=phone):
        erase_personal_data(question, reason="Yêu cầu xóa dữ liệu cá nhân của chủ thể dữ liệu")
        count += 1
    return count


def export_person(*, email: str = "", phone: str = "") -> dict:
    """Everything stored about one person (by email and/or phone), as JSON-ready data."""
    questions = (
        Question.objects.of_person(email=email, phone=phone)
        .select_related("field")
        .prefetch_related("events", "notifications")
    )
    return {
        "exported_at": timezone.now().isoformat(),
        "query": {"email": email, "phone": phone},
        "questions": [
            {
                "tracking_code": q.tracking_code,
                "name": q.name,
                "phone": q.phone,
                "email": q.email,
                "commune": q.commune,
                "field": q.field.name if q.field else None,
                "text": q.text,
                "attachment": q.attachment.name if q.attachment else None,
                "consent": q.consent,
                "consent_version": q.consent_version,
                "consent_at": q.consent_at.isoformat() if q.consent_at else None,
                "publish_anonymously": q.publish_anonymously,
                "status": q.get_status_display(),
                "received_at": q.received_at.isoformat(),
                "answer": q.answer.text if hasattr(q, "answer") else None,
                "history": [
                    {"at": e.created_at.isoformat(), "from": e.from_status, "to": e.to_status} for e in q.events.all()
                ],
                "emails": [
                    {"to": n.to, "subject": n.subject, "sent_at": n.sent_at.isoformat() if n.sent_at else None}
                    for n in q.notifications.all()
                ],
            }
            for q in questions
        ],
    }
