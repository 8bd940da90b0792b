"""Demo content: approved comments (some answered) on the demo draft of the legal registry."""

from __future__ import annotations

import json
from pathlib import Path

from django.utils import timezone

from pbgdpl.legal.models import LegalDocument

from . import services
from .models import Comment, Status

DATA = Path(__file__).parent / "demo_data" / "comments.json"


def load_demo_comments(stdout) -> str:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    draft = LegalDocument.objects.filter(is_draft_for_comment=True,
                                         title__icontains=data["draft_title_contains"]).first()
    if draft is None:
        return "không có dự thảo mẫu"
    consultation = services.consultation_for(draft)
    consultation.drafting_body = data["drafting_body"]
    consultation.save()
    now = timezone.now()
    for number, item in enumerate(data["comments"], start=1):
        Comment.objects.update_or_create(
            submission_key=f"demo-{number}",
            defaults={"consultation": consultation, "eid": item["eid"],
                      "provision_label": services.provision_label(item["eid"]) if item["eid"] else "",
                      "text": item["text"], "name": item["name"], "organisation": item["organisation"],
                      "email": f"demo{number}@example.invalid", "status": Status.APPROVED,
                      "verified_at": now, "moderated_at": now, "response": item["response"],
                      "responded_at": now if item["response"] else None},
        )
    return f"{len(data['comments'])} góp ý dự thảo"
