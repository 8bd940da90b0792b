"""What happens in a class: start, join, answer, next question, end, purge. Each change tells the
class's screens (teacher and pupils) through the channel layer once the transaction commits."""

from __future__ import annotations

import secrets

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .broadcast import announce
from .models import KEEP_AFTER_END, ClassSession, Pupil, PupilAnswer, State

NICKNAME_MAX = 30


class ClassroomError(ValueError):
    """A pupil's or teacher's action that cannot be done (message in Vietnamese)."""


def start(teacher, quiz) -> ClassSession:
    from pbgdpl.quizzes.selectors import practice_question_set

    ids = list(practice_question_set(quiz).order_by("id").values_list("id", flat=True))
    if not ids:
        raise ClassroomError("Bài luyện tập này chưa có câu hỏi nào.")
    return ClassSession.objects.create(code=_free_code(), teacher=teacher, title=quiz.title, question_ids=ids)


def _free_code() -> str:
    """Six digits no running class uses."""
    running = set(ClassSession.objects.filter(expires_at__gt=timezone.now()).exclude(state=State.FINISHED)
                  .values_list("code", flat=True))
    while True:
        code = f"{secrets.randbelow(900000) + 100000}"
        if code not in running:
            return code


def find_open(code: str) -> ClassSession | None:
    return (ClassSession.objects.filter(code=code.strip(), expires_at__gt=timezone.now())
            .exclude(state=State.FINISHED).order_by("-created_at").first())


def join(session: ClassSession, nickname: str) -> Pupil:
    nickname = " ".join(nickname.split())[:NICKNAME_MAX]
    if not nickname:
        raise ClassroomError("Hãy nhập biệt danh (không cần tên thật).")
    try:
        with transaction.atomic():
            pupil = Pupil.objects.create(session=session, nickname=nickname)
    except IntegrityError as exc:
        raise ClassroomError(f"Biệt danh “{nickname}” đã có người dùng trong lớp, hãy chọn biệt danh khác.") from exc
    announce(session)
    return pupil


def answer(pupil: Pupil, index: int, choice_ids: list[int]) -> PupilAnswer:
    from pbgdpl.quizzes.models import Choice

    session = pupil.session
    if session.state != State.OPEN or index != session.current:
        raise ClassroomError("Câu hỏi này đã đóng, hãy xem câu hiện tại.")
    question_id = session.question_ids[session.current]
    valid = set(Choice.objects.filter(question_id=question_id).values_list("id", flat=True))
    chosen = {c for c in choice_ids if c in valid}
    if not chosen:
        raise ClassroomError("Hãy chọn một phương án.")
    right = set(Choice.objects.filter(question_id=question_id, is_correct=True).values_list("id", flat=True))
    try:
        with transaction.atomic():
            saved = PupilAnswer.objects.create(pupil=pupil, index=index, choice_ids=sorted(chosen),
                                               correct=chosen == right)
            if saved.correct:
                Pupil.objects.filter(pk=pupil.pk).update(score=F("score") + 1)
    except IntegrityError as exc:
        raise ClassroomError("Em đã trả lời câu này rồi.") from exc
    announce(session)
    return saved


def advance(session: ClassSession) -> ClassSession:
    """Show the next question, or end the class after the last one."""
    if session.state == State.FINISHED:
        return session
    if session.current + 1 >= len(session.question_ids):
        return finish(session)
    session.current += 1
    session.state = State.OPEN
    session.save(update_fields=["current", "state"])
    announce(session)
    return session


def finish(session: ClassSession) -> ClassSession:
    session.state = State.FINISHED
    session.finished_at = timezone.now()
    session.save(update_fields=["state", "finished_at"])
    announce(session)
    return session


def purge(now=None) -> int:
    """Delete classes (with every nickname and answer) that ended a while ago or expired."""
    now = now or timezone.now()
    old = ClassSession.objects.filter(finished_at__lt=now - KEEP_AFTER_END) | ClassSession.objects.filter(
        expires_at__lt=now)
    deleted, _ = old.delete()
    return deleted
