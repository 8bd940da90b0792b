"""One table of relations between documents or their provisions (Peachjam's relationships)."""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey

from .choices import PREDICATE_VERBS, Predicate
from .documents import LegalDocument


class RelationQuerySet(models.QuerySet):
    """Relations in the registry's words."""

    def with_legal_effect(self, on: datetime.date | None = None):
        """Relations that change the law: made by a published document that is not a draft for
        comment; with ``on``, only those that have taken effect by that date (their own
        ``effective_on``, else the subject's effective or issue date, annotated as ``starts``).

        The one rule for "does this relation bite on D", in SQL; :meth:`Relation.has_legal_effect`
        is its Python twin for relations already loaded.
        """
        queryset = self.filter(subject__live=True, subject__is_draft_for_comment=False)
        if on is None:
            return queryset
        return queryset.annotate(
            starts=Coalesce("effective_on", "subject__effective_from", "subject__issued_on")
        ).filter(starts__lte=on)


class Relation(models.Model):
    """"<subject> <verb> <object>", e.g. 45/2019/QH14 thay thế 10/2012/QH13 from 01/01/2021.

    Either side may point at one provision by its ``eid``. ``effective_on`` blank means the
    relation takes effect with the subject document. ``ends_on`` is for temporary suspensions.
    Relations belong to the subject's revisions, so they go through the same approval.
    """

    subject = ParentalKey(
        LegalDocument, verbose_name=_("văn bản"), on_delete=models.CASCADE, related_name="outgoing_relations"
    )
    subject_eid = models.CharField(_("điều khoản của văn bản này"), max_length=200, blank=True)
    predicate = models.CharField(_("quan hệ"), max_length=20, choices=Predicate.choices)
    object = models.ForeignKey(
        LegalDocument, verbose_name=_("văn bản liên quan"), on_delete=models.CASCADE,
        related_name="incoming_relations",
    )
    object_eid = models.CharField(_("điều khoản của văn bản liên quan"), max_length=200, blank=True)
    effective_on = models.DateField(_("có hiệu lực từ"), null=True, blank=True)
    ends_on = models.DateField(
        _("đến ngày"), null=True, blank=True, help_text=_("Chỉ dùng cho tạm ngưng hiệu lực có thời hạn.")
    )
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    objects = RelationQuerySet.as_manager()

    panels = ["predicate", "object", "subject_eid", "object_eid", "effective_on", "ends_on", "note"]

    class Meta:
        verbose_name = _("quan hệ giữa văn bản")
        verbose_name_plural = _("quan hệ giữa văn bản")
        ordering = ["subject", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(subject=F("object")) | ~Q(subject_eid=F("object_eid")),
                name="legal_relation_not_to_itself",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} {self.verb.lower()} {self.object}"

    @property
    def verb(self) -> str:
        return str(PREDICATE_VERBS[self.predicate].verb)

    @property
    def reverse_verb(self) -> str:
        return str(PREDICATE_VERBS[self.predicate].reverse_verb)

    def effective_date(self) -> datetime.date | None:
        """When the relation bites: its own date, else the subject's effective or issue date."""
        return self.effective_on or self.subject.effective_from or self.subject.issued_on

    def has_legal_effect(self, on: datetime.date | None = None) -> bool:
        """:meth:`RelationQuerySet.with_legal_effect` for one loaded relation (uses its subject)."""
        if not self.subject.live or self.subject.is_draft_for_comment:
            return False
        if on is None:
            return True
        start = self.effective_date()
        return start is not None and start <= on
