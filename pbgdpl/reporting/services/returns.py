"""Writes to returns: save figures, submit, accept, return with a comment — each one transaction,
each recorded as a :class:`ReturnEvent` (who, when, what changed)."""

from __future__ import annotations

import logging
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from ..models import ReportingPeriod, Return, ReturnEvent, ReturnStatus, ReturnValue, Unit
from ..validation import Checked, check_figures

log = logging.getLogger(__name__)


class WorkflowError(Exception):
    """An action the return's status does not allow; the message is shown to the user as is."""


def return_for(unit: Unit, period: ReportingPeriod) -> Return:
    """The unit's return for the period, created if missing: only for the unit's own writes."""
    ret, _created = Return.objects.get_or_create(unit=unit, period=period)
    return ret


def existing_or_blank(unit: Unit, period: ReportingPeriod) -> Return:
    """The stored return, or an unsaved blank draft to show: reading (a reviewer opening a unit's
    return, a template download) must never create rows."""
    ret = Return.objects.filter(unit=unit, period=period).first()
    return ret if ret is not None else Return(unit=unit, period=period)


def stored_figures(ret: Return) -> dict[str, Decimal]:
    if ret.pk is None:
        return {}
    return {code: value for code, value in ret.values.values_list("indicator__code", "value")}


def _write_values(ret: Return, checked: Checked) -> dict[str, list[str | None]]:
    """Store the checked values; returns {code: [old, new]} for what changed."""
    indicators = {i.code: i for i in ret.period.form.ordered_indicators()}
    existing = {v.indicator.code: v for v in ret.values.select_related("indicator")}
    changes: dict[str, list[str | None]] = {}
    for code, value in checked.values.items():
        old = existing.get(code)
        old_value = old.value if old else None
        if old_value == value:
            continue
        changes[code] = [None if old_value is None else str(old_value), None if value is None else str(value)]
        if value is None:
            old.delete()
        elif old is None:
            ReturnValue.objects.create(return_obj=ret, indicator=indicators[code], value=value)
        else:
            old.value = value
            old.save(update_fields=["value"])
    return changes


def _locked(ret: Return) -> Return:
    return Return.objects.select_for_update().select_related("period__form", "unit").get(pk=ret.pk)


def save_figures(ret: Return, user, raw: dict[str, object], *, action: str = ReturnEvent.Action.SAVED) -> Checked:
    """Save a draft. Any error: nothing is saved and the errors come back by indicator code."""
    with transaction.atomic():
        ret = _locked(ret)
        if not ret.is_editable:
            raise WorkflowError("Báo cáo đã nộp, không sửa được nữa. Chờ cấp trên duyệt hoặc trả lại.")
        checked = check_figures(ret.period.form.ordered_indicators(), raw, complete=False)
        if not checked.ok:
            log.info("Return %s: figures refused for user %s (%d errors)", ret.pk, user.pk, len(checked.errors))
            return checked
        changes = _write_values(ret, checked)
        if changes or action != ReturnEvent.Action.SAVED:
            ReturnEvent.objects.create(return_obj=ret, actor=user, action=action, changes=changes)
            Return.objects.filter(pk=ret.pk).update(updated_at=timezone.now())
    return checked


def submit(ret: Return, user, raw: dict[str, object] | None = None) -> Checked:
    """Save (when ``raw`` is given) and submit for review; every figure must be present and valid."""
    with transaction.atomic():
        ret = _locked(ret)
        if not ret.is_editable:
            raise WorkflowError("Báo cáo đã được nộp trước đó.")
        figures = raw if raw is not None else {k: v for k, v in stored_figures(ret).items()}
        checked = check_figures(ret.period.form.ordered_indicators(), figures, complete=True)
        if not checked.ok:
            log.info("Return %s: submission refused for user %s (%d errors)", ret.pk, user.pk, len(checked.errors))
            return checked
        changes = _write_values(ret, checked)
        now = timezone.now()
        ret.status = ReturnStatus.SUBMITTED
        ret.submitted_at = now
        ret.submitted_late = timezone.localdate(now) > ret.period.deadline
        ret.save(update_fields=["status", "submitted_at", "submitted_late", "updated_at"])
        note = "Nộp sau hạn." if ret.submitted_late else ""
        ReturnEvent.objects.create(return_obj=ret, actor=user, action=ReturnEvent.Action.SUBMITTED, changes=changes,
                                   note=note)
    return checked


def review(ret: Return, user, *, accept: bool, comment: str = "") -> Return:
    """Accept a submitted return, or send it back to its unit with a (required) comment."""
    comment = comment.strip()
    if not accept and not comment:
        raise WorkflowError("Khi trả lại báo cáo, hãy ghi rõ lý do để đơn vị sửa.")
    if ret.pk is None:
        raise WorkflowError("Chỉ duyệt được báo cáo đang chờ duyệt.")
    with transaction.atomic():
        ret = _locked(ret)
        if ret.status != ReturnStatus.SUBMITTED:
            raise WorkflowError("Chỉ duyệt được báo cáo đang chờ duyệt.")
        ret.status = ReturnStatus.ACCEPTED if accept else ReturnStatus.RETURNED
        ret.reviewed_at = timezone.now()
        ret.review_comment = comment
        ret.save(update_fields=["status", "reviewed_at", "review_comment", "updated_at"])
        action = ReturnEvent.Action.ACCEPTED if accept else ReturnEvent.Action.RETURNED
        ReturnEvent.objects.create(return_obj=ret, actor=user, action=action, note=comment)
    return ret


def display_value(value: Decimal, indicator) -> str:
    """A stored figure as typed back into the form: "120", "12,5"."""
    if indicator.integer_only or value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f").replace(".", ",")
