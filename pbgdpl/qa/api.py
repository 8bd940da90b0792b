"""/api/v1/questions: published Q&As — the public question and answer only, never the asker."""

from __future__ import annotations

import datetime

from django.http import Http404
from ninja import Field, Query, Router, Schema

from pbgdpl.api.pagination import newest_first

from .models import Question

router = Router()


class QuestionSchema(Schema):
    id: int
    title: str
    question: str
    answer: str
    field: str | None
    published_at: datetime.datetime | None
    url: str


class QuestionPage(Schema):
    items: list[QuestionSchema]
    next_cursor: str | None = None


def _public(question: Question) -> dict:
    # Only what the public page shows: the masked question text and the answer.
    return {"id": question.pk, "title": question.display_title, "question": question.shown_text,
            "answer": question.answer.text, "field": question.field.name if question.field else None,
            "published_at": question.published_at, "url": question.get_absolute_url()}


def _published():
    return Question.objects.published().filter(answer__isnull=False).select_related("field", "answer")


class PageParams(Schema):
    cursor: str | None = None
    limit: int = Field(20, ge=1, le=100)


@router.get("", response=QuestionPage, summary="Hỏi đáp pháp luật đã công bố (mới nhất trước)")
def list_questions(request, params: Query[PageParams]):
    rows, next_cursor = newest_first(_published(), date_field="published_at", cursor=params.cursor, limit=params.limit)
    return {"items": [_public(row) for row in rows], "next_cursor": next_cursor}


@router.get("/{question_id}", response=QuestionSchema, summary="Một câu hỏi đã công bố")
def get_question(request, question_id: int):
    question = _published().filter(pk=question_id).first()
    if question is None:
        raise Http404
    return _public(question)
