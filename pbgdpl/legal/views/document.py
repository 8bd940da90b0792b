"""One document: the page (/van-ban/<slug>/), its print view (?in=1) and its JSON (.json)."""

from __future__ import annotations

import datetime
import logging
from collections import OrderedDict
from urllib.parse import quote

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .. import selectors
from ..models import LegalDocument, Relation, Scope, Validity
from ..validity import document_label, eid_label, validity_on
from .listing import badge_class, trail
from .params import read_date
from .rendering import annotate, build_tree, rendered_text

logger = logging.getLogger(__name__)


def _document_or_404(slug: str) -> LegalDocument:
    document = selectors.get_public_document(slug)
    if document is None:
        raise Http404
    return document


def _visible(other: LegalDocument) -> bool:
    """A related document is linked only when the public may open it."""
    return bool(other.live)


def relation_rows(document: LegalDocument) -> list[dict]:
    """Relations both ways, grouped by what they mean for this document ("Bị thay thế bởi", …).

    Outgoing relations read with the verb, incoming ones with the reverse verb. An incoming
    relation from an unpublished document or a draft is not shown (it has no legal effect);
    an outgoing relation to an unpublished document is shown without a link.
    """
    groups: OrderedDict[str, list[dict]] = OrderedDict()

    def add(label: str, relation: Relation, other: LegalDocument, own_eid: str, other_eid: str) -> None:
        url = other.get_absolute_url() if _visible(other) else ""
        if url and other_eid:
            url = f"{url}#{other_eid}"
        groups.setdefault(label, []).append(
            {
                "label": document_label(other),
                "title": other.title,
                "url": url,
                "own_eid": own_eid,
                "own_label": eid_label(own_eid) if own_eid else "",
                "other_label": eid_label(other_eid) if other_eid else "",
                "effective_on": relation.effective_on,
                "ends_on": relation.ends_on,
                "note": relation.note,
            }
        )

    for relation in document.outgoing_relations.all():
        add(relation.verb, relation, relation.object, relation.subject_eid, relation.object_eid)
    for relation in document.incoming_relations.all():
        subject = relation.subject
        if not subject.live or subject.is_draft_for_comment:
            continue
        add(relation.reverse_verb, relation, subject, relation.object_eid, relation.subject_eid)
    return [{"verb": verb, "items": items} for verb, items in groups.items()]


def provision_notes(document: LegalDocument) -> dict[str, list[str]]:
    """Notes to show under this document's provisions named by a relation ("Khoản này bị sửa
    đổi, bổ sung bởi …"), as escaped HTML keyed by eid."""
    notes: dict[str, list[str]] = {}

    def note(eid: str, verb: str, other: LegalDocument, other_eid: str, when) -> None:
        label = document_label(other)
        if other_eid:
            label = f"{eid_label(other_eid)} {label}"
        target = format_html("{}", label)
        if _visible(other):
            url = other.get_absolute_url() + (f"#{other_eid}" if other_eid else "")
            target = format_html('<a href="{}">{}</a>', url, label)
        since = format_html(" ({})", _("từ ngày %(date)s") % {"date": when.strftime("%d/%m/%Y")}) if when else ""
        notes.setdefault(eid, []).append(format_html("{} {}{}", verb, target, since))

    for relation in document.incoming_relations.all():
        subject = relation.subject
        if relation.object_eid and subject.live and not subject.is_draft_for_comment:
            note(relation.object_eid, relation.reverse_verb, subject, relation.subject_eid, relation.effective_date())
    for relation in document.outgoing_relations.all():
        if relation.subject_eid:
            note(relation.subject_eid, relation.verb, relation.object, relation.object_eid, relation.effective_on)
    return notes


def _version(document: LegalDocument, request: HttpRequest, errors: list[str]):
    """The version to show: the current one, or an earlier one asked for with ``?phien-ban=<id>``."""
    versions = document.version_list
    current = next((v for v in versions if v.pk == document.current_version_id), versions[0] if versions else None)
    raw = request.GET.get("phien-ban", "").strip()
    if not raw:
        return current
    chosen = next((v for v in versions if str(v.pk) == raw), None)
    if chosen is None:
        errors.append(_("Không có phiên bản “%(value)s” của văn bản này; đang hiển thị phiên bản hiện hành.") % {"value": raw[:20]})
        return current
    return chosen


def is_current_version(document: LegalDocument, version) -> bool:
    return version is not None and version.pk == document.current_version_id


def share_links(url: str, title: str) -> dict:
    """Share URLs that need no third-party script (the visitor's browser opens them)."""
    encoded = quote(url, safe="")
    return {
        "url": url,
        "facebook": f"https://www.facebook.com/sharer/sharer.php?u={encoded}",
        "zalo": f"https://sp.zalo.me/plugins/share?url={encoded}",
        "email": f"mailto:?subject={quote(title[:200])}&body={encoded}",
    }


