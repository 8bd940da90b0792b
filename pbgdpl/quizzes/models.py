"""Question bank, practice quizzes, online contests (rounds, contestants, attempts) and results.

Contestants are not Django users: a citizen gets a lightweight account (phone number + a
password hashed with Django's hashers) that never reaches the admin.
"""

from __future__ import annotations

import uuid

from django.contrib.auth.hashers import check_password, make_password
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from .phones import INVALID_PHONE_MESSAGE, contestant_phone
from .validators import validate_link


class Difficulty(models.IntegerChoices):
    EASY = 1, _("Dễ")
    MEDIUM = 2, _("Trung bình")
    HARD = 3, _("Khó")


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Một đáp án đúng")
    MULTIPLE = "multiple", _("Nhiều đáp án đúng")
    TRUE_FALSE = "truefalse", _("Đúng/Sai")


class Pool(models.TextChoices):
    """Which public use a question serves. A question belongs to exactly one pool: contest questions
    never get feedback on a public page, practice questions are never drawn into a contest round."""

    CONTEST = "contest", _("Câu hỏi thi")
    PRACTICE = "practice", _("Câu hỏi luyện tập")


class QuestionQuerySet(models.QuerySet):
    def for_contests(self):
        """Questions a contest round may draw or fix (the contest pool only)."""
        return self.filter(pool=Pool.CONTEST)

    def for_practice(self):
        """Questions a practice quiz may show with their answers (the practice pool only)."""
        return self.filter(pool=Pool.PRACTICE)


