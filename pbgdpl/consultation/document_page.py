"""The consultation's part of a document page (registered with legal.page_extensions).

On a draft open for comment: a "Góp ý" link beside each article, clause and point, and a panel
to comment on the whole draft. On a draft with published comments: a link to the report. On an
issued document consulted as a draft: links to that draft and its report.
"""

from __future__ import annotations

import datetime

from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html

from pbgdpl.legal.page_extensions import DocumentExtras

from . import services
from .models import Consultation

HAS_CONSULTED_DRAFT = "consultation_has_draft"


def has_consulted_draft():
    """Annotation on the document page's query: does a published consulted draft name this document
    as the one finally issued? Computed with the document row, so ordinary pages ask no more."""
    return Exists(Consultation.objects.filter(final_document=OuterRef("pk"), document__live=True))


def document_extras(request, document, on: datetime.date) -> DocumentExtras | None:
    if request.GET.get("in") == "1":
        return None  # the print view carries no forms or links to them
    if document.is_draft_for_comment:
        return _draft_extras(document, on)
    if not getattr(document, HAS_CONSULTED_DRAFT, True):
        return None  # the usual case: known from the document's own query
    drafts = list(Consultation.objects.filter(final_document=document, document__live=True)
                  .select_related("document"))
    if not drafts:
        return None
    return DocumentExtras(panels=[render_to_string("consultation/_final_panel.html", {"drafts": drafts})])


def _draft_extras(document, on: datetime.date) -> DocumentExtras:
    state = document.comment_state(on)
    report_url = reverse("consultation:report", kwargs={"slug": document.slug})
    form_url = reverse("consultation:comment", kwargs={"slug": document.slug})
    extras = DocumentExtras(panels=[render_to_string("consultation/_draft_panel.html", {
        "state": state, "form_url": form_url, "report_url": report_url})])
    if state == "open":
        for provision in services.provisions(document):
            label = services.provision_label(provision.eid)
            extras.provision_notes[provision.eid] = [format_html(
                '<a class="cs-link" href="{}?eid={}" rel="nofollow" aria-label="{}">Góp ý</a>',
                form_url, provision.eid, f"Góp ý {label}")]
    return extras
