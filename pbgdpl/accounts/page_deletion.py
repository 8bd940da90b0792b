"""Who may delete a page (issue 10, finding 15; docs/permissions.md).

Editors (Biên tập viên) hold Wagtail's "change" page permission so they can edit any article,
and in Wagtail that permission also deletes any *unpublished* page, i.e. a colleague's draft
with all its work. Here deleting a page someone else owns needs the publish permission (the
Ban biên tập and Quản trị); an editor deletes only their own drafts.
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.models import Page

REFUSED = "Bạn chỉ được xóa trang do chính mình tạo. Hãy nhờ Ban biên tập xóa “%(title)s”."


def may_delete_page(user, page: Page) -> bool:
    """Wagtail's own rules, plus: another person's page needs the publish permission."""
    permissions = page.permissions_for_user(user)
    if not permissions.can_delete():
        return False
    return user.is_superuser or page.owner_id == user.pk or permissions.can_publish()


def refuse_foreign_page_deletion(request, pages):
    """Hook body: a redirect with a message when any of ``pages`` may not be deleted by this user."""
    for page in pages:
        if not may_delete_page(request.user, page):
            messages.error(request, _(REFUSED) % {"title": page.get_admin_display_title()})
            return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None
