"""What each screen of a class shows: the current question (never its key to pupils while open),
how many answered, the ranking."""

from __future__ import annotations

from .models import ClassSession, Pupil, State


def current_question(session: ClassSession):
    from pbgdpl.quizzes.models import Question

    if session.current < 0 or session.current >= len(session.question_ids):
        return None
    return Question.objects.prefetch_related("choices").filter(pk=session.question_ids[session.current]).first()


def ranking(session: ClassSession) -> list[Pupil]:
    return list(session.pupils.order_by("-score", "joined_at"))


def answered_count(session: ClassSession) -> int:
    if session.state != State.OPEN:
        return 0
    return session.pupils.filter(answers__index=session.current).count()


def pupil_answer(pupil: Pupil, session: ClassSession):
    return pupil.answers.filter(index=session.current).first()
