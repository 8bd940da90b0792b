"""Demo content: one past policy dialogue with answers and a transcript, one upcoming taking questions."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from django.utils import timezone

from pbgdpl.legal.models import LegalDocument

from .dialogue_models import Dialogue, DialogueQuestion, QuestionStatus

DATA = Path(__file__).parent / "demo_data" / "dialogues.json"


def load_demo_dialogues(stdout) -> str:
    data = json.loads(DATA.read_text(encoding="utf-8"))["dialogues"]
    today_9am = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
    for item in data:
        starts = today_9am + datetime.timedelta(days=item["starts_in_days"])
        dialogue, _created = Dialogue.objects.update_or_create(slug=item["slug"], defaults={
            "title": item["title"], "summary": item["summary"], "officials": item["officials"],
            "starts_at": starts, "ends_at": starts + datetime.timedelta(hours=item["hours"]),
            "transcript": item["transcript"], "live": True})
        if item["documents_title_contains"]:
            dialogue.documents.set(LegalDocument.objects.filter(
                title__icontains=item["documents_title_contains"]).order_by("-id")[:2])
        for number, question in enumerate(item["questions"], start=1):
            DialogueQuestion.objects.update_or_create(
                submission_key=f"demo-{item['slug'][:40]}-{number}",
                defaults={"dialogue": dialogue, "name": question["name"], "organisation": question["organisation"],
                          "text": question["text"], "answer": question["answer"], "votes": question["votes"],
                          "answered_at": starts if question["answer"] else None, "status": QuestionStatus.APPROVED})
    return f"{len(data)} phiên đối thoại chính sách"
