"""Violations in the site search (kind ``violation``): "vuot den do" finds the fine, not a crime."""

from __future__ import annotations

from collections.abc import Iterable

from pbgdpl.search.registry import SearchEntry, SearchSource
from pbgdpl.search.services import mark_changed

from .models import Violation
from .presentation import fine_text

LABEL = "lookups.Violation"


class ViolationSource(SearchSource):
    label = LABEL

    def entries_for(self, pk) -> list[SearchEntry]:
        violation = Violation.objects.public().filter(pk=pk).first()
        if violation is None:
            return []
        document = violation.decree.document
        return [
            SearchEntry(
                key=f"violation:{violation.pk}",
                kind="violation",
                title=violation.behaviour[:300],
                body=f"{violation.behaviour}\n{violation.subject}\n{fine_text(violation)}",
                url=violation.get_absolute_url(),
                doc_number=document.number,
                date=document.effective_from,
                facets={"field": [field.name for field in document.fields.all()]},
            )
        ]

    def all_pks(self) -> Iterable:
        return Violation.objects.public().values_list("pk", flat=True).iterator()


def reindex_decree(decree) -> None:
    for pk in decree.violations.values_list("pk", flat=True):
        mark_changed(LABEL, pk)
