"""Admin listings of records that only the code writes (logs, outboxes): view and inspect, nothing else."""

from __future__ import annotations

from wagtail.permission_policies.base import ModelPermissionPolicy


class ViewOnlyPolicy(ModelPermissionPolicy):
    """Even a superuser gets no add / change / delete button: the rows are the system's record."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)


class NoAddPolicy(ModelPermissionPolicy):
    """Rows created only from elsewhere in the admin (a block from the conversation screen): listed,
    edited and deleted here, never added by hand (their key is a hash no person can type)."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)
