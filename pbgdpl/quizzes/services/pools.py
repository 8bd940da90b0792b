"""Keeping the contest and practice question pools apart.

A practice quiz prints the correct answer of any of its questions to anyone, so a question that a
contest round can draw must never be in one. Each question belongs to one pool (``Question.pool``);
rounds draw only from the contest pool, practice quizzes accept only practice questions, and using
a question in the other pool means copying it.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Choice, Pool, Question


@transaction.atomic
def copy_to_pool(question: Question, pool: str) -> Question:
    """A new question with the same text, choices and citation in ``pool`` (the original is untouched)."""
    copy = Question.objects.create(
        pool=pool, kind=question.kind, text=question.text, explanation=question.explanation,
        difficulty=question.difficulty, tags=question.tags, cite_document_id=question.cite_document_id,
        cite_eid=question.cite_eid, cite_label=question.cite_label, is_active=question.is_active,
    )
    Choice.objects.bulk_create([Choice(question=copy, text=c.text, is_correct=c.is_correct, position=c.position)
                                for c in question.choices.all()])
    return copy


def check_pool(question_ids, pool: str) -> None:
    """Refuse to link questions of the other pool (a round's fixed set, a practice quiz)."""
    wrong = Question.objects.filter(pk__in=list(question_ids)).exclude(pool=pool).count()
    if wrong:
        if pool == Pool.PRACTICE:
            message = _("Bài luyện tập chỉ nhận câu hỏi luyện tập (%(n)s câu là câu hỏi thi); hãy tạo bản sao.")
        else:
            message = _("Đợt thi chỉ nhận câu hỏi thi (%(n)s câu là câu hỏi luyện tập); hãy tạo bản sao.")
        raise ValidationError(message % {"n": wrong})
