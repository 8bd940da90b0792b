"""Staff roles (Wagtail groups) and what each one may do.

The three roles are the product's editorial model (DOMAIN.md: editors write, the
editorial board — Ban biên tập — approves and publishes). They are ensured by
``pbgdpl.accounts.services.ensure_editorial_setup()``.

Apps whose models editors manage (legal documents, questions, …) add model
permissions to a role from their ``AppConfig.ready()``::

    from pbgdpl.accounts.roles import EDITORIAL_BOARD, grant_model_permissions

    grant_model_permissions(EDITORIAL_BOARD, ["legal.add_legaldocument", "legal.change_legaldocument"])

The grants are applied the next time the set-up runs (``manage.py bootstrap``).
Administrators get every model permission except the ones an app reserves with
``reserve_for_granted_roles`` (sensitive personal data: legal-aid requests).
"""

from __future__ import annotations

from collections.abc import Iterable

EDITOR = "Biên tập viên"
EDITORIAL_BOARD = "Ban biên tập"
ADMINISTRATOR = "Quản trị"

ROLE_NAMES = (EDITOR, EDITORIAL_BOARD, ADMINISTRATOR)

# The roles beyond the editorial three. They get no page, image or document permissions; the
# apps whose work they do grant them model permissions from ``AppConfig.ready()`` like any role.
QA_ANSWERER = "Người trả lời hỏi đáp"
CONTEST_ORGANISER = "Tổ chức cuộc thi"
REPORTING_UNIT = "Đơn vị báo cáo"
LIVE_CHAT_AGENT = "Trực hỏi đáp trực tuyến"
TEACHER = "Giáo viên"  # runs live classroom quizzes (pbgdpl/classroom); no editorial rights
LEGAL_AID_CENTRE = "Trung tâm trợ giúp pháp lý"
FORUM_MODERATOR = "Điều hành diễn đàn"
DRAFTING_BODY = "Cơ quan soạn thảo"  # answers comments on its drafts (pbgdpl/consultation)

EXTRA_ROLE_NAMES = (QA_ANSWERER, CONTEST_ORGANISER, REPORTING_UNIT, LIVE_CHAT_AGENT, TEACHER, LEGAL_AID_CENTRE,
                    FORUM_MODERATOR, DRAFTING_BODY)

# Not a staff role: forum members sign in on the public site only. The group has no permission at all
# (never wagtailadmin.access_admin), so a member can neither open the admin nor needs its second factor.
FORUM_MEMBER = "Thành viên diễn đàn"

# Wagtail page permission types granted on the home page (applies to its whole subtree).
# "add" lets an editor create pages and edit the ones they own; "change" lets them edit
# any page. Neither allows publishing: only "publish" does (and it also covers unpublish).
PAGE_PERMISSIONS: dict[str, tuple[str, ...]] = {
    EDITOR: ("add", "change", "lock"),
    EDITORIAL_BOARD: ("add", "change", "lock", "publish", "unlock"),
    ADMINISTRATOR: ("add", "bulk_delete", "change", "lock", "publish", "unlock"),
}

# Image and document permissions granted on the root collection (so on every collection).
# In Wagtail "add" also lets a user edit and delete the files they uploaded, while "change"
# means edit *and delete* anyone's: editors get the former, the board the latter.
_UPLOAD_MEDIA = (
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
)
_MANAGE_MEDIA = _UPLOAD_MEDIA + (
    "wagtailimages.change_image",
    "wagtailimages.delete_image",
    "wagtaildocs.change_document",
    "wagtaildocs.delete_document",
)
COLLECTION_PERMISSIONS: dict[str, tuple[str, ...]] = {
    EDITOR: _UPLOAD_MEDIA,
    EDITORIAL_BOARD: _MANAGE_MEDIA,
    ADMINISTRATOR: _MANAGE_MEDIA
    + ("wagtailcore.add_collection", "wagtailcore.change_collection", "wagtailcore.delete_collection"),
}

# Plain model permissions ("app_label.codename"). Every role needs the admin itself.
_model_permissions: dict[str, set[str]] = {
    role: {"wagtailadmin.access_admin"} for role in (*ROLE_NAMES, *EXTRA_ROLE_NAMES)
}


def grant_model_permissions(role: str, permissions: Iterable[str]) -> None:
    """Give ``role`` these model permissions ("app_label.codename") on the next set-up run."""
    if role not in _model_permissions:
        raise ValueError(f"Unknown role {role!r}; expected one of {', '.join(_model_permissions)}.")
    for permission in permissions:
        if permission.count(".") != 1:
            raise ValueError(f"Permission {permission!r} must look like 'app_label.codename'.")
        _model_permissions[role].add(permission)


def model_permissions(role: str) -> frozenset[str]:
    """The model permissions registered for ``role``."""
    return frozenset(_model_permissions[role])


# Permissions that only the roles granted them by name hold: Quản trị's blanket grant leaves them out
# (and the set-up takes them back from it), as who may read sensitive personal data is decided per role.
_reserved: set[str] = set()


def reserve_for_granted_roles(permissions: Iterable[str]) -> None:
    """Keep these model permissions ("app_label.codename") out of Quản trị's every-permission grant."""
    for permission in permissions:
        if permission.count(".") != 1:
            raise ValueError(f"Permission {permission!r} must look like 'app_label.codename'.")
        _reserved.add(permission)


def reserved_permissions() -> frozenset[str]:
    """The permissions only their named roles hold (``reserve_for_granted_roles``)."""
    return frozenset(_reserved)


# The editorial workflow and the sections it guards (slugs of the home page's children).
WORKFLOW_NAME = "Duyệt tin bài"
APPROVAL_TASK_NAME = "Ban biên tập duyệt"
WORKFLOW_SECTION_SLUGS = ("tin-tuc", "huong-dan-nghiep-vu", "tinh-huong-phap-luat")
