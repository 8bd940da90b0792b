"""Later decrees that amend or repeal a violation's point, clause or article, as of a date.

A relation in the registry ("Nghị định X sửa đổi, bổ sung điểm a khoản 3 Điều 6 Nghị định 901")
bites on the provision it names and everything under it. A repealed violation is not an answer
on dates after the repeal; an amended one is shown with the amending decree, so the citizen reads
the change (the amended text itself lives in the amending decree, and a new consolidated version
of the penalty decree replaces the violations when editors import it).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from pbgdpl.legal.models import Predicate, Relation
from pbgdpl.legal.validity import document_label

BITING = (Predicate.AMENDS, Predicate.REPEALS, Predicate.REPLACES, Predicate.SUSPENDS)


@dataclass(frozen=True)
class Change:
    predicate: str
    label: str  # "Sửa đổi, bổ sung bởi Nghị định số X/2026/NĐ-CP từ ngày 01/07/2026"
    url: str


def _covers(relation_eid: str, eid: str) -> bool:
    return bool(relation_eid) and (eid == relation_eid or eid.startswith(relation_eid + "-"))


def changes_on(document_ids: set[int], on: datetime.date) -> dict[tuple[int, str], list[Relation]]:
    """Relations with legal effect on ``on`` that name a provision of these decrees, by (document, eid)."""
    relations = (Relation.objects.with_legal_effect(on)
                 .filter(object_id__in=document_ids, predicate__in=BITING).exclude(object_eid="")
                 .select_related("subject__doc_type"))
    found: dict[tuple[int, str], list[Relation]] = {}
    for relation in relations:
        if relation.ends_on and relation.ends_on < on:
            continue
        found.setdefault((relation.object_id, relation.object_eid), []).append(relation)
    return found


def changes_for(violation, changes: dict[tuple[int, str], list[Relation]]) -> list[Relation]:
    document_id = violation.decree.document_id
    return [relation for (doc, eid), relations in changes.items() if doc == document_id and _covers(eid, violation.eid)
            for relation in relations]


def is_gone(relations: list[Relation]) -> bool:
    return any(relation.predicate in (Predicate.REPEALS, Predicate.REPLACES) for relation in relations)


def describe(relations: list[Relation]) -> list[Change]:
    out = []
    for relation in relations:
        when = relation.effective_date()
        label = f"{relation.reverse_verb} {document_label(relation.subject)}"
        if when:
            label += f" từ ngày {when:%d/%m/%Y}"
        out.append(Change(relation.predicate, label, relation.subject.get_absolute_url()))
    return out
