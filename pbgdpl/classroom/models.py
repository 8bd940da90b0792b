"""A live classroom quiz: a teacher runs a practice quiz, pupils join with a 6-digit code and a
nickname. Pupils and their answers exist only while the class runs: the periodic purge deletes the
whole session (nicknames, answers) once it has ended or expired."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

SESSION_HOURS = 3  # a code stops working this long after the class was started
KEEP_AFTER_END = datetime.timedelta(minutes=30)  # the final ranking stays on screen, then all is deleted


class State(models.TextChoices):
    WAITING = "waiting", _("Đang chờ học sinh vào lớp")
    OPEN = "open", _("Đang hỏi")
    FINISHED = "finished", _("Đã kết thúc")


def _expiry():
    return timezone.now() + datetime.timedelta(hours=SESSION_HOURS)


class ClassSession(models.Model):
    code = models.CharField(max_length=6, db_index=True)
    teacher = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=255)
    question_ids = models.JSONField(default=list)
    current = models.IntegerField(default=-1)  # index into question_ids; -1 before the first question
    state = models.CharField(max_length=10, choices=State.choices, default=State.WAITING)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(default=_expiry)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("lớp học trực tuyến")
        verbose_name_plural = _("lớp học trực tuyến")
        permissions = [("run_classroom", _("Mở lớp học, điều khiển câu hỏi"))]

    def __str__(self) -> str:
        return f"{self.code} – {self.title}"

    @property
    def joinable(self) -> bool:
        return self.state != State.FINISHED and timezone.now() < self.expires_at

    @property
    def group_name(self) -> str:
        return f"classroom-{self.pk}"


class Pupil(models.Model):
    session = models.ForeignKey(ClassSession, on_delete=models.CASCADE, related_name="pupils")
    nickname = models.CharField(max_length=30)
    score = models.PositiveIntegerField(default=0)
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "nickname"], name="classroom_nickname_once")]
        ordering = ["-score", "joined_at"]

    def __str__(self) -> str:
        return self.nickname


class PupilAnswer(models.Model):
    pupil = models.ForeignKey(Pupil, on_delete=models.CASCADE, related_name="answers")
    index = models.PositiveIntegerField()
    choice_ids = models.JSONField(default=list)
    correct = models.BooleanField(default=False)
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["pupil", "index"], name="classroom_answer_once")]
