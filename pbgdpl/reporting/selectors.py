"""Who may see, enter and review which unit's returns, and the read queries the screens need.

The rule, in one place: a user enters the returns of the unit they belong to
(:class:`UnitMembership`) and reviews those of the units *below* it — the parent level approves,
as in DHIS2. Permissions say what kind of work a role does; this module says on which units.
A superuser sees and reviews everything.
"""

from __future__ import annotations

import datetime

from django.db.models import QuerySet
from django.utils import timezone

from .models import ReportingPeriod, Return, ReturnStatus, Unit


def unit_of(user) -> Unit | None:
    if not user.is_authenticated:
        return None
    membership = getattr(user, "reporting_membership", None)
    return membership.unit if membership is not None else None


def can_enter(user, unit: Unit) -> bool:
    if not user.has_perm("reporting.change_return"):
        return False
    mine = unit_of(user)
    return user.is_superuser or (mine is not None and mine.pk == unit.pk)


def can_review(user, unit: Unit) -> bool:
    if not user.has_perm("reporting.review_return"):
        return False
    if user.is_superuser:
        return True
    mine = unit_of(user)
    return mine is not None and mine.is_ancestor_of(unit)


def can_view(user, unit: Unit) -> bool:
    return can_enter(user, unit) or can_review(user, unit)


def can_use_reporting(user) -> bool:
    return user.is_superuser or (user.has_perm("reporting.view_return") and unit_of(user) is not None)


def reviewable_units(user) -> QuerySet[Unit]:
    if user.is_superuser:
        return Unit.objects.all()
    mine = unit_of(user)
    if mine is None or not user.has_perm("reporting.review_return"):
        return Unit.objects.none()
    return mine.subtree().exclude(pk=mine.pk)


def top_unit_for(user) -> Unit | None:
    """The unit whose totals the user sees on the dashboard: their own (the root for a superuser)."""
    return unit_of(user) or (Unit.objects.filter(parent__isnull=True).order_by("pk").first()
                             if user.is_superuser else None)


def expected_units(period: ReportingPeriod, within: Unit | None = None) -> QuerySet[Unit]:
    """Active units that must file this period's form (optionally only under ``within``)."""
    units = Unit.objects.filter(is_active=True, kind__in=period.form.unit_kinds or [])
    if within is not None:
        units = units.filter(path__startswith=within.path)
    return units


def late_units(period: ReportingPeriod, within: Unit | None = None, today: datetime.date | None = None) -> list[Unit]:
    """Units past the deadline that have not submitted (a returned return counts as not submitted)."""
    today = today or timezone.localdate()
    if today <= period.deadline:
        return []
    filed = Return.objects.filter(period=period, status__in=[ReturnStatus.SUBMITTED, ReturnStatus.ACCEPTED])
    return list(expected_units(period, within).exclude(pk__in=filed.values("unit_id")).order_by("path"))


def returns_for_review(user, period: ReportingPeriod) -> list[tuple[Unit, Return | None]]:
    """Every unit below the user's that files this period's form, with its return if any."""
    units = expected_units(period).filter(pk__in=reviewable_units(user).values("pk")).order_by("path")
    by_unit = {r.unit_id: r for r in Return.objects.filter(period=period, unit__in=units)}
    return [(unit, by_unit.get(unit.pk)) for unit in units]


def periods_for(unit: Unit) -> list[ReportingPeriod]:
    """Periods of the forms this unit's kind files, newest first (few rows: filtered here, as
    SQLite cannot look inside a JSON list)."""
    periods = ReportingPeriod.objects.select_related("form").order_by("-end", "form__code")
    return [p for p in periods if unit.kind in (p.form.unit_kinds or [])]


def all_periods() -> QuerySet[ReportingPeriod]:
    return ReportingPeriod.objects.select_related("form").order_by("-end", "form__code")
