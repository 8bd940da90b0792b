"""Sample judgments and a sample precedent (labelled as samples; names already masked)."""

from __future__ import annotations

import datetime

from pbgdpl.core.demo import read_demo_data


def load_demo_judgments(stdout=None) -> str:
    from pbgdpl.legal.services import find_document

    from ..models import Judgment, JudgmentProvision

    created = 0
    for row in read_demo_data("lookups", "judgments.json"):
        if Judgment.objects.filter(number=row["number"]).exists():
            continue
        provisions = row.pop("provisions")
        judgment = Judgment(**{**row, "judged_on": datetime.date.fromisoformat(row["judged_on"])}, live=True, is_sample=True)
        judgment.full_clean()  # refuses to publish a text with an unmasked name
        judgment.save()
        for order, (number, eid) in enumerate(provisions):
            document = find_document(number)
            if document is not None:
                JudgmentProvision.objects.create(judgment=judgment, document=document, eid=eid, sort_order=order)
        created += 1
    return f"{created} bản án, án lệ mẫu."
