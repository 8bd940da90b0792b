"""A policy dialogue in site search: topic, officials, transcript and the answered questions."""

from __future__ import annotations

from django.utils.html import strip_tags

from pbgdpl.search.registry import SearchEntry, SearchSource

from .dialogue_models import Dialogue, QuestionStatus

KIND = "dialogue"


class DialogueSource(SearchSource):
    label = "consultation.Dialogue"

    def entries_for(self, pk) -> list[SearchEntry]:
        dialogue = Dialogue.objects.filter(pk=pk, live=True).first()
        if dialogue is None:
            return []
        answered = dialogue.questions.filter(status=QuestionStatus.APPROVED).exclude(answer="")
        # Only what the page shows: no pending or rejected question reaches the index.
        body = "\n".join([dialogue.summary, dialogue.officials, strip_tags(dialogue.transcript)]
                         + [f"{q.text}\n{q.answer}" for q in answered])
        url = dialogue.get_absolute_url()
        return [SearchEntry(key=f"dialogue:{dialogue.pk}", kind=KIND, title=dialogue.title, body=body, url=url,
                            group_key=f"dialogue:{dialogue.pk}", group_title=dialogue.title, group_url=url,
                            date=dialogue.starts_at.date())]

    def all_pks(self):
        return Dialogue.objects.filter(live=True).values_list("pk", flat=True)
