"""``wagtail.users`` with the guarded user screens of ``pbgdpl.accounts.user_admin``.

A module of its own: an app config module is imported before models are ready, and Django would
take a second ``AppConfig`` in ``accounts/apps.py`` for the accounts app's own.
"""

from wagtail.users.apps import WagtailUsersAppConfig


class PortalUsersConfig(WagtailUsersAppConfig):
    """Same label, models and migrations as ``wagtail.users``; only the user view set differs."""

    user_viewset = "pbgdpl.accounts.user_admin.UserViewSet"
