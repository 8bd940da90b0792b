"""The items the portal shares (docs/exchange.md "Item"): published legal documents, public news
articles and published Q&As, each as a JSON object with a stable id and a content hash.

Only what the public pages show: a Q&A item carries the masked question and the answer, never the asker.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator

from pbgdpl.core.site_address import absolute_url
from pbgdpl.legal.selectors import public_documents
from pbgdpl.news.blocks import body_plain_text
from pbgdpl.news.models import ArticlePage
from pbgdpl.qa.models import Question


def _iso(value):
    return value.isoformat() if value else None


def _item(item_id: str, kind: str, url: str, title: str, data: dict) -> dict:
    item = {"id": item_id, "type": kind, "url": absolute_url(url), "title": title, "data": data}
    item["content_hash"] = hashlib.sha256(json.dumps(item, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    return item


def document_items() -> Iterator[dict]:
    documents = public_documents().select_related("doc_type", "issuer").prefetch_related("fields").order_by("pk")
    for d in documents.iterator(chunk_size=200):
        yield _item(f"document:{d.pk}", "legal_document", d.get_absolute_url(), d.title, {
            "number": d.number, "doc_type": d.doc_type.name, "issuer": d.issuer.name, "signer": d.signer,
            "issued_on": _iso(d.issued_on), "effective_from": _iso(d.effective_from),
            "effective_to": _iso(d.effective_to), "validity": d.validity, "scope": d.scope,
            "fields": sorted(f.name for f in d.fields.all()), "summary": d.summary, "text": d.full_text,
            "draft_for_comment": d.is_draft_for_comment,
        })


def news_items() -> Iterator[dict]:
    for page in ArticlePage.objects.live().public().order_by("pk").iterator(chunk_size=200):
        yield _item(f"news:{page.pk}", "news", page.url or "", page.title, {
            "date": _iso(page.date), "summary": page.summary, "text": body_plain_text(page.body),
            "source": page.source,
        })


def qa_items() -> Iterator[dict]:
    questions = (Question.objects.published().filter(answer__isnull=False).select_related("field", "answer")
                 .order_by("pk"))
    for q in questions.iterator(chunk_size=200):
        yield _item(f"qa:{q.pk}", "qa", q.get_absolute_url(), q.display_title, {
            "question": q.shown_text, "answer": q.answer.text, "field": q.field.name if q.field else None,
            "published_at": _iso(q.published_at),
        })


def all_items() -> Iterator[dict]:
    yield from document_items()
    yield from news_items()
    yield from qa_items()
