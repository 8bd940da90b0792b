"""Citizen legal questions, their answers with citations, answer templates and the status history.

Personal data (name, phone, email, commune, attachment, IP-free by design) lives only on
``Question`` in the fields listed in ``PERSONAL_FIELDS``; public pages, search and feeds
read the question text and the answer only.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pbgdpl.core import private_media, tracking
from pbgdpl.core.numbers import normalize_vietnamese_phone
from pbgdpl.core.tracking import hash_token


class Status(models.TextChoices):
    NEW = "new", _("Mới tiếp nhận")
    SCREENED = "screened", _("Đã sàng lọc")
    REJECTED = "rejected", _("Không tiếp nhận")
    ASSIGNED = "assigned", _("Đã phân công")
    ANSWERED = "answered", _("Đã có câu trả lời, chờ duyệt")
    APPROVED = "approved", _("Đã duyệt")
    PUBLISHED = "published", _("Đã công bố")
    CLOSED = "closed", _("Đã trả lời riêng, kết thúc")
    WITHDRAWN = "withdrawn", _("Người hỏi đã rút")


# States in which nothing more happens; retention counts from the last change.
FINAL_STATUSES = (Status.REJECTED, Status.PUBLISHED, Status.CLOSED, Status.WITHDRAWN)
# States from which the asker may still withdraw.
OPEN_STATUSES = (Status.NEW, Status.SCREENED, Status.ASSIGNED, Status.ANSWERED, Status.APPROVED)


class RejectReason(models.TextChoices):
    SPAM = "spam", _("Thư rác, nội dung không phù hợp")
    DUPLICATE = "duplicate", _("Trùng với câu hỏi đã có")
    OUT_OF_SCOPE = "out_of_scope", _("Ngoài phạm vi giải đáp")


PERSONAL_FIELDS = ("name", "phone", "email", "commune", "attachment")


def new_tracking_code() -> str:
    """The field's default (named by migration 0001): a code the asker can read over the phone."""
    return tracking.new_tracking_code("HD")


class PrivateStorage(private_media.PrivateStorage):
    """Attachments are personal data: kept in PRIVATE_MEDIA_ROOT/qa, outside MEDIA_ROOT, never served,
    readable by the portal's own user only (files 0600, directories 0700)."""

    subdirectory = "qa"
    file_permissions_mode = 0o600
    directory_permissions_mode = 0o700


def private_storage() -> PrivateStorage:
    return PrivateStorage()


def attachment_path(instance, filename: str) -> str:
    # A random name: the citizen's file name may itself be personal ("don-ly-hon-nguyen-van-a.pdf").
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"{timezone.now():%Y/%m}/{secrets.token_hex(16)}.{extension}"


class QuestionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED, published_at__isnull=False)

    def of_person(self, *, email: str = "", phone: str = ""):
        query = models.Q(pk__in=[])
        if email:
            query |= models.Q(email__iexact=email.strip())
        # An unreadable phone must match nobody, not every question stored without a phone.
        if phone and (normalised := normalise_phone(phone)):
            query |= models.Q(phone=normalised)
        return self.filter(query)


def normalise_phone(value: str) -> str:
    """The stored form of a phone number, so 0912 345 678, +84912345678 and fullwidth digits are
    the same person; "" when it is not a Vietnamese mobile number in ASCII (or fullwidth) digits."""
    return normalize_vietnamese_phone(value or "") or ""


