"""Demo loader: published Q&As with citations to the demo laws, a few open questions, answer templates.

The content is data that editors can read and change, in ``qa/demo_data/``:

- ``questions.json``: published Q&As — field of law, a fictional asker (name, phone, e-mail: the
  privacy tests prove they never reach a public response), public title, question, answer and the
  cited articles (``{"document": "91/2015/QH13", "article": 468}``; the articles are real and match
  the demo laws' text);
- ``open_questions.json``: questions still in the staff queue (status, days since received);
- ``answer_templates.json``: reusable answer paragraphs.

Runs after the legal demo (``order=40``) so the cited articles exist. Idempotent: the
questions carry fixed tracking codes (HD-DEMO-…), a second run only fills what is missing.
"""

from __future__ import annotations

import datetime
from typing import TextIO

from django.db import transaction
from django.utils import timezone


def _provision_eid(document, article: int) -> str:
    from pbgdpl.legal.models import Provision, ProvisionKind

    if not document.current_version_id:
        return ""
    return (
        Provision.objects.filter(version_id=document.current_version_id, kind=ProvisionKind.ARTICLE, number=str(article))
        .values_list("eid", flat=True)
        .first()
        or ""
    )


def load_demo_questions(stdout: TextIO | None = None, *, now: datetime.datetime | None = None) -> str:
    from pbgdpl.core.demo import read_demo_data
    from pbgdpl.legal.models import Field, LegalDocument
    from pbgdpl.search.services import mark_changed

    from .models import Answer, AnswerTemplate, Citation, Question, QuestionEvent, Status
    from .services import SOURCE, question_slug

    demo_questions = read_demo_data("qa", "questions.json")
    open_questions = read_demo_data("qa", "open_questions.json")
    templates = read_demo_data("qa", "answer_templates.json")
    now = now or timezone.now()
    fields = {f.name: f for f in Field.objects.all()}
    documents = {d.number: d for d in LegalDocument.objects.published().exclude(number="")}
    created = missing_citations = 0
    with transaction.atomic():
        for i, item in enumerate(demo_questions, start=1):
            code = f"HD-DEMO-{i:03d}"
            if Question.objects.filter(tracking_code=code).exists():
                continue
            received = now - datetime.timedelta(days=20 + 9 * (len(demo_questions) - i), hours=i % 7)
            answered = received + datetime.timedelta(days=2 + (i * 5) % 11)
            question = Question(
                tracking_code=code, title=item["title"], slug=question_slug(item["title"]), text=item["question"],
                field=fields.get(item["field"]), name=item["name"], phone=item["phone"], email=item["email"],
                consent=True, consent_version="demo", consent_at=received, publish_anonymously=True,
                status=Status.PUBLISHED, received_at=received, answered_at=answered,
                published_at=answered + datetime.timedelta(days=1),
            )
            question.set_token()
            question.save()
            answer = Answer.objects.create(question=question, text=item["answer"])
            for order, citation in enumerate(item["citations"]):
                document, article = documents.get(citation["document"]), citation["article"]
                if document is None:
                    missing_citations += 1
                    continue
                Citation.objects.create(
                    answer=answer, document=document, eid=_provision_eid(document, article),
                    label=f"Điều {article}", order=order,
                )
            QuestionEvent.objects.create(
                question=question, from_status=Status.APPROVED, to_status=Status.PUBLISHED,
                actor_label="Dữ liệu mẫu", created_at=question.published_at,
            )
            mark_changed(SOURCE, question.pk)
            created += 1
        for i, item in enumerate(open_questions, start=1):
            code = f"HD-DEMO-Q{i:02d}"
            if Question.objects.filter(tracking_code=code).exists():
                continue
            received = now - datetime.timedelta(days=item["days_ago"])
            question = Question(
                tracking_code=code, text=item["question"], field=fields.get(item["field"] or ""),
                name=item["name"], phone=item["phone"], email=item["email"], consent=True,
                consent_version="demo", consent_at=received, status=item["status"], received_at=received,
            )
            question.set_token()
            question.save()
            QuestionEvent.objects.create(question=question, to_status=item["status"], actor_label="Dữ liệu mẫu",
                                         created_at=received)
        for item in templates:
            AnswerTemplate.objects.get_or_create(title=item["title"], defaults={"text": item["text"]})
    note = f", {missing_citations} trích dẫn thiếu văn bản" if missing_citations else ""
    return f"{created} hỏi đáp mẫu mới{note}"
