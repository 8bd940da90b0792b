"""One person's data across apps: a registry of exporters/erasers (``manage.py personal_data``).

Each app that stores personal data registers a provider::

    from pbgdpl.core.personal_data import register
    register("qa", export=lambda email, phone: {...}, delete=lambda email, phone, actor_note: count)

The Q&A and contest providers are registered here, reusing those apps' own export and erasure code,
until the apps register themselves from ``AppConfig.ready()``.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass

Exporter = Callable[[str, str], object]
Deleter = Callable[[str, str], int]


@dataclass(frozen=True)
class Provider:
    name: str
    export: Exporter
    delete: Deleter


_providers: dict[str, Provider] = {}


def register(name: str, *, export: Exporter, delete: Deleter) -> None:
    """Add (or replace) the provider for one app."""
    _providers[name] = Provider(name, export, delete)


def providers() -> list[Provider]:
    _register_builtin()
    return list(_providers.values())


def export_person(*, email: str = "", phone: str = "") -> dict[str, object]:
    """Everything every app stores about the person with this e-mail and/or phone number."""
    return {p.name: p.export(email, phone) for p in providers()}


def delete_person(*, email: str = "", phone: str = "") -> dict[str, int]:
    """Erase the person's data in every app; returns how many records each app anonymised."""
    return {p.name: p.delete(email, phone) for p in providers()}


# Built-in providers -------------------------------------------------------------------------------

def _qa_export(email: str, phone: str) -> object:
    from pbgdpl.qa.services import export_person as qa_export

    return qa_export(email=email, phone=phone)


def _qa_delete(email: str, phone: str) -> int:
    from pbgdpl.qa.models import Question
    from pbgdpl.qa.services import erase_personal_data

    count = 0
    for question in Question.objects.of_person(email=email, phone=phone):
        erase_personal_data(question, reason="Yêu cầu xóa dữ liệu cá nhân của chủ thể dữ liệu")
        count += 1
    return count


def _quiz_call(phone: str, flag: str) -> str | None:
    from django.core.management import CommandError, call_command

    if not phone:
        return None
    out = io.StringIO()
    try:
        call_command("quiz_personal_data", phone, flag, stdout=out)
    except CommandError:  # no contestant with this phone number
        return None
    return out.getvalue()


def _quiz_export(email: str, phone: str) -> object:
    text = _quiz_call(phone, "--export")
    return json.loads(text) if text else None


def _quiz_delete(email: str, phone: str) -> int:
    return 1 if _quiz_call(phone, "--erase") else 0


def _register_builtin() -> None:
    from django.apps import apps

    if apps.is_installed("pbgdpl.qa") and "qa" not in _providers:
        register("qa", export=_qa_export, delete=_qa_delete)
    if apps.is_installed("pbgdpl.quizzes") and "quizzes" not in _providers:
        register("quizzes", export=_quiz_export, delete=_quiz_delete)
