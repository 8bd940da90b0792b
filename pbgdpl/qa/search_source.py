"""How published Q&As enter the search index: the public question text and the answer, nothing personal."""

from __future__ import annotations

from collections.abc import Iterable

from pbgdpl.search.registry import SearchEntry, SearchSource

from .models import Question


class QuestionSource(SearchSource):
    label = "qa.Question"

    def entries_for(self, pk) -> list[SearchEntry]:
        question = Question.objects.published().select_related("field", "answer").filter(pk=pk).first()
        if question is None or not hasattr(question, "answer"):
            return []
        published = question.published_at.date() if question.published_at else None
        # Only public fields: the asker's name, phone, email, commune and file never go in.
        return [
            SearchEntry(
                key=f"question:{question.pk}",
                kind="question",
                title=question.display_title,
                body=f"{question.shown_text}\n{question.answer.text}",
                url=question.get_absolute_url(),
                group_key=f"question:{question.pk}",
                group_title=question.display_title,
                group_url=question.get_absolute_url(),
                date=published,
                facets={
                    "field": [question.field.name] if question.field else [],
                    "year": [str(published.year)] if published else [],
                },
            )
        ]

    def all_pks(self) -> Iterable:
        return Question.objects.published().values_list("pk", flat=True).iterator()