def comment_state(document: LegalDocument, on: datetime.date) -> str:
    """"open", "upcoming" or "closed" for a draft put out for comment; "" otherwise."""
    if not document.is_draft_for_comment:
        return ""
    if document.comment_opens and on < document.comment_opens:
        return "upcoming"
    if document.comment_closes and on > document.comment_closes:
        return "closed"
    return "open"


@require_GET
def document_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """The document page; ``?format=json`` gives the JSON, ``?in=1`` the print view."""
    if request.GET.get("format") == "json":
        return document_json(request, slug)
    document = _document_or_404(slug)
    errors: list[str] = []
    today = timezone.localdate()
    on, date_given, raw_date = read_date(request.GET, errors)
    result = validity_on(document, on)
    version = _version(document, request, errors)
    text = rendered_text(version) if version is not None else None
    if text is not None and is_current_version(document, version):
        text.body = annotate(text.body, provision_notes(document))
    is_current = is_current_version(document, version)
    absolute_url = request.build_absolute_uri(document.get_absolute_url())
    context = {
        "document": document,
        "validity": result,
        "validity_label": Validity(result.status).label,
        "badge": badge_class(result.status),
        "related_links": [
            {"label": document_label(other), "url": other.get_absolute_url()} for other in result.related if other.live
        ],
        "today": today,
        "on": on,
        "date_given": date_given,
        "raw_date": raw_date,
        "fields": list(document.fields.all()),
        "attachments": list(document.attachments.all()),
        "relations": relation_rows(document),
        "versions": document.version_list,
        "version": version,
        "is_current_version": is_current,
        "text": text,
        "errors": errors,
        "share": share_links(absolute_url, str(document)),
        "scope_label": Scope(document.scope).label if document.scope in Scope.values else document.scope,
        "comment_state": comment_state(document, today),
        "json_url": reverse("legal:document_json", kwargs={"slug": document.slug}),
        "trail": trail((_("Văn bản pháp luật"), reverse("legal:index")), (document.number or document.title[:60], "")),
        "print_url": f"?phien-ban={version.pk}&in=1" if version is not None and not is_current else "?in=1",
    }
    template = "legal/document_print.html" if request.GET.get("in") == "1" else "legal/document_detail.html"
    return render(request, template, context)


def _node_json(node) -> dict:
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


def _date(value) -> str | None:
    return value.isoformat() if value else None


def document_data(document: LegalDocument, request: HttpRequest, on: datetime.date) -> dict:
    """The JSON representation: metadata, validity on ``on``, relations, versions, provisions."""
    result = validity_on(document, on)
    absolute = request.build_absolute_uri

    def ref(other: LegalDocument) -> dict:
        data = {"number": other.number, "title": other.title, "type": other.doc_type.name}
        if _visible(other):
            data["url"] = absolute(other.get_absolute_url())
            data["json"] = absolute(reverse("legal:document_json", kwargs={"slug": other.slug}))
        return data

    relations = []
    for relation in document.outgoing_relations.all():
        relations.append(
            {
                "direction": "outgoing",
                "predicate": relation.predicate,
                "verb": relation.verb,
                "document": ref(relation.object),
                "eid": relation.subject_eid,
                "other_eid": relation.object_eid,
                "effective_on": _date(relation.effective_on),
                "ends_on": _date(relation.ends_on),
            }
        )
    for relation in document.incoming_relations.all():
        if not relation.subject.live or relation.subject.is_draft_for_comment:
            continue
        relations.append(
            {
                "direction": "incoming",
                "predicate": relation.predicate,
                "verb": relation.reverse_verb,
                "document": ref(relation.subject),
                "eid": relation.object_eid,
                "other_eid": relation.subject_eid,
                "effective_on": _date(relation.effective_on),
                "ends_on": _date(relation.ends_on),
            }
        )
    provisions = []
    if document.current_version_id:
        provisions = [_node_json(node) for node in build_tree(selectors.version_provisions(document.current_version_id))]
    return {
        "slug": document.slug,
        "url": absolute(document.get_absolute_url()),
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
            {"title": str(a), "url": absolute(a.file.url), "size": a.file.get_file_size()}
            for a in document.attachments.all()
        ],
        "updated_at": document.updated_at.isoformat(),
        "provisions": provisions,
    }


@require_GET
def document_json(request: HttpRequest, slug: str) -> JsonResponse:
    """/van-ban/<slug>.json — validity on today or ``?ngay=``; an unreadable date is a 400 with a message."""
    document = _document_or_404(slug)
    errors: list[str] = []
    on, _given, _raw = read_date(request.GET, errors)
    if errors:
        return JsonResponse({"error": errors[0]}, status=400, json_dumps_params={"ensure_ascii": False})
    response = JsonResponse(document_data(document, request, on), json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response

