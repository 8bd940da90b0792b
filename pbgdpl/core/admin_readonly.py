"""Admin listings of records that only the code writes (logs, outboxes): view and inspect, nothing else."""

from __future__ import annotations

from wagtail.permission_policies.base import ModelPermissionPolicy


class ViewOnlyPolicy(ModelPermissionPolicy):
    """Even a superuser gets no add / change / delete button: the rows are the system's record."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)
