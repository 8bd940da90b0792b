"""Online lectures (bài giảng trực tuyến): a course is an ordered list of lessons."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable


class CourseQuerySet(models.QuerySet):
    def published(self):
        return self.filter(live=True)


class Course(ClusterableModel):
    title = models.CharField(_("tên khóa học"), max_length=300)
    slug = models.SlugField(_("đường dẫn"), max_length=120, unique=True)
    summary = models.TextField(_("giới thiệu"), blank=True)
    field = models.ForeignKey("legal.Field", verbose_name=_("lĩnh vực"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    live = models.BooleanField(_("công khai"), default=False)
    is_sample = models.BooleanField(_("dữ liệu mẫu"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CourseQuerySet.as_manager()

    class Meta:
        verbose_name = _("khóa bài giảng")
        verbose_name_plural = _("bài giảng trực tuyến")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("media:course", kwargs={"slug": self.slug})


class Lesson(Orderable):
    course = ParentalKey(Course, on_delete=models.CASCADE, related_name="lessons")
    title = models.CharField(_("tên bài"), max_length=300)
    text = models.TextField(_("nội dung bài"), blank=True, help_text=_("Mỗi đoạn một dòng."))
    video = models.ForeignKey("media.Video", verbose_name=_("video"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    slides = models.ForeignKey("media.Material", verbose_name=_("trình chiếu (tài liệu PDF)"), null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")
    practice_quiz = models.ForeignKey("quizzes.PracticeQuiz", verbose_name=_("bài luyện tập"), null=True, blank=True,
                                      on_delete=models.SET_NULL, related_name="+")

    class Meta(Orderable.Meta):
        verbose_name = _("bài")
        verbose_name_plural = _("các bài")

    def __str__(self) -> str:
        return self.title

    def clean(self):
        super().clean()
        if not (self.text.strip() or self.video_id or self.slides_id):
            raise ValidationError(_("Bài cần có ít nhất nội dung chữ, một video hoặc một tài liệu trình chiếu."))

    def get_absolute_url(self) -> str:
        return reverse("media:lesson", kwargs={"slug": self.course.slug, "number": self.number})

    @property
    def number(self) -> int:
        return [lesson.pk for lesson in self.course.lessons.all()].index(self.pk) + 1
