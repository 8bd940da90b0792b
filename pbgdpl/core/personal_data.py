"""One person's data across apps: a registry of exporters/erasers (``manage.py personal_data``).

Each app that stores personal data registers a provider::

    from pbgdpl.core.personal_data import register
    register("qa", export=lambda email, phone: {...}, delete=lambda email, phone, actor_note: count)

Each app registers itself from its ``AppConfig.ready()``, backed by service functions of that app;
core names no app.
"""

from __future__ import annotations

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
    return list(_providers.values())


def export_person(*, email: str = "", phone: str = "") -> dict[str, object]:
    """Everything every app stores about the person with this e-mail and/or phone number."""
    return {p.name: p.export(email, phone) for p in providers()}


def delete_person(*, email: str = "", phone: str = "") -> dict[str, int]:
    """Erase the person's data in every app; returns how many records each app anonymised."""
    return {p.name: p.delete(email, phone) for p in providers()}
