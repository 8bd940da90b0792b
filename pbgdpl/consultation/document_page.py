"""The consultation's part of a document page (registered with legal.page_extensions).

On a draft open for comment: a "Góp ý" link beside each article, clause and point, and a panel
to comment on the whole draft. On a draft with published comments: a link to the report. On an
issued document consulted as a draft: links to that draft and its report.
"""

from __future__ import annotations

import datetime

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html

from pbgdpl.legal.page_extensions import DocumentExtras

from . import services
from .models import Consultation


def document_extras(request, document, on: datetime.date) -> DocumentExtras | None:
    if request.GET.get("in") == "1":
        return None  # the print view carries no forms or links to them
    if document.is_draft_for_comment:
        return _draft_extras(document, on)
    if document.pk not in final_document_ids():
        return None  # the usual case, answered from the cache: no query on every document page
    drafts = list(Consultation.objects.filter(final_document=document, document__live=True)
                  .select_related("document"))
    if not drafts:
        return None
    return DocumentExtras(panels=[render_to_string("consultation/_final_panel.html", {"drafts": drafts})])


FINAL_IDS_KEY = "consultation:final-document-ids"


def final_document_ids() -> frozenset[int]:
    """Ids of issued documents that name a consulted draft (kept in the shared cache)."""
    return cache.get_or_set(FINAL_IDS_KEY, lambda: frozenset(
        Consultation.objects.exclude(final_document=None).values_list("final_document_id", flat=True)), 3600)


@receiver([post_save, post_delete], sender=Consultation, dispatch_uid="consultation_final_ids")
def _forget_final_ids(sender, **kwargs) -> None:
    cache.delete(FINAL_IDS_KEY)


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
