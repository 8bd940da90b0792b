"""Writes to a commune's legal-access result: its self-assessment figures and the province's decision.

Figures are checked like a return's (one parser, ``validation.parse_figure``): any error saves
nothing. Once the province has decided, the figures are frozen; the decision needs a passing result
to recognise, and a decision number.
"""

from __future__ import annotations

import datetime
from types import SimpleNamespace

from django.db import transaction
from django.utils import timezone

from ..models import AccessDecision, AccessFramework, AccessResult, Unit
from ..validation import parse_figure

_DECIMAL = SimpleNamespace(integer_only=False)


class AccessRefused(Exception):
    """A step the result's state does not allow; the message is shown as is."""


def parse_figures(raw: dict[str, str], numbers: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    """({indicator number: figure as text}, {indicator number: error}) from what was typed."""
    figures, errors = {}, {}
    for number in numbers:
        value, error = parse_figure(raw.get(number, ""), _DECIMAL)
        if error:
            errors[number] = error
        elif value is not None:
            figures[number] = format(value.normalize(), "f")  # "100", "85.5" — never "1E+2"
    return figures, errors


@transaction.atomic
def save_self_assessment(commune: Unit, year: int, framework: AccessFramework, figures: dict[str, str]) -> AccessResult:
    result = AccessResult.objects.select_for_update().filter(commune=commune, year=year).first()
    if result is not None and result.decision:
        raise AccessRefused("Tỉnh đã quyết định đối với kết quả năm này, không sửa số liệu được nữa.")
    if result is None:
        result = AccessResult(commune=commune, year=year, framework=framework)
    result.figures = figures
    result.save()
    return result


@transaction.atomic
def decide(result: AccessResult, user, *, recognise: bool, number: str, date: datetime.date | None) -> AccessResult:
    result = AccessResult.objects.select_for_update().get(pk=result.pk)
    number = number.strip()
    if recognise and not result.passed:
        raise AccessRefused("Xã chưa đủ điều kiện đạt chuẩn theo bộ tiêu chí, không thể công nhận.")
    if not number:
        raise AccessRefused("Hãy ghi số quyết định của Ủy ban nhân dân tỉnh.")
    result.decision = AccessDecision.RECOGNISED if recognise else AccessDecision.REFUSED
    result.decision_number = number[:100]
    result.decision_date = date or timezone.localdate()
    result.decided_by = user
    result.save(update_fields=["decision", "decision_number", "decision_date", "decided_by"])
    return result
