"""A member's data for the personal-data registry: the account, their posts and subscriptions.

Erasure deactivates the account, blanks its name and e-mail and removes the member's posts' text
and files (threads keep their structure; the posts read "[đã xóa theo yêu cầu]").
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction

from pbgdpl.accounts.roles import FORUM_MEMBER
from pbgdpl.core import people
from pbgdpl.search.services import mark_changed

from .models import Invitation, Post

ERASED = "[đã xóa theo yêu cầu]"


def _users(email: str):
    """Forum members with this e-mail; staff accounts are handled by the department, not erased here."""
    members = get_user_model().objects.filter(groups__name=FORUM_MEMBER, is_staff=False, is_superuser=False)
    return members.filter(email__iexact=email.strip()).distinct() if email else members.none()


def export_person(email: str, phone: str) -> dict:
    users = list(_users(email))
    return {
        "accounts": [{"username": u.get_username(), "name": people.full_name(u), "email": u.email} for u in users],
        "posts": [{"thread": p.thread.title, "created_at": p.created_at.isoformat(), "text": p.source}
                  for p in Post.objects.filter(author__in=users).select_related("thread")],
        "invitations": list(Invitation.objects.filter(email__iexact=email).values_list("created_at", flat=True))
        if email else [],
    }


@transaction.atomic
def erase_person(email: str, phone: str) -> int:
    count = 0
    for user in _users(email):
        for post in Post.objects.filter(author=user):
            if post.attachment:
                post.attachment.delete(save=False)
            post.source = post.html = ERASED
            post.attachment_name = ""
            post.save()
            mark_changed("forum.Thread", post.thread_id)
        user.first_name = user.last_name = user.email = ""
        user.is_active = False
        user.set_unusable_password()
        user.save()
        user.forum_subscriptions.all().delete()
        count += 1
    if email:
        Invitation.objects.filter(email__iexact=email).update(email="")
    return count
