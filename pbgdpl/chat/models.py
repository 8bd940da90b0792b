"""Live chat: contacts, conversations and their numbered messages, platform deliveries, inbox settings.

Every message gets a sequence number within its conversation (``Message.seq``) in the same
transaction that stores it, before anyone is told about it (docs/decisions/0016-chat-delivery.md).
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    WEB = "web", _("Trang web")
    ZALO = "zalo", _("Zalo OA")
    MESSENGER = "messenger", _("Messenger")


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Contact(models.Model):
    """One person as a channel knows them: a browser (random id), a Zalo user id, a Messenger PSID."""

    channel = models.CharField(_("kênh"), max_length=12, choices=Channel.choices)
    external_id = models.CharField(_("mã trên kênh"), max_length=100)
    display_name = models.CharField(_("tên hiển thị"), max_length=100, blank=True)
    # Given only when the person asks for a transcript or hands the question to Q&A.
    email = models.EmailField(_("thư điện tử"), blank=True, db_index=True)
    phone = models.CharField(_("số điện thoại"), max_length=20, blank=True, db_index=True)
    blocked = models.BooleanField(_("đã chặn"), default=False)
    blocked_reason = models.CharField(_("lý do chặn"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), default=timezone.now)

    class Meta:
        verbose_name = _("người liên hệ")
        verbose_name_plural = _("người liên hệ")
        constraints = [models.UniqueConstraint(fields=["channel", "external_id"], name="chat_contact_unique")]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.display_name or f"{self.get_channel_display()} #{self.pk}"


class Status(models.TextChoices):
    OPEN = "open", _("Đang mở")
    WAITING = "waiting", _("Chờ người hỏi")
    CLOSED = "closed", _("Đã đóng")


class Conversation(models.Model):
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="conversations")
    channel = models.CharField(_("kênh"), max_length=12, choices=Channel.choices)
    # The web widget proves it owns a conversation with a random token; only its hash is stored.
    token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.OPEN,
                              db_index=True)
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("cán bộ phụ trách"), null=True,
                                 blank=True, on_delete=models.SET_NULL, related_name="chat_conversations")
    last_seq = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(_("bắt đầu"), default=timezone.now, db_index=True)
    last_message_at = models.DateTimeField(_("tin nhắn cuối"), default=timezone.now, db_index=True)
    first_response_at = models.DateTimeField(_("trả lời đầu tiên"), null=True, blank=True)
    closed_at = models.DateTimeField(_("đóng lúc"), null=True, blank=True)
    flagged = models.BooleanField(_("có tin nhắn bị gắn cờ"), default=False)
    qa_tracking_code = models.CharField(_("mã câu hỏi đã chuyển"), max_length=20, blank=True)
    transcript_requested_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("cuộc trò chuyện")
        verbose_name_plural = _("cuộc trò chuyện")
        ordering = ["-last_message_at"]
        permissions = [
            ("answer_conversation", "Có thể trực hỏi đáp trực tuyến"),
            ("manage_chat", "Có thể cấu hình hỏi trực tuyến và xem báo cáo"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.contact.label}"

    def set_token(self) -> str:
        token = secrets.token_urlsafe(24)
        self.token_hash = hash_token(token)
        return token


class Sender(models.TextChoices):
    CONTACT = "contact", _("Người hỏi")
    STAFF = "staff", _("Cán bộ")
    SYSTEM = "system", _("Hệ thống")
    NOTE = "note", _("Ghi chú nội bộ")


class Message(models.Model):
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="messages")
    seq = models.PositiveIntegerField()
    sender = models.CharField(max_length=10, choices=Sender.choices)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+")
    text = models.TextField()
    # Idempotency: the widget's or staff client's id for a message, the platform's message id.
    client_id = models.CharField(max_length=64, blank=True)
    platform_id = models.CharField(max_length=128, blank=True)
    channel = models.CharField(max_length=12, choices=Channel.choices)
    flags = models.CharField(_("cờ"), max_length=100, blank=True)  # "spam", "profanity"
    # Links offered with a system message (search suggestions): [{"title": …, "url": …}].
    links = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["conversation", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["conversation", "seq"], name="chat_message_seq"),
            models.UniqueConstraint(fields=["conversation", "client_id"], condition=~models.Q(client_id=""),
                                    name="chat_message_client_id"),
            models.UniqueConstraint(fields=["channel", "platform_id"], condition=~models.Q(platform_id=""),
                                    name="chat_message_platform_id"),
        ]

    def __str__(self) -> str:
        return f"{self.conversation_id}/{self.seq}"

    @property
    def is_public(self) -> bool:
        """Whether the citizen sees it (internal notes never leave the inbox)."""
        return self.sender != Sender.NOTE


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Đang chờ gửi")
    SENT = "sent", _("Đã gửi")
    FAILED = "failed", _("Gửi không được")


class Delivery(models.Model):
    """A staff reply to send to Zalo or Messenger, retried until the platform accepts it."""

    message = models.OneToOneField(Message, on_delete=models.CASCADE, related_name="delivery")
    status = models.CharField(max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING,
                              db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now, db_index=True)
    last_error = models.CharField(max_length=300, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # A reply too long for the platform goes out in parts: how many have been accepted (a retry goes on
    # from the next one).
    parts_sent = models.PositiveSmallIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.message} {self.status}"


class PlatformToken(models.Model):
    """The current access/refresh tokens of a platform (Zalo rotates both on every refresh)."""

    channel = models.CharField(max_length=12, choices=Channel.choices, unique=True)
    access_token = models.TextField()
    refresh_token = models.TextField(blank=True)
    refreshed_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.channel


class CannedAnswer(models.Model):
    title = models.CharField(_("tiêu đề"), max_length=120)
    shortcut = models.SlugField(_("phím tắt"), max_length=40, unique=True,
                                help_text=_("Gõ /phím-tắt trong ô trả lời để chèn."))
    text = models.TextField(_("nội dung"))
    provision_url = models.CharField(
        _("đường dẫn điều khoản"), max_length=300, blank=True,
        help_text=_("Ví dụ /van-ban/bo-luat-lao-dong-2019/#dieu-35 — được thêm vào cuối câu trả lời."))

    class Meta:
        verbose_name = _("câu trả lời mẫu")
        verbose_name_plural = _("câu trả lời mẫu")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def full_text(self, base_url: str = "") -> str:
        if not self.provision_url:
            return self.text
        return f"{self.text}\n{base_url.rstrip('/')}{self.provision_url}"


class OfficeHours(models.Model):
    """One opening span on a weekday (0 = Monday); several spans a day are allowed (lunch break)."""

    weekday = models.PositiveSmallIntegerField(_("thứ"), choices=[
        (0, _("Thứ Hai")), (1, _("Thứ Ba")), (2, _("Thứ Tư")), (3, _("Thứ Năm")), (4, _("Thứ Sáu")),
        (5, _("Thứ Bảy")), (6, _("Chủ nhật"))])
    start = models.TimeField(_("từ"))
    end = models.TimeField(_("đến"))

    class Meta:
        verbose_name = _("giờ trực")
        verbose_name_plural = _("giờ trực")
        ordering = ["weekday", "start"]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.start:%H:%M}–{self.end:%H:%M}"


class Holiday(models.Model):
    date = models.DateField(_("ngày"), unique=True)
    name = models.CharField(_("tên ngày nghỉ"), max_length=100)

    class Meta:
        verbose_name = _("ngày nghỉ")
        verbose_name_plural = _("ngày nghỉ")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.name}"


class BlockedClient(models.Model):
    """A blocked web client (salted hash of its address): its connections are refused."""

    client_key = models.CharField(_("mã thiết bị (đã mã hóa)"), max_length=64, unique=True, editable=False)
    reason = models.CharField(_("lý do"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("ngày chặn"), default=timezone.now)
    expires_at = models.DateTimeField(_("hết hạn"), null=True, blank=True)

    class Meta:
        verbose_name = _("người bị chặn")
        verbose_name_plural = _("người bị chặn")

    def __str__(self) -> str:
        return self.client_key[:8]


DEFAULT_AWAY_MESSAGE = (
    "Hiện ngoài giờ trực của cán bộ. Bạn có thể để lại câu hỏi để chuyển thành câu hỏi trong mục Hỏi đáp "
    "pháp luật; chúng tôi sẽ trả lời và gửi bạn đường dẫn theo dõi."
)
DEFAULT_GREETING = "Xin chào! Bạn cần hỏi gì về pháp luật? Cán bộ Sở Tư pháp sẽ trả lời trong giờ trực."


class ChatSettings(models.Model):
    """The inbox's texts (one row, edited in the admin)."""

    greeting = models.TextField(_("lời chào"), default=DEFAULT_GREETING)
    away_message = models.TextField(_("tin nhắn ngoài giờ"), default=DEFAULT_AWAY_MESSAGE)

    class Meta:
        verbose_name = _("cấu hình hỏi trực tuyến")
        verbose_name_plural = _("cấu hình hỏi trực tuyến")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)

    @classmethod
    def load(cls) -> ChatSettings:
        return cls.objects.order_by("pk").first() or cls.objects.create()