class Question(ClusterableModel):
    """A question of the bank; its correct choices never leave the server before submission."""

    pool = models.CharField(
        _("dùng cho"), max_length=10, choices=Pool.choices, default=Pool.CONTEST, db_index=True,
        help_text=_("Câu hỏi thi không bao giờ hiện đáp án ở trang luyện tập; muốn dùng cho cả hai, "
                    "hãy tạo bản sao sang nhóm kia."),
    )
    kind = models.CharField(_("loại câu hỏi"), max_length=12, choices=QuestionKind.choices,
                            default=QuestionKind.SINGLE)
    text = models.TextField(_("nội dung câu hỏi"))
    explanation = models.TextField(_("giải thích"), blank=True)
    difficulty = models.PositiveSmallIntegerField(_("độ khó"), choices=Difficulty.choices,
                                                  default=Difficulty.MEDIUM, db_index=True)
    tags = models.CharField(_("lĩnh vực"), max_length=255, blank=True,
                            help_text=_("Các lĩnh vực, cách nhau bằng dấu phẩy."))
    cite_document = models.ForeignKey(
        "legal.LegalDocument", verbose_name=_("văn bản được trích dẫn"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    cite_eid = models.CharField(_("mã điều khoản"), max_length=200, blank=True,
                                help_text=_("Ví dụ: dieu-35 hoặc dieu-5-khoan-1 (mã neo trên trang văn bản)."))
    cite_label = models.CharField(_("căn cứ pháp lý"), max_length=255, blank=True,
                                  help_text=_("Ví dụ: Điều 35 Bộ luật Lao động 2019."))
    is_active = models.BooleanField(_("đang dùng"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("câu hỏi")
        verbose_name_plural = _("ngân hàng câu hỏi")
        ordering = ["difficulty", "id"]

    def __str__(self) -> str:
        return self.text[:90]

    @property
    def tag_list(self) -> list[str]:
        return [t.strip() for t in self.tags.split(",") if t.strip()]

    def clean(self) -> None:
        super().clean()
        if self.pk is None:
            return
        stored = type(self).objects.filter(pk=self.pk).values_list("pool", flat=True).first()
        if stored and stored != self.pool and self.is_used():
            raise ValidationError({"pool": _(
                "Câu hỏi này đã được dùng nên không thể chuyển nhóm; hãy tạo bản sao sang nhóm kia.")})

    def is_used(self) -> bool:
        """Whether a round, a practice quiz or an attempt (answered or only drawn) refers to this question."""
        if self.fixed_in_rounds.exists() or self.practice_quizzes.exists():
            return True
        if AttemptAnswer.objects.filter(question_id=self.pk).exists():
            return True
        # Drawn but unanswered questions are only in the JSON list (no portable JSON "contains" on
        # SQLite); this runs only when an editor changes a question's pool, so a scan is acceptable.
        drawn = Attempt.objects.values_list("question_ids", flat=True).iterator(chunk_size=2000)
        return any(self.pk in (ids or ()) for ids in drawn)

    def cite_url(self) -> str:
        """Link to the cited provision (/van-ban/<slug>/#<eid>), or "" when no document is linked."""
        if not self.cite_document_id:
            return ""
        url = self.cite_document.get_absolute_url()
        return f"{url}#{self.cite_eid}" if self.cite_eid else url


class Choice(models.Model):
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("phương án"), max_length=500)
    is_correct = models.BooleanField(_("đúng"), default=False)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("phương án")
        verbose_name_plural = _("phương án")

    def __str__(self) -> str:
        return self.text


class Unit(models.Model):
    """A unit (cơ quan, đơn vị) contestants belong to; the group prize is computed per unit."""

    name = models.CharField(_("tên đơn vị"), max_length=255, unique=True)
    member_count = models.PositiveIntegerField(
        _("số cán bộ, đoàn viên"), default=0,
        help_text=_("Dùng để tính tỷ lệ tham gia cho giải tập thể; 0 = không tính tỷ lệ."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")

    def __str__(self) -> str:
        return self.name


class Contest(models.Model):
    title = models.CharField(_("tên cuộc thi"), max_length=255)
    slug = models.SlugField(_("đường dẫn"), max_length=120, unique=True)
    description = models.TextField(_("giới thiệu"), blank=True)
    rules = models.TextField(_("thể lệ"), blank=True)
    is_published = models.BooleanField(_("công khai"), default=False)
    min_age = models.PositiveSmallIntegerField(_("tuổi tối thiểu"), default=0)
    residence_required = models.BooleanField(
        _("chỉ người cư trú trong tỉnh"), default=False,
        help_text=_("Người dự thi phải chọn xã, phường của tỉnh."),
    )
    require_birth_date = models.BooleanField(_("bắt buộc ngày sinh"), default=True)
    require_unit = models.BooleanField(_("bắt buộc đơn vị"), default=True)
    require_commune = models.BooleanField(_("bắt buộc xã, phường"), default=True)
    require_citizen_id = models.BooleanField(
        _("bắt buộc số CCCD"), default=False,
        help_text=_("Chỉ bật khi thể lệ yêu cầu; không bao giờ thu ảnh CCCD."),
    )
    one_prize_per_person = models.BooleanField(_("mỗi người chỉ nhận một giải trong cả cuộc thi"), default=True)
    group_points_first = models.PositiveSmallIntegerField(_("điểm tập thể cho giải nhất"), default=10)
    group_points_second = models.PositiveSmallIntegerField(_("điểm tập thể cho giải nhì"), default=8)
    group_points_third = models.PositiveSmallIntegerField(_("điểm tập thể cho giải ba"), default=6)
    group_points_consolation = models.PositiveSmallIntegerField(_("điểm tập thể cho giải khuyến khích"), default=0)
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("cuộc thi")
        verbose_name_plural = _("cuộc thi")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("quizzes:contest", args=[self.slug])


class Drawing(models.TextChoices):
    FIXED = "fixed", _("Bộ câu hỏi cố định")
    RANDOM = "random", _("Rút ngẫu nhiên theo độ khó")


class Ordering(models.TextChoices):
    EASY_TO_HARD = "easy_to_hard", _("Từ dễ đến khó")
    SHUFFLED = "shuffled", _("Xáo trộn")


class PredictionTarget(models.TextChoices):
    NONE = "", _("Không có câu dự đoán")
    PERFECT = "perfect", _("Số người trả lời đúng tất cả câu hỏi")
    PARTICIPANTS = "participants", _("Số người tham gia")


class Round(models.Model):
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField(_("đợt số"), default=1)
    title = models.CharField(_("tên đợt"), max_length=255, blank=True)
    opens_at = models.DateTimeField(_("bắt đầu"))
    closes_at = models.DateTimeField(_("kết thúc"))
    question_count = models.PositiveSmallIntegerField(_("số câu hỏi"), default=20)
    drawing = models.CharField(_("cách chọn câu hỏi"), max_length=10, choices=Drawing.choices,
                               default=Drawing.RANDOM)
    easy_count = models.PositiveSmallIntegerField(_("số câu dễ"), default=0)
    medium_count = models.PositiveSmallIntegerField(_("số câu trung bình"), default=0)
    hard_count = models.PositiveSmallIntegerField(_("số câu khó"), default=0)
    tag_filter = models.CharField(_("chỉ lấy câu thuộc lĩnh vực"), max_length=100, blank=True)
    fixed_questions = models.ManyToManyField(Question, verbose_name=_("bộ câu hỏi cố định"), blank=True,
                                             related_name="fixed_in_rounds",
                                             limit_choices_to={"pool": Pool.CONTEST})
    order = models.CharField(_("thứ tự câu hỏi"), max_length=14, choices=Ordering.choices,
                             default=Ordering.EASY_TO_HARD)
    time_limit_minutes = models.PositiveSmallIntegerField(_("thời gian làm bài (phút)"), default=15)
    max_attempts = models.PositiveSmallIntegerField(
        _("số lần dự thi"), default=1, help_text=_("Nhiều hơn 1: tính lần có kết quả cao nhất."))
    prediction_target = models.CharField(_("câu dự đoán"), max_length=14, choices=PredictionTarget.choices,
                                         default=PredictionTarget.PERFECT, blank=True)
    prizes_first = models.PositiveSmallIntegerField(_("số giải nhất"), default=1)
    prizes_second = models.PositiveSmallIntegerField(_("số giải nhì"), default=2)
    prizes_third = models.PositiveSmallIntegerField(_("số giải ba"), default=3)
    prizes_consolation = models.PositiveSmallIntegerField(_("số giải khuyến khích"), default=10)
    show_answers_after_submit = models.BooleanField(
        _("cho xem đáp án sau khi nộp bài"), default=False,
        help_text=_("Người đã nộp bài thấy ngay đáp án các câu của mình, kể cả khi đợt thi còn mở, và có thể "
                    "chia sẻ cho người khác. Để trống thì đáp án chỉ hiện sau khi tổng kết đợt thi."))
    # Filled when the round is closed (manage.py / task close_round).
    closed_at = models.DateTimeField(_("đã tổng kết lúc"), null=True, blank=True, editable=False)
    prediction_actual = models.PositiveIntegerField(_("đáp án câu dự đoán"), null=True, blank=True,
                                                    editable=False)
    statistics = models.JSONField(default=dict, blank=True, editable=False)
    results_published = models.BooleanField(_("công bố kết quả"), default=False)

    class Meta:
        ordering = ["contest", "number"]
        constraints = [models.UniqueConstraint(fields=["contest", "number"], name="quizzes_round_unique_number")]
        verbose_name = _("đợt thi")
        verbose_name_plural = _("đợt thi")

    def __str__(self) -> str:
        return f"{self.contest} – {self.display_title}"

    def get_absolute_url(self) -> str:
        return reverse("quizzes:round", args=[self.contest.slug, self.number])

    def clean(self) -> None:
        errors = {}
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("Thời điểm kết thúc phải sau thời điểm bắt đầu.")
        by_level = self.easy_count + self.medium_count + self.hard_count
        if self.drawing == Drawing.RANDOM and by_level and by_level != self.question_count:
            errors["question_count"] = _("Số câu dễ + trung bình + khó (%(n)s) phải bằng số câu hỏi.") % {"n": by_level}
        if not self.time_limit_minutes:
            errors["time_limit_minutes"] = _("Thời gian làm bài phải lớn hơn 0.")
        if not self.max_attempts:
            errors["max_attempts"] = _("Số lần dự thi ít nhất là 1.")
        if errors:
            raise ValidationError(errors)

    @property
    def display_title(self) -> str:
        return self.title or f"Đợt {self.number}"

    def answers_visible(self) -> bool:
        """Whether a contestant may see the key of their submitted attempt (organiser's choice, or after close)."""
        return self.show_answers_after_submit or self.closed_at is not None

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at and self.closed_at is None


class Prize(models.TextChoices):
    FIRST = "1", _("Giải Nhất")
    SECOND = "2", _("Giải Nhì")
    THIRD = "3", _("Giải Ba")
    CONSOLATION = "kk", _("Giải Khuyến khích")


class Contestant(models.Model):
    """A citizen's contest account: one per phone number (not a staff user)."""

    phone = models.CharField(_("số điện thoại"), max_length=10, unique=True)
    password = models.CharField(max_length=128)
    full_name = models.CharField(_("họ và tên"), max_length=120)
    birth_date = models.DateField(_("ngày sinh"), null=True, blank=True)
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="contestants")
    commune = models.CharField(_("xã, phường"), max_length=120, blank=True, db_index=True)
    # Optional, and used for one thing only: sending a password-reset link the contestant asked for.
    email = models.EmailField(_("thư điện tử"), blank=True)
    # Keyed hash (HMAC with SECRET_KEY) to detect one ID on several phones; only the last
    # four digits are readable by staff.
    citizen_id_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    citizen_id_last4 = models.CharField(_("4 số cuối CCCD"), max_length=4, blank=True, editable=False)
    # Part of the signed sign-in cookie; bumped on sign-out and erasure so older cookies stop working.
    session_version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(_("ngày đăng ký"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("người dự thi")
        verbose_name_plural = _("người dự thi")

    def __str__(self) -> str:
        return f"{self.full_name} ({mask_phone(self.phone)})"

    def clean(self) -> None:
        """Staff editing a phone number keep the one spelling (a fullwidth copy would be a second account)."""
        super().clean()
        stored = type(self).objects.filter(pk=self.pk).values_list("phone", flat=True).first() if self.pk else None
        if self.phone == stored:
            return  # unchanged, including the placeholder of an erased account
        phone = contestant_phone(self.phone)
        if phone is None:
            raise ValidationError({"phone": INVALID_PHONE_MESSAGE})
        self.phone = phone

    def set_password(self, raw: str) -> None:
        self.password = make_password(raw)

    def check_password(self, raw: str) -> bool:
        return check_password(raw, self.password)


def mask_phone(phone: str) -> str:
    return phone[:3] + "****" + phone[-3:] if len(phone) >= 7 else "***"


class AttemptStatus(models.TextChoices):
    ACTIVE = "active", _("Đang làm bài")
    SUBMITTED = "submitted", _("Đã nộp")


class Attempt(models.Model):
    """One try at a round: the drawn questions and option order, a server-side deadline, the score."""

    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="attempts")
    contestant = models.ForeignKey(Contestant, on_delete=models.CASCADE, related_name="attempts")
    number = models.PositiveSmallIntegerField(default=1)
    status = models.CharField(max_length=10, choices=AttemptStatus.choices, default=AttemptStatus.ACTIVE)
    started_at = models.DateTimeField(_("bắt đầu"))
    deadline = models.DateTimeField(_("hạn nộp"))
    submitted_at = models.DateTimeField(_("nộp lúc"), null=True, blank=True)
    auto_submitted = models.BooleanField(_("tự động nộp khi hết giờ"), default=False)
    # [question id, ...] in the order shown, and {question id: [choice id, ...]} option order.
    question_ids = models.JSONField(default=list)
    choice_order = models.JSONField(default=dict)
    prediction = models.PositiveIntegerField(_("dự đoán"), null=True, blank=True)
    correct_count = models.PositiveSmallIntegerField(_("số câu đúng"), null=True, blank=True)
    duration_seconds = models.PositiveIntegerField(_("thời gian làm bài (giây)"), null=True, blank=True)
    # Set at round close on the attempt that counts for the contestant.
    counts = models.BooleanField(_("lần được tính"), default=False)
    rank = models.PositiveIntegerField(_("xếp hạng"), null=True, blank=True)
    prize = models.CharField(_("giải"), max_length=2, choices=Prize.choices, blank=True)
    disqualified = models.BooleanField(_("bị hủy kết quả"), default=False)
    disqualified_reason = models.CharField(_("lý do hủy kết quả"), max_length=255, blank=True)

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(fields=["round", "contestant", "number"], name="quizzes_attempt_unique_number"),
            # One attempt in progress per contestant, whatever the round.
            models.UniqueConstraint(fields=["contestant"], condition=Q(status="active"),
                                    name="quizzes_attempt_one_active"),
        ]
        indexes = [models.Index(fields=["round", "status"], name="quizzes_att_round_status")]
        verbose_name = _("bài thi")
        verbose_name_plural = _("bài thi")

    def __str__(self) -> str:
        return f"{self.contestant} – {self.round.display_title} – lần {self.number}"

    @property
    def is_active(self) -> bool:
        return self.status == AttemptStatus.ACTIVE


class AttemptAnswer(models.Model):
    """The choices picked for one question of an attempt (upserted on every autosave)."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    question_id = models.BigIntegerField()
    choice_ids = models.JSONField(default=list)
    saved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["attempt", "question_id"], name="quizzes_answer_unique")]


class PracticeQuiz(models.Model):
    """Questions with immediate feedback, attached to a lesson or legal situation; no registration."""

    title = models.CharField(_("tên bài luyện tập"), max_length=255)
    slug = models.SlugField(_("đường dẫn"), max_length=120, unique=True)
    intro = models.TextField(_("giới thiệu"), blank=True)
    related_url = models.CharField(_("bài học, tình huống liên quan (đường dẫn)"), max_length=500, blank=True,
                                   validators=[validate_link],
                                   help_text=_("Đường dẫn trong Cổng (bắt đầu bằng /) hoặc địa chỉ http(s)://."))
    questions = models.ManyToManyField(Question, verbose_name=_("câu hỏi"), related_name="practice_quizzes",
                                       limit_choices_to={"pool": Pool.PRACTICE})
    is_published = models.BooleanField(_("công khai"), default=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("bài luyện tập")
        verbose_name_plural = _("bài luyện tập")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("practice:practice", args=[self.slug])
