"""Policy dialogues ("Đối thoại chính sách"): a session with officials about some documents,
questions sent by citizens and businesses (moderated, upvoted) and answers published live."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField

from pbgdpl.accounts.roles import DRAFTING_BODY


class Dialogue(models.Model):
    title = models.CharField(_("chủ đề"), max_length=300)
    slug = models.SlugField(_("đường dẫn"), max_length=120, unique=True, allow_unicode=False)
    summary = models.TextField(_("giới thiệu"), blank=True)
    officials = models.TextField(_("đại biểu, lãnh đạo trả lời"), help_text=_("Mỗi người một dòng: họ tên, chức vụ."))
    starts_at = models.DateTimeField(_("bắt đầu"))
    ends_at = models.DateTimeField(_("kết thúc"))
    documents = models.ManyToManyField("legal.LegalDocument", verbose_name=_("văn bản liên quan"), blank=True,
                                       related_name="dialogues")
    transcript = RichTextField(_("biên bản, tường thuật"), blank=True,
                               help_text=_("Điền sau phiên đối thoại; được lưu trữ và tìm kiếm được."))
    live = models.BooleanField(_("công bố"), default=True)
    answerers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("người trả lời tại phiên"), blank=True,
        related_name="dialogues_to_answer", limit_choices_to={"groups__name": DRAFTING_BODY, "is_active": True},
        help_text=_("Tài khoản của cơ quan soạn thảo, đại biểu được trả lời câu hỏi của phiên này trên bàn điều hành "
                    "(vai trò “Cơ quan soạn thảo”). Họ không duyệt câu hỏi."),
    )

    class Meta:
        verbose_name = _("phiên đối thoại chính sách")
        verbose_name_plural = _("phiên đối thoại chính sách")
        ordering = ["-starts_at"]
        permissions = [
            ("moderate_dialogue", "Duyệt câu hỏi, đăng trả lời đối thoại chính sách"),
            ("answer_dialogue", "Trả lời câu hỏi tại phiên đối thoại được phân công"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("dialogues:detail", kwargs={"slug": self.slug})

    def state(self, now=None) -> str:
        """"upcoming", "live" or "past" — questions are accepted until the session ends."""
        now = now or timezone.now()
        if now < self.starts_at:
            return "upcoming"
        return "live" if now < self.ends_at else "past"

    def accepts_questions(self, now=None) -> bool:
        return self.state(now) != "past"


class QuestionStatus(models.TextChoices):
    PENDING = "pending", _("Chờ duyệt")
    APPROVED = "approved", _("Đã duyệt")
    REJECTED = "rejected", _("Không đăng")


class DialogueQuestion(models.Model):
    dialogue = models.ForeignKey(Dialogue, verbose_name=_("phiên đối thoại"), on_delete=models.CASCADE,
                                 related_name="questions")
    name = models.CharField(_("họ tên"), max_length=100)
    organisation = models.CharField(_("cơ quan, doanh nghiệp"), max_length=200, blank=True)
    text = models.TextField(_("câu hỏi"))
    status = models.CharField(_("trạng thái"), max_length=10, choices=QuestionStatus.choices,
                              default=QuestionStatus.PENDING, db_index=True)
    votes = models.PositiveIntegerField(_("lượt ủng hộ"), default=0)
    answer = models.TextField(_("trả lời"), blank=True)
    answered_at = models.DateTimeField(_("ngày trả lời"), null=True, blank=True)
    submission_key = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("ngày gửi"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("câu hỏi đối thoại")
        verbose_name_plural = _("câu hỏi đối thoại")
        ordering = ["-votes", "created_at", "id"]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def who(self) -> str:
        return f"{self.name} ({self.organisation})" if self.organisation else self.name


class DialogueVote(models.Model):
    """One upvote per client (a random id in a signed cookie); the unique pair refuses a second one."""

    question = models.ForeignKey(DialogueQuestion, on_delete=models.CASCADE, related_name="vote_rows")
    voter = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["question", "voter"], name="dialogue_vote_once")]
