"""One document: the page (/van-ban/<slug>/), its print view (?in=1) and its JSON (.json).

A long text is shown in pages (``parts.py``): ``?trang=N`` a page, ``?trang=N&noi-dung=1`` its
text alone (loaded by legal-pages.js), ``?toan-van=1`` everything on one page."""

from __future__ import annotations

import dataclasses
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

from pbgdpl.core.breadcrumbs import trail
from pbgdpl.core.pagecache import fragments

from .. import page_extensions, selectors
from ..document_data import document_data
from ..models import LegalDocument, Relation, Scope, Validity
from ..validity import document_label, eid_label, validity_on
from . import parts
from .listing import badge_class
from .params import read_date
from .rendering import RenderedText, annotate, render_unit, rendered_text

logger = logging.getLogger(__name__)


def _document_or_404(slug: str) -> LegalDocument:
    """The published document with what its page shows. Loading it is six queries and ~9 ms of
    ORM work for a code; it is kept with the cached page parts (purged with the page by any change
    to the document or a related one)."""
    document = fragments.cached_copy("legal-document", (slug,), lambda: selectors.get_public_document(slug))
    if document is None:
        raise Http404
    return document


def relation_rows(document: LegalDocument) -> list[dict]:
    """Relations both ways, grouped by what they mean for this document ("Bị thay thế bởi", …).

    Outgoing relations read with the verb, incoming ones with the reverse verb. An incoming
    relation from an unpublished document or a draft is not shown (it has no legal effect);
    an outgoing relation to an unpublished document is shown without a link.
    """
    groups: OrderedDict[str, list[dict]] = OrderedDict()

    def add(label: str, relation: Relation, other: LegalDocument, own_eid: str, other_eid: str) -> None:
        url = other.get_absolute_url() if other.live else ""
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
        if relation.has_legal_effect():
            add(relation.reverse_verb, relation, relation.subject, relation.object_eid, relation.subject_eid)
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
        if other.live:
            url = other.get_absolute_url() + (f"#{other_eid}" if other_eid else "")
            target = format_html('<a href="{}">{}</a>', url, label)
        since = format_html(" ({})", _("từ ngày %(date)s") % {"date": when.strftime("%d/%m/%Y")}) if when else ""
        notes.setdefault(eid, []).append(format_html("{} {}{}", verb, target, since))

    for relation in document.incoming_relations.all():
        if relation.object_eid and relation.has_legal_effect():
            note(relation.object_eid, relation.reverse_verb, relation.subject, relation.subject_eid,
                 relation.effective_date())
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


def _text_pages(request: HttpRequest, document: LegalDocument, text: RenderedText, errors: list[str]) -> dict:
    """Which page of a long text to show, and the placeholders of the others."""
    count = len(text.pages)
    number = parts.read_page_number(request.GET.get("trang", ""), count, errors)
    base = document.get_absolute_url()

    def url(n: int) -> str:
        return base if n == 1 else f"{base}?trang={n}"

    pages = [{"number": page.number, "first": page.first, "last": page.last, "url": url(page.number),
              "text_url": f"{base}?trang={page.number}&noi-dung=1", "shown": page.number == number}
             for page in text.pages]
    return {
        "text_pages": pages,
        "page_number": number,
        "page_count": count,
        "page_shown": pages[number - 1],
        "previous_page": pages[number - 2] if number > 1 else None,
        "next_page": pages[number] if number < count else None,
        "whole_text_url": f"{base}?toan-van=1",
    }


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
    printing = request.GET.get("in") == "1"
    unit_eid = request.GET.get("dieu", "").strip()[:80] if printing else ""
    text = None
    if version is not None and unit_eid:
        text = render_unit(version, unit_eid)
        if text is None:
            errors.append(_("Văn bản không có “%(value)s”; đang in toàn văn.") % {"value": unit_eid})
            unit_eid = ""
    if version is not None and text is None:
        text = rendered_text(version)
    is_current = is_current_version(document, version)
    whole = request.GET.get("toan-van") == "1"
    in_pages = bool(text is not None and text.pages and is_current and not printing and not whole)
    paging = _text_pages(request, document, text, errors) if in_pages else {}
    if in_pages and request.GET.get("noi-dung") == "1" and not errors:
        return _page_text(request, document, text.pages[paging["page_number"] - 1].body, today)
    extras = page_extensions.collect(request, document, today)
    if text is not None and is_current:
        notes = _all_notes(document, extras)
        if in_pages:  # only the page shown: the notes of the others come with their text
            shown = text.pages[paging["page_number"] - 1]
            paging["page_shown"]["body"] = annotate(shown.body, notes)
            text = dataclasses.replace(text, toc=parts.toc_for_page(text.toc, shown.number))
        else:
            text = dataclasses.replace(text, body=annotate(text.body, notes))
            if text.pages:
                text = dataclasses.replace(text, toc=parts.toc_whole(text.toc))
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
        "extra_panels": extras.panels,
        "share": share_links(absolute_url, str(document)),
        "scope_label": Scope(document.scope).label if document.scope in Scope.values else document.scope,
        "comment_state": document.comment_state(today),
        "json_url": reverse("legal:document_json", kwargs={"slug": document.slug}),
        "trail": trail((_("Văn bản pháp luật"), reverse("legal:index")), (document.number or document.title[:60], "")),
        "print_url": f"?phien-ban={version.pk}&in=1" if version is not None and not is_current else "?in=1",
        "unit_label": eid_label(unit_eid) if unit_eid else "",
        "unit_url": f"{absolute_url}#{unit_eid}" if unit_eid else "",
        "whole_text": whole and bool(text and text.pages),
        "canonical_url": (request.build_absolute_uri(paging["page_shown"]["url"]) if in_pages else absolute_url),
        **paging,
    }
    template = "legal/document_print.html" if printing else "legal/document_detail.html"
    return render(request, template, context)


def _all_notes(document: LegalDocument, extras) -> dict[str, list[str]]:
    """The relations' notes under provisions and those other apps add (page_extensions)."""
    notes = provision_notes(document)
    for eid, items in extras.provision_notes.items():
        notes.setdefault(eid, []).extend(items)
    return notes


def _page_text(request: HttpRequest, document: LegalDocument, body: str, today) -> HttpResponse:
    """One page of a long text alone, with the notes of its provisions, for legal-pages.js."""
    notes = _all_notes(document, page_extensions.collect(request, document, today))
    response = HttpResponse(annotate(body, notes), content_type="text/html; charset=utf-8")
    response["X-Robots-Tag"] = "noindex"  # a part of a page: search engines index the pages themselves
    return response


@require_GET
def document_json(request: HttpRequest, slug: str) -> JsonResponse:
    """/van-ban/<slug>.json — validity on today or ``?ngay=``; an unreadable date is a 400 with a message."""
    document = _document_or_404(slug)
    errors: list[str] = []
    on, _given, _raw = read_date(request.GET, errors)
    if errors:
        return JsonResponse({"error": errors[0]}, status=400, json_dumps_params={"ensure_ascii": False})
    data = document_data(document, on, absolute_url=request.build_absolute_uri)
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response

