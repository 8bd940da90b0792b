"""Reading comments: the summary per provision (staff and public report)."""

from __future__ import annotations

from dataclasses import dataclass, field

from pbgdpl.legal.models import LegalDocument

from . import services
from .models import Comment, Consultation


@dataclass
class ProvisionGroup:
    eid: str
    label: str
    comments: list[Comment] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.comments)

    @property
    def answered(self) -> int:
        return sum(1 for c in self.comments if c.response)


def open_draft(slug: str) -> LegalDocument | None:
    """A published draft for comment, by slug (whatever its period: the view says if it is closed)."""
    return (LegalDocument.objects.published().filter(is_draft_for_comment=True, slug=slug)
            .select_related("issuer", "doc_type").defer("full_text").first())


def summary(consultation: Consultation, comments) -> list[ProvisionGroup]:
    """Comments grouped by provision in the draft's order; general comments first, unknown eids
    (a provision removed from a later text) last under their own label."""
    document = consultation.document
    groups = {"": ProvisionGroup("", "Góp ý chung")}
    for provision in services.provisions(document):
        groups[provision.eid] = ProvisionGroup(provision.eid, services.provision_label(provision.eid))
    for comment in comments:
        group = groups.get(comment.eid)
        if group is None:
            group = groups[comment.eid] = ProvisionGroup(comment.eid, comment.provision_label or comment.eid)
        group.comments.append(comment)
    return [group for group in groups.values() if group.comments]


def staff_summary(consultation: Consultation) -> list[ProvisionGroup]:
    return summary(consultation, consultation.comments.counted().order_by("created_at", "id"))


def public_summary(consultation: Consultation) -> list[ProvisionGroup]:
    return summary(consultation, consultation.comments.public().order_by("created_at", "id"))