class Question(models.Model):
    tracking_code = models.CharField(_("mã tra cứu"), max_length=20, unique=True, default=new_tracking_code)
    token_hash = models.CharField(_("mã băm đường dẫn riêng"), max_length=64, unique=True, editable=False)
    submission_key = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)

    title = models.CharField(_("tiêu đề công bố"), max_length=200, blank=True)
    slug = models.SlugField(_("đường dẫn"), max_length=220, blank=True)
    text = models.TextField(_("nội dung câu hỏi"))
    public_text = models.TextField(
        _("nội dung công bố"), blank=True,
        help_text=_("Câu hỏi đã lược bỏ thông tin cá nhân, dùng trên trang công khai và trong tìm kiếm."),
    )
    field = models.ForeignKey(
        "legal.Field", verbose_name=_("lĩnh vực"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="questions",
    )

    # Personal data (never public).
    name = models.CharField(_("họ và tên"), max_length=100, blank=True)
    phone = models.CharField(_("số điện thoại"), max_length=20, blank=True, db_index=True)
    email = models.EmailField(_("thư điện tử"), blank=True, db_index=True)
    commune = models.CharField(_("xã, phường, đặc khu"), max_length=120, blank=True)
    attachment = models.FileField(_("tệp đính kèm"), upload_to=attachment_path, storage=private_storage, blank=True)
    consent = models.BooleanField(_("đồng ý xử lý dữ liệu cá nhân"), default=False)
    consent_version = models.CharField(_("phiên bản nội dung đồng ý"), max_length=20, blank=True)
    consent_at = models.DateTimeField(_("thời điểm đồng ý"), null=True, blank=True)
    # Consent is an explicit opt-in (Nghị định 13/2023, Luật 91/2025): never assumed.
    publish_anonymously = models.BooleanField(_("đồng ý công bố ẩn danh"), default=False)
    personal_data_erased_at = models.DateTimeField(_("đã xóa dữ liệu cá nhân lúc"), null=True, blank=True)

    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True)
    reject_reason = models.CharField(_("lý do không tiếp nhận"), max_length=20, choices=RejectReason.choices, blank=True)
    status_note = models.TextField(_("ghi chú gửi người hỏi"), blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người trả lời"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="assigned_questions",
    )
    duplicate_of = models.ForeignKey(
        "self", verbose_name=_("trùng với"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="duplicates",
    )
    received_at = models.DateTimeField(_("ngày nhận"), default=timezone.now, db_index=True)
    answered_at = models.DateTimeField(_("ngày trả lời"), null=True, blank=True)
    published_at = models.DateTimeField(_("ngày công bố"), null=True, blank=True, db_index=True)
    updated_at = models.DateTimeField(_("cập nhật"), auto_now=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("câu hỏi")
        verbose_name_plural = _("câu hỏi")
        ordering = ["-received_at"]
        permissions = [
            ("answer_question", "Có thể sàng lọc, phân công và trả lời câu hỏi"),
            ("approve_question", "Có thể duyệt và công bố câu trả lời"),
            ("export_personal_data", "Có thể xuất dữ liệu cá nhân của người hỏi"),
        ]

    def __str__(self) -> str:
        return f"{self.tracking_code} — {self.display_title}"

    def get_absolute_url(self) -> str:
        return reverse("qa:detail", kwargs={"pk": self.pk, "slug": self.slug or "cau-hoi"})

    @property
    def can_withdraw(self) -> bool:
        """The asker may still withdraw: nothing final has happened yet."""
        return self.status in OPEN_STATUSES

    @property
    def asker_sees_answer(self) -> bool:
        """The private page shows the answer once it is published or sent privately."""
        return self.status in (Status.PUBLISHED, Status.CLOSED) and hasattr(self, "answer")

    def set_token(self) -> str:
        """Create the private-link secret (256 bits); only its hash is stored."""
        token = secrets.token_urlsafe(32)
        self.token_hash = hash_token(token)
        return token

    def check_token(self, token: str) -> bool:
        return secrets.compare_digest(self.token_hash, hash_token(token))

    @property
    def display_title(self) -> str:
        if self.title:
            return self.title
        text = " ".join((self.public_text or self.text).split())
        return text[:90] + ("…" if len(text) > 90 else "")

    @property
    def shown_text(self) -> str:
        return self.public_text or self.text

    @property
    def days_waiting(self) -> int:
        end = self.answered_at or timezone.now()
        return max(0, (end - self.received_at).days)



class Answer(models.Model):
    question = models.OneToOneField(Question, on_delete=models.CASCADE, related_name="answer")
    text = models.TextField(_("nội dung trả lời"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người trả lời"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người duyệt"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("câu trả lời")
        verbose_name_plural = _("câu trả lời")

    def __str__(self) -> str:
        return f"Trả lời {self.question.tracking_code}"

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.text.split("\n") if p.strip()]


class Citation(models.Model):
    """A cited provision: the document and the provision's eid (the anchor on /van-ban/<slug>/)."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="citations")
    document = models.ForeignKey("legal.LegalDocument", verbose_name=_("văn bản"), on_delete=models.CASCADE, related_name="+")
    eid = models.CharField(_("điều khoản (mã)"), max_length=200, blank=True)
    label = models.CharField(_("nhãn hiển thị"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("trích dẫn")
        verbose_name_plural = _("trích dẫn")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.label or f"{self.document} {self.eid}"

    @property
    def url(self) -> str:
        base = self.document.get_absolute_url()
        return f"{base}#{self.eid}" if self.eid else base

    @property
    def text(self) -> str:
        # "Điều 468 Bộ luật Dân sự 91/2015/QH13": how Vietnamese answers cite a provision.
        document = f"{self.document.title} {self.document.number}".strip()
        return f"{self.label} {document}" if self.label else document


class AnswerTemplate(models.Model):
    """Reusable answer text (greeting, closing, common situations) editors insert into answers."""

    title = models.CharField(_("tên mẫu"), max_length=200)
    field = models.ForeignKey(
        "legal.Field", verbose_name=_("lĩnh vực"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("nội dung"))

    class Meta:
        verbose_name = _("mẫu câu trả lời")
        verbose_name_plural = _("mẫu câu trả lời")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class QuestionEvent(models.Model):
    """Status history: who moved the question from which state to which, when, and why."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(max_length=100, blank=True)
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.from_status} → {self.to_status}"

    @property
    def to_status_label(self) -> str:
        return Status(self.to_status).label if self.to_status in Status.values else self.to_status


class Notification(models.Model):
    """An email to an asker, sent by a background task and retried on failure."""

    question = models.ForeignKey(Question, null=True, on_delete=models.SET_NULL, related_name="notifications")
    to = models.EmailField()
    subject = models.CharField(max_length=250)
    body = models.TextField()
    attempts = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.subject
