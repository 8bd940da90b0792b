"""What a subscription can be told about, computed from the registry and the search index.

Every event has a stable key (it survives an editor re-saving the relations, which recreates their
rows), so :mod:`.digests` can record what each subscription was sent and never send it twice. When a
subscription is confirmed, the events that already exist are recorded as seen: only what happens
afterwards is news.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from pbgdpl.legal.models import LegalDocument, Predicate, Relation
from pbgdpl.search.feeds import newest_results

from .models import Kind, Subscription

#: Relations that change the followed document's law: it is amended, replaced, repealed, suspended.
CHANGING = (Predicate.AMENDS, Predicate.REPLACES, Predicate.REPEALS, Predicate.SUSPENDS)
EXPIRING_DAYS = 30
NEW_DOCUMENTS_CHECKED = 50
SEARCH_RESULTS_CHECKED = 20


@dataclass(frozen=True)
class Event:
    key: str
    title: str
    url: str


def _day(value: datetime.date) -> str:
    return value.strftime("%d/%m/%Y")


def document_events(document: LegalDocument, today: datetime.date) -> list[Event]:
    """Amended/replaced/repealed/suspended by a published document; entered into force; expiring soon."""
    if not document.live:
        return []
    url = document.get_absolute_url()
    events = []
    relations = (Relation.objects.with_legal_effect().filter(object=document, predicate__in=CHANGING)
                 .select_related("subject").order_by("id"))
    for rel in relations:
        key = f"doc:{document.pk}:{rel.predicate}:{rel.subject_id}:{rel.subject_eid}:{rel.object_eid}"
        where = f" ({rel.object_eid})" if rel.object_eid else ""
        title = f"{document}{where}: {rel.reverse_verb.lower()} {rel.subject}"
        starts = rel.effective_date()
        if starts:
            title += f", từ ngày {_day(starts)}"
        events.append(Event(key, title, rel.subject.get_absolute_url()))
    if document.effective_from and document.effective_from <= today:
        events.append(Event(f"doc:{document.pk}:in_force:{document.effective_from}",
                            f"{document}: có hiệu lực từ ngày {_day(document.effective_from)}", url))
    ends = document.effective_to
    if ends and today <= ends <= today + datetime.timedelta(days=EXPIRING_DAYS):
        events.append(Event(f"doc:{document.pk}:expiring:{ends}", f"{document}: hết hiệu lực từ ngày {_day(ends)}", url))
    return events


def new_document_events(**filters) -> list[Event]:
    """The newest published enacted documents of a field or a type ("new:<pk>")."""
    documents = (LegalDocument.objects.published().enacted().filter(**filters).select_related("doc_type")
                 .order_by("-first_published_at", "-id")[:NEW_DOCUMENTS_CHECKED])
    return [Event(f"new:{doc.pk}", f"Văn bản mới: {doc}", doc.get_absolute_url()) for doc in documents]


def search_events(query: str) -> list[Event]:
    """The newest results of a saved search (documents, articles, answers)."""
    return [Event(f"search:{group.key}", group.title, group.url)
            for group in newest_results(query, limit=SEARCH_RESULTS_CHECKED)]


def events_for(subscription: Subscription, today: datetime.date) -> list[Event]:
    if subscription.kind == Kind.DOCUMENT:
        return document_events(subscription.document, today)
    if subscription.kind == Kind.FIELD:
        return new_document_events(fields=subscription.field)
    if subscription.kind == Kind.DOC_TYPE:
        return new_document_events(doc_type=subscription.doc_type)
    return search_events(subscription.query)
