"""Instant answers other apps put above the results ("xe máy vượt đèn đỏ phạt bao nhiêu" → the fine).

    from pbgdpl.search.answers import register_instant_answer
    register_instant_answer("penalty", penalty_answer, template="lookups/_search_answer.html")

A provider gets the query text and returns a context dict for its template, or None when the
query is not its business. Providers run in registration order; every answer found is shown.
A provider that fails is logged and skipped: an instant answer must never break the search page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class InstantAnswer:
    name: str
    provider: Callable[[str], dict | None]
    template: str


_answers: dict[str, InstantAnswer] = {}
_kind_labels: dict[str, str] = {}


def register_instant_answer(name: str, provider: Callable[[str], dict | None], *, template: str) -> None:
    _answers[name] = InstantAnswer(name, provider, template)


def register_kind_label(kind: str, label: str) -> None:
    """How the results page names an entry kind an app adds ("violation" → "Xử phạt")."""
    _kind_labels[kind] = label


def kind_label(kind: str, default: str = "") -> str:
    return _kind_labels.get(kind, default)


def instant_answers(query: str) -> list[dict]:
    found = []
    for answer in _answers.values():
        try:
            context = answer.provider(query)
        except Exception:
            log.exception("Instant answer %s failed", answer.name)
            continue
        if context:
            found.append({"template": answer.template, **context})
    return found
