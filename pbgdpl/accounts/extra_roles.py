"""The roles beyond the editorial three: Q&A answerers, contest organisers, reporting units.

``ensure_extra_roles()`` creates the groups and gives each exactly the model permissions that apps
registered for it with ``pbgdpl.accounts.roles.grant_model_permissions()`` (least privilege,
docs/permissions.md). Idempotent and additive like ``ensure_editorial_setup``; ``manage.py
bootstrap`` runs it as a set-up step (registered in ``AccountsConfig.ready()``).
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from .roles import CONTEST_ORGANISER, EXTRA_ROLE_NAMES, QA_ANSWERER, REPORTING_UNIT, model_permissions

__all__ = ["CONTEST_ORGANISER", "EXTRA_ROLE_NAMES", "QA_ANSWERER", "REPORTING_UNIT", "ensure_extra_roles"]


def _permission(dotted: str) -> Permission | None:
    app_label, codename = dotted.split(".", 1)
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


@transaction.atomic
def ensure_extra_roles() -> dict[str, list[str]]:
    """Create the three groups and add their permissions; returns the permissions added per role."""
    added: dict[str, list[str]] = {}
    for role in EXTRA_ROLE_NAMES:
        group, _created = Group.objects.get_or_create(name=role)
        have = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}
        added[role] = []
        for dotted in sorted(model_permissions(role) - have):
            permission = _permission(dotted)
            if permission is not None:
                group.permissions.add(permission)
                added[role].append(dotted)
    return added
