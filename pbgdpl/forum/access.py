"""Who may read, post and moderate in the forum (one place for the rules)."""

from __future__ import annotations

from pbgdpl.accounts.roles import FORUM_MEMBER, FORUM_MODERATOR


def _in_group(user, name: str) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.groups.filter(name=name).exists())


def is_moderator(user) -> bool:
    return bool(user and user.is_authenticated and (user.is_superuser or _in_group(user, FORUM_MODERATOR)))


def is_member(user) -> bool:
    """Members and moderators read members-only categories and may post."""
    return is_moderator(user) or _in_group(user, FORUM_MEMBER)


def can_read(user, category) -> bool:
    return not category.members_only or is_member(user)


def is_banned(user) -> bool:
    """A member under an active ban reads but cannot post."""
    from django.db.models import Q
    from django.utils import timezone

    from .models import Ban

    if not (user and user.is_authenticated):
        return False
    return Ban.objects.filter(Q(until__isnull=True) | Q(until__gt=timezone.now()), user=user).exists()
