"""Keep the violations of a penalty decree in step with its text in the legal registry."""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone

from pbgdpl.core.text import fold_diacritics
from pbgdpl.legal.parsing import parse_text

from ..models import PenaltyDecree, Violation
from .parser import ParsedViolation, parse_decree

log = logging.getLogger(__name__)

# The words every penalty decree's title carries ("Quy định xử phạt vi phạm hành chính …").
TITLE_MARK = "xu phat vi pham hanh chinh"
# Fields an editor may correct; a re-parse never overwrites them once ``edited`` is set.
EDITABLE = (
    "behaviour", "subject", "vehicle", "fine_min", "fine_max", "warning_allowed",
    "additional_penalties", "remedial_measures", "speed_min", "speed_max",
)


def is_penalty_decree(document) -> bool:
    return TITLE_MARK in fold_diacritics(document.title or "").lower()


@transaction.atomic
def sync_decree(document, *, is_sample: bool | None = None) -> PenaltyDecree | None:
    """Read ``document`` as a penalty decree and update its violations; None if it is not one.

    New violations are added, unchanged or uncorrected ones updated in place, vanished ones
    removed — except rows an editor corrected: those keep the correction and are flagged
    for review whenever what the parser reads differs from what it read before.
    """
    if not is_penalty_decree(document):
        PenaltyDecree.objects.filter(document=document).delete()
        return None
    text = document.current_version.text if document.current_version_id else document.full_text
    parsed = parse_decree(parse_text(text or "").nodes)
    decree, _created = PenaltyDecree.objects.get_or_create(document=document)
    if is_sample is not None:
        decree.is_sample = is_sample
    decree.organisation_multiplier = parsed.organisation_multiplier
    decree.warnings = [{"eid": eid, "message": message} for eid, message in parsed.warnings]
    decree.parsed_at = timezone.now()
    decree.save()

    existing = {violation.eid: violation for violation in decree.violations.all()}
    for order, item in enumerate(parsed.violations):
        _upsert(decree, existing.pop(item.eid, None), item, order)
    for gone in existing.values():
        if gone.edited:
            gone.needs_review = True
            gone.review_note = "Không còn thấy quy định này trong văn bản khi đọc lại."
            gone.save(update_fields=["needs_review", "review_note"])
        else:
            gone.delete()
    log.debug("Penalty decree %s: %s violations, %s warnings", document.pk, len(parsed.violations), len(parsed.warnings))
    return decree


def _upsert(decree: PenaltyDecree, row: Violation | None, item: ParsedViolation, order: int) -> None:
    values = item.as_dict()
    if row is None:
        Violation.objects.create(decree=decree, order=order, parsed=values, **values)
        return
    changed = row.parsed != values
    row.order, row.article_eid, row.article_title = order, item.article_eid, item.article_title
    if row.edited:
        if changed:
            row.needs_review = True
            row.review_note = "Văn bản đã thay đổi sau khi biên tập viên sửa: hãy đối chiếu lại."
    else:
        for name in EDITABLE:
            setattr(row, name, values[name])
    row.parsed = values
    row.save()
