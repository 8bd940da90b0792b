"""Validity of a document at any date, from its dates, the relations aimed at it and overrides.

Rules (DOMAIN.md statuses):

- an editor override (with its required reason) wins from ``validity_override_from`` on;
- before ``effective_from`` (or ``issued_on`` when no effective date is known): Chưa có hiệu lực;
- replaced or repealed as a whole by a published document whose relation is in effect, or
  ``effective_to`` reached: Hết hiệu lực toàn bộ (``effective_to`` is the first day without force,
  as the national database records it);
- suspended as a whole (đình chỉ): Tạm ngưng hiệu lực while the suspension has an end date not
  yet reached, Ngưng hiệu lực when it has none;
- amended, or a provision replaced or repealed: Hết hiệu lực một phần;
- otherwise Còn hiệu lực.

Which relations count on a date is ``Relation.has_legal_effect`` (the Python twin of
``Relation.objects.with_legal_effect``, used by the SQL version, ``LegalDocument.objects.with_validity_at``).
"""

from __future__ import annotations

import datetime
from typing import NamedTuple

from django.utils import timezone
from django.utils.translation import gettext as _

from .models import LegalDocument, Predicate, Relation, Validity

WHOLE_ENDING = {Predicate.REPLACES, Predicate.REPEALS}
PARTIAL_ENDING = {Predicate.AMENDS, Predicate.REPLACES, Predicate.REPEALS}

_EID_WORDS = {"phan": "Phần", "chuong": "Chương", "muc": "Mục", "dieu": "Điều", "khoan": "khoản", "diem": "điểm"}


class ValidityResult(NamedTuple):
    status: Validity
    reason: str
    related: list[LegalDocument]


def format_date(value: datetime.date) -> str:
    return value.strftime("%d/%m/%Y")


def document_label(document: LegalDocument) -> str:
    """How Vietnamese texts cite a document: "Bộ luật số 45/2019/QH14"."""
    if document.number:
        return _("%(type)s số %(number)s") % {"type": document.doc_type.name, "number": document.number}
    return document.title


def eid_label(eid: str) -> str:
    """"dieu-5-khoan-1-diem-a" → "điểm a khoản 1 Điều 5" (the way a citation reads).

    Units of an attached text ("quy-che-dieu-3") read "Điều 3 (văn bản kèm theo)".
    """
    parts = eid.split("-")
    start = next((i for i, word in enumerate(parts) if word in _EID_WORDS), None)
    if start is None or (len(parts) - start) % 2:
        return eid
    labels = []
    for word, number in zip(parts[start::2], parts[start + 1 :: 2], strict=True):
        if word not in _EID_WORDS:
            return eid
        if word in {"phan", "chuong"}:
            number = number.upper()
        elif number == "dd":
            number = "đ"
        labels.append(f"{_EID_WORDS[word]} {number}")
    label = " ".join(reversed(labels))
    return f"{label} {_('(văn bản kèm theo)')}" if start else label


def _incoming(document: LegalDocument) -> list[Relation]:
    if document.pk is None:  # an unsaved document (admin preview) has nothing aimed at it yet
        return []
    # Uses the prefetch cache when refresh_all() filled it.
    return list(document.incoming_relations.all())


def validity_on(document: LegalDocument, on: datetime.date | None = None) -> ValidityResult:
    """The document's validity status on ``on`` (today by default), why, and which documents caused it."""
    on = on or timezone.localdate()

    if document.validity_override and (
        document.validity_override_from is None or document.validity_override_from <= on
    ):
        return ValidityResult(Validity(document.validity_override), document.validity_override_reason, [])

    if document.is_draft_for_comment:
        return ValidityResult(Validity.NOT_YET, _("Dự thảo đang lấy ý kiến, chưa được ban hành."), [])

    start = document.effective_from or document.issued_on
    if start is None:
        return ValidityResult(Validity.IN_FORCE, _("Chưa rõ ngày có hiệu lực."), [])
    if on < start:
        return ValidityResult(
            Validity.NOT_YET, _("Có hiệu lực từ ngày %(date)s.") % {"date": format_date(start)}, []
        )

    relations = sorted(
        (r for r in _incoming(document) if r.has_legal_effect(on)),
        key=lambda r: (r.effective_date(), r.pk or 0),
    )

    ending = [r for r in relations if r.predicate in WHOLE_ENDING and not r.object_eid]
    if ending:
        first = ending[0]
        verb = _("Bị thay thế bởi") if first.predicate == Predicate.REPLACES else _("Bị bãi bỏ bởi")
        reason = _("%(verb)s %(document)s từ ngày %(date)s.") % {
            "verb": verb,
            "document": document_label(first.subject),
            "date": format_date(first.effective_date()),
        }
        return ValidityResult(Validity.EXPIRED, reason, _unique_subjects(ending))

    if document.effective_to and document.effective_to <= on:
        return ValidityResult(
            Validity.EXPIRED,
            _("Hết hiệu lực từ ngày %(date)s.") % {"date": format_date(document.effective_to)},
            [],
        )

    suspensions = [
        r for r in relations
        if r.predicate == Predicate.SUSPENDS and not r.object_eid and (r.ends_on is None or on < r.ends_on)
    ]
    if suspensions:
        current = suspensions[-1]
        values = {"document": document_label(current.subject), "date": format_date(current.effective_date())}
        if current.ends_on:
            values["until"] = format_date(current.ends_on)
            reason = _("Tạm ngưng hiệu lực theo %(document)s từ ngày %(date)s đến trước ngày %(until)s.") % values
            return ValidityResult(Validity.TEMPORARILY_SUSPENDED, reason, _unique_subjects([current]))
        reason = _("Bị đình chỉ thi hành bởi %(document)s từ ngày %(date)s.") % values
        return ValidityResult(Validity.SUSPENDED, reason, _unique_subjects([current]))

    partial = [r for r in relations if r.predicate in PARTIAL_ENDING]
    if partial:
        pieces = []
        for relation in partial:
            piece = f"{relation.reverse_verb.lower()} {document_label(relation.subject)}"
            if relation.object_eid:
                piece = f"{eid_label(relation.object_eid)} {piece}"
            pieces.append(piece)
        reason = _("Một phần văn bản không còn hiệu lực: %(pieces)s.") % {"pieces": "; ".join(pieces)}
        return ValidityResult(Validity.PARTLY_EXPIRED, reason, _unique_subjects(partial))

    return ValidityResult(
        Validity.IN_FORCE, _("Có hiệu lực từ ngày %(date)s.") % {"date": format_date(start)}, []
    )


def _unique_subjects(relations: list[Relation]) -> list[LegalDocument]:
    seen: dict[int, LegalDocument] = {}
    for relation in relations:
        seen.setdefault(relation.subject_id, relation.subject)
    return list(seen.values())
