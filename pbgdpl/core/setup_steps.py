"""Idempotent set-up steps that ``manage.py bootstrap`` runs on every start, demo or not.

Unlike demo loaders, these prepare what a real site needs too: an app's workflow links,
its extra staff roles, reference data shipped with a new release. Register from an app's
``AppConfig.ready()``::

    from pbgdpl.core.setup_steps import register_setup_step

    register_setup_step("legal-document-workflow", ensure_document_workflow, order=10)

A step takes no arguments, must be cheap when there is nothing to do, and may return a
short summary (shown by bootstrap) or None.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class SetupStep:
    name: str
    func: Callable[[], object]
    order: int = 100


_steps: dict[str, SetupStep] = {}


def register_setup_step(name: str, func: Callable[[], object], *, order: int = 100) -> SetupStep:
    """Register (or replace) the set-up step called ``name``."""
    step = SetupStep(name=name, func=func, order=order)
    _steps[name] = step
    return step


def setup_steps() -> list[SetupStep]:
    """Registered steps in the order ``bootstrap`` runs them."""
    return sorted(_steps.values(), key=lambda step: (step.order, step.name))
