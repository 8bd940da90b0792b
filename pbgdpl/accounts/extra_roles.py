"""The roles beyond the editorial three: Q&A answerers, contest organisers, reporting units.

``ensure_extra_roles()`` creates the groups and gives each exactly the model permissions its
work needs (least privilege, docs/permissions.md). Idempotent and additive like
``pbgdpl.accounts.services.ensure_editorial_setup``; ``manage.py bootstrap`` runs it as a set-up
step (registered in ``AccountsConfig.ready()``). None of these roles gets page, image or document permissions.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction

QA_ANSWERER = "Người trả lời hỏi đáp"
CONTEST_ORGANISER = "Tổ chức cuộc thi"
REPORTING_UNIT = "Đơn vị báo cáo"

EXTRA_ROLE_NAMES = (QA_ANSWERER, CONTEST_ORGANISER, REPORTING_UNIT)

_QUIZ_MODELS = ("contest", "round", "question", "choice", "unit", "contestant", "practicequiz")

EXTRA_ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    # Answers questions routed to their field; cannot approve/publish, export personal data or
    # touch any page, legal document or contest.
    QA_ANSWERER: frozenset({
        "wagtailadmin.access_admin",
        "qa.view_question",
        "qa.change_question",
        "qa.answer_question",
        "qa.view_answertemplate",
    }),
    # Runs contests (questions bank, rounds, units, contestants, results); nothing else.
    CONTEST_ORGANISER: frozenset(
        {"wagtailadmin.access_admin", "quizzes.view_attempt"}
        | {f"quizzes.{action}_{model}" for model in _QUIZ_MODELS for action in ("add", "change", "view")}
    ),
    # Units that report their dissemination activity. The reporting module does not exist yet:
    # for now the role only opens the admin (its dashboard) and sees nothing else.
    REPORTING_UNIT: frozenset({"wagtailadmin.access_admin"}),
}


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
        for dotted in sorted(EXTRA_ROLE_PERMISSIONS[role] - have):
            permission = _permission(dotted)
            if permission is not None:
                group.permissions.add(permission)
                added[role].append(dotted)
    return added
