"""Validity at a date as one SQL expression: the twin of ``pbgdpl.legal.validity.validity_on``
(tests keep them in agreement). ``LegalDocument.objects.with_validity_at(on)`` annotates it."""

from __future__ import annotations

import datetime

from django.db.models import Case, CharField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce

from .choices import Predicate, Validity
from .relations import Relation


def validity_at(on: datetime.date) -> Case:
    """An expression giving each document's ``Validity`` value on ``on``, rule for rule as
    ``validity.validity_on`` does in Python (override, draft, dates, whole ending, expiry,
    suspension, partial ending).

    The relations' part is ONE correlated subquery: each relation that bites gets the status
    it would cause and a priority (ending as a whole, then the latest suspension in force, then
    a partial change); the first row wins. Fewer subqueries keep both the SQL and Python's
    query compilation cheap, which matters because every facet count repeats this expression.
    """
    whole = Q(object_eid="")
    ends = whole & Q(predicate__in=[Predicate.REPLACES, Predicate.REPEALS])
    suspends = whole & Q(predicate=Predicate.SUSPENDS) & (Q(ends_on__isnull=True) | Q(ends_on__gt=on))
    partial = Q(predicate__in=[Predicate.AMENDS, Predicate.REPLACES, Predicate.REPEALS])
    by_relations = Subquery(
        Relation.objects.with_legal_effect(on)
        .filter(object=OuterRef("pk"))
        .annotate(
            priority=Case(When(ends, then=Value(1)), When(suspends, then=Value(2)), When(partial, then=Value(3)), default=Value(9)),
            status=Case(
                When(ends, then=Value(Validity.EXPIRED.value)),
                When(suspends & Q(ends_on__isnull=True), then=Value(Validity.SUSPENDED.value)),
                When(suspends, then=Value(Validity.TEMPORARILY_SUSPENDED.value)),
                When(partial, then=Value(Validity.PARTLY_EXPIRED.value)),
                default=Value(""),
                output_field=CharField(),
            ),
        )
        .filter(priority__lt=9)
        .order_by("priority", "-starts", "-pk")
        .values("status")[:1],
        output_field=CharField(),
    )
    return Case(
        When(
            ~Q(validity_override="") & (Q(validity_override_from__isnull=True) | Q(validity_override_from__lte=on)),
            then="validity_override",
        ),
        When(is_draft_for_comment=True, then=Value(Validity.NOT_YET.value)),
        When(effective_from__isnull=True, issued_on__isnull=True, then=Value(Validity.IN_FORCE.value)),
        When(Q(effective_from__gt=on) | Q(effective_from__isnull=True, issued_on__gt=on), then=Value(Validity.NOT_YET.value)),
        When(effective_to__lte=on, then=Value(Validity.EXPIRED.value)),
        default=Coalesce(by_relations, Value(Validity.IN_FORCE.value)),
        output_field=CharField(),
    )
