"""The public JSON of one document (``/van-ban/<slug>.json``): metadata, validity on a date,
relations with legal effect, versions, attachments and the provision tree.

Read-only and free of HTTP: the view passes ``absolute_url`` (``request.build_absolute_uri``).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.urls import reverse

from . import selectors
from .models import LegalDocument, Relation
from .validity import validity_on


def _date(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def _node_json(node: selectors.ProvisionNode) -> dict:
    row = node.row
    return {
        "eid": row.eid,
        "kind": row.kind,
        "number": row.number,
        "title": row.title,
        "heading": row.source_heading,
        "text": row.text,
        "children": [_node_json(child) for child in node.children],
    }


def _relation_json(relation: Relation, *, incoming: bool, ref: Callable[[LegalDocument], dict]) -> dict:
    """One relation as this document sees it: the reverse verb for relations aimed at it."""
    return {
        "direction": "incoming" if incoming else "outgoing",
        "predicate": relation.predicate,
        "verb": relation.reverse_verb if incoming else relation.verb,
        "document": ref(relation.subject if incoming else relation.object),
        "eid": relation.object_eid if incoming else relation.subject_eid,
        "other_eid": relation.subject_eid if incoming else relation.object_eid,
        "effective_on": _date(relation.effective_on),
        "ends_on": _date(relation.ends_on),
    }


def document_data(document: LegalDocument, on: datetime.date, *, absolute_url: Callable[[str], str]) -> dict:
    """The JSON representation of a document loaded by ``selectors.get_public_document``."""
    result = validity_on(document, on)

    def ref(other: LegalDocument) -> dict:
        data = {"number": other.number, "title": other.title, "type": other.doc_type.name}
        if other.live:  # linked only when the public may open it
            data["url"] = absolute_url(other.get_absolute_url())
            data["json"] = absolute_url(reverse("legal:document_json", kwargs={"slug": other.slug}))
        return data

    relations = [_relation_json(r, incoming=False, ref=ref) for r in document.outgoing_relations.all()]
    relations += [
        _relation_json(r, incoming=True, ref=ref) for r in document.incoming_relations.all() if r.has_legal_effect()
    ]
    provisions = []
    if document.current_version_id:
        provisions = [_node_json(node) for node in selectors.build_tree(selectors.version_provisions(document.current_version_id))]
    return {
        "slug": document.slug,
        "url": absolute_url(document.get_absolute_url()),
        "number": document.number,
        "title": document.title,
        "summary": document.summary,
        "type": {"slug": document.doc_type.slug, "name": document.doc_type.name},
        "issuer": {"slug": document.issuer.slug, "name": document.issuer.name},
        "fields": [{"slug": f.slug, "name": f.name} for f in document.fields.all()],
        "signer": document.signer,
        "signer_title": document.signer_title,
        "issued_on": _date(document.issued_on),
        "effective_from": _date(document.effective_from),
        "effective_to": _date(document.effective_to),
        "gazette": {"number": document.gazette_number, "date": _date(document.gazette_date)},
        "scope": document.scope,
        "language": document.language,
        "validity": {
            "on": on.isoformat(),
            "status": result.status.value,
            "label": str(result.status.label),
            "reason": result.reason,
            "related": [ref(other) for other in result.related],
        },
        "draft_for_comment": (
            {"opens": _date(document.comment_opens), "closes": _date(document.comment_closes)}
            if document.is_draft_for_comment
            else None
        ),
        "relations": relations,
        "versions": [
            {"id": v.pk, "date": _date(v.version_date), "current": v.pk == document.current_version_id}
            for v in document.version_list
        ],
        "attachments": [
            {"title": str(a), "url": absolute_url(a.file.url), "size": a.file.get_file_size()}
            for a in document.attachments.all()
        ],
        "updated_at": document.updated_at.isoformat(),
        "provisions": provisions,
    }
