"""Public consultation on drafts: the draft's consultation settings and the comments it receives.

A comment is about the whole draft (``eid`` blank) or one provision of the draft's current text
(``eid`` such as "dieu-3-khoan-2"). It counts only once its e-mail address is verified.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Moderation(models.TextChoices):
    BEFORE = "before", _("Duyệt trước khi hiển thị")
    AFTER = "after", _("Hiển thị ngay, duyệt sau")


class Status(models.TextChoices):
    UNVERIFIED = "unverified", _("Chưa xác nhận thư điện tử")
    PENDING = "pending", _("Chờ duyệt")
    APPROVED = "approved", _("Đã duyệt")
    REJECTED = "rejected", _("Không đăng")


class Consultation(models.Model):
    """How one draft for comment is consulted: who drafts it, how comments are moderated, and
    the document finally issued from it (its page links back to the draft and the report)."""

    document = models.OneToOneField(
        "legal.LegalDocument", verbose_name=_("dự thảo"), on_delete=models.CASCADE, related_name="consultation",
        limit_choices_to={"is_draft_for_comment": True},
    )
    drafting_body = models.CharField(_("cơ quan chủ trì soạn thảo"), max_length=300)
    moderation = models.CharField(_("cách kiểm duyệt"), max_length=10, choices=Moderation.choices,
                                  default=Moderation.BEFORE)
    final_document = models.ForeignKey(
        "legal.LegalDocument", verbose_name=_("văn bản đã ban hành"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="consulted_drafts", limit_choices_to={"is_draft_for_comment": False},
        help_text=_("Khi văn bản chính thức được ban hành, chọn văn bản đó để trang của nó dẫn tới dự thảo và báo cáo."),
    )

    class Meta:
        verbose_name = _("lấy ý kiến dự thảo")
        verbose_name_plural = _("lấy ý kiến dự thảo")

    def __str__(self) -> str:
        return str(self.document)


class CommentQuerySet(models.QuerySet):
    def counted(self):
        """Comments whose e-mail was verified and that were not rejected."""
        return self.filter(status__in=[Status.PENDING, Status.APPROVED])

    def public(self):
        """What a visitor may read: approved, or verified and awaiting review on an "after" draft."""
        return self.filter(
            models.Q(status=Status.APPROVED)
            | models.Q(status=Status.PENDING, consultation__moderation=Moderation.AFTER)
        )


class Comment(models.Model):
    consultation = models.ForeignKey(Consultation, verbose_name=_("dự thảo"), on_delete=models.CASCADE,
                                     related_name="comments")
    eid = models.CharField(_("điều khoản"), max_length=200, blank=True, help_text=_("Để trống: góp ý chung."))
    provision_label = models.CharField(_("tên điều khoản"), max_length=300, blank=True)
    text = models.TextField(_("nội dung góp ý"))
    name = models.CharField(_("tên hiển thị"), max_length=100)
    organisation = models.CharField(_("cơ quan, tổ chức"), max_length=200, blank=True)
    email = models.EmailField(_("thư điện tử"), db_index=True)
    status = models.CharField(_("trạng thái"), max_length=12, choices=Status.choices, default=Status.UNVERIFIED,
                              db_index=True)
    submission_key = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("ngày gửi"), auto_now_add=True)
    verified_at = models.DateTimeField(_("ngày xác nhận"), null=True, blank=True)
    moderated_at = models.DateTimeField(_("ngày duyệt"), null=True, blank=True)
    response = models.TextField(_("tiếp thu, giải trình"), blank=True)
    responded_at = models.DateTimeField(_("ngày tiếp thu, giải trình"), null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("góp ý dự thảo")
        verbose_name_plural = _("góp ý dự thảo")
        ordering = ["created_at", "id"]
        permissions = [
            ("moderate_comment", "Duyệt góp ý dự thảo"),
            ("respond_comment", "Tiếp thu, giải trình góp ý dự thảo"),
        ]

    def __str__(self) -> str:
        where = self.provision_label or "Góp ý chung"
        return f"{where} – {self.name}"

    @property
    def who(self) -> str:
        """The public signature: the chosen name, and the organisation when one was given."""
        return f"{self.name} ({self.organisation})" if self.organisation else self.name
from .dialogue_models import Dialogue, DialogueQuestion, DialogueVote, QuestionStatus  # noqa: E402,F401
