"""Writes of the accounts app: staff roles, their permissions and the editorial workflow."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from pbgdpl.core.models import HomePage

from . import roles

logger = logging.getLogger(__name__)

# Wagtail's initial migrations create these; a fresh portal uses the Vietnamese roles instead.
WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"


@dataclass
class EditorialSetupReport:
    """What ``ensure_editorial_setup`` changed, for the bootstrap command to print."""

    groups_created: list[str] = field(default_factory=list)
    permissions_added: int = 0
    permissions_removed: int = 0
    workflow_created: bool = False
    sections_assigned: list[str] = field(default_factory=list)
    sections_missing: list[str] = field(default_factory=list)
    unknown_permissions: list[str] = field(default_factory=list)
    home_page: Page | None = None

    def summary(self) -> str | None:
        """What bootstrap prints: changes and what is still missing, or None when nothing happened."""
        parts = []
        if self.groups_created:
            parts.append("tạo nhóm " + ", ".join(self.groups_created))
        if self.permissions_added:
            parts.append(f"thêm {self.permissions_added} quyền")
        if self.permissions_removed:
            parts.append(f"thu hồi {self.permissions_removed} quyền dành riêng cho vai trò khác")
        if self.workflow_created:
            parts.append("tạo quy trình “Duyệt tin bài” (Ban biên tập duyệt)")
        if self.sections_assigned:
            parts.append("áp dụng quy trình cho " + ", ".join("/" + s + "/" for s in self.sections_assigned))
        if self.home_page is None:
            parts.append("CHƯA có trang chủ: quyền trên trang và quy trình chờ cây trang")
        elif self.sections_missing:
            parts.append("THIẾU chuyên mục " + ", ".join("/" + s + "/" for s in self.sections_missing))
        if self.unknown_permissions:
            parts.append("bỏ qua quyền không tồn tại " + ", ".join(sorted(set(self.unknown_permissions))))
        return "; ".join(parts) or None


def find_home_page() -> Page | None:
    """The portal's home page (``core.HomePage``), or None before the page tree is seeded."""
    return HomePage.objects.order_by("path").first()


def _permission(dotted: str) -> Permission | None:
    app_label, codename = dotted.split(".", 1)
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


def _reserved_away_from(role: str) -> list[Permission]:
    """The reserved permissions ``role`` is not granted by name (roles.reserve_for_granted_roles)."""
    withheld = roles.reserved_permissions() - roles.model_permissions(role)
    return [p for p in map(_permission, sorted(withheld)) if p is not None]


def _ensure_group_permissions(group: Group, role: str, report: EditorialSetupReport) -> None:
    if role == roles.ADMINISTRATOR:
        withheld = _reserved_away_from(role)
        wanted = list(Permission.objects.exclude(pk__in=[p.pk for p in withheld]))
        # Taken back too: a portal set up before the reservation granted them with everything else.
        revoked = group.permissions.filter(pk__in=[p.pk for p in withheld])
        report.permissions_removed += revoked.count()
        group.permissions.remove(*revoked)
    else:
        wanted = []
        for dotted in sorted(roles.model_permissions(role)):
            permission = _permission(dotted)
            if permission is None:
                report.unknown_permissions.append(dotted)
                continue
            wanted.append(permission)
    existing = set(group.permissions.values_list("pk", flat=True))
    missing = [p for p in wanted if p.pk not in existing]
    if missing:
        group.permissions.add(*missing)
        report.permissions_added += len(missing)


def _ensure_page_permissions(group: Group, role: str, home: Page, report: EditorialSetupReport) -> None:
    for permission_type in roles.PAGE_PERMISSIONS[role]:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", content_type__model="page", codename=f"{permission_type}_page"
        )
        _obj, created = GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)
        report.permissions_added += int(created)


def _ensure_collection_permissions(group: Group, role: str, report: EditorialSetupReport) -> None:
    root_collection = Collection.get_first_root_node()
    for dotted in roles.COLLECTION_PERMISSIONS[role]:
        permission = _permission(dotted)
        if permission is None:
            report.unknown_permissions.append(dotted)
            continue
        _obj, created = GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root_collection, permission=permission
        )
        report.permissions_added += int(created)


def _retire_wagtail_defaults() -> None:
    """Switch off Wagtail's English default workflow and its empty default groups.

    Runs once, when our own workflow is first created, so that an operator who later
    re-enables them on purpose is not overruled by the next ``bootstrap``.
    """
    for workflow in Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW, active=True):
        workflow.deactivate()
        for task in workflow.tasks.all():
            if not task.workflows.filter(active=True).exists():
                task.specific.deactivate()
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True).delete()


def _ensure_workflow(board: Group, home: Page | None, report: EditorialSetupReport) -> Workflow:
    workflow = Workflow.objects.filter(name=roles.WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=roles.WORKFLOW_NAME, active=True)
        task = GroupApprovalTask.objects.create(name=roles.APPROVAL_TASK_NAME)
        task.groups.set([board])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        report.workflow_created = True
        _retire_wagtail_defaults()

    if home is None:
        report.sections_missing = list(roles.WORKFLOW_SECTION_SLUGS)
        return workflow
    sections = {page.slug: page for page in home.get_children().filter(slug__in=roles.WORKFLOW_SECTION_SLUGS)}
    for slug in roles.WORKFLOW_SECTION_SLUGS:
        section = sections.get(slug)
        if section is None:
            report.sections_missing.append(slug)
            continue
        # get_or_create: a section an operator moved to another workflow keeps it.
        _link, created = WorkflowPage.objects.get_or_create(page=section, defaults={"workflow": workflow})
        if created:
            report.sections_assigned.append(slug)
    return workflow


@transaction.atomic
def ensure_editorial_setup() -> EditorialSetupReport:
    """Create or complete the three staff roles and the "Duyệt tin bài" workflow.

    Idempotent and additive: missing groups, permissions and workflow links are added;
    nothing an operator granted on top is taken away, except a reserved permission
    (``roles.reserve_for_granted_roles``) held by Quản trị, which a privacy rule keeps from it.
    Page permissions are granted on the home page, so they are skipped (and reported) until the
    page tree exists.
    """
    report = EditorialSetupReport()
    home = find_home_page()
    report.home_page = home
    groups: dict[str, Group] = {}
    for role in roles.ROLE_NAMES:
        group, created = Group.objects.get_or_create(name=role)
        if created:
            report.groups_created.append(role)
        groups[role] = group
        _ensure_group_permissions(group, role, report)
        _ensure_collection_permissions(group, role, report)
        if home is not None:
            _ensure_page_permissions(group, role, home, report)
    _ensure_workflow(groups[roles.EDITORIAL_BOARD], home, report)
    if report.unknown_permissions:
        logger.warning("Unknown permissions skipped: %s", ", ".join(sorted(set(report.unknown_permissions))))
    return report
