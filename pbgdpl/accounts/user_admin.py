"""The admin's user screens, with privilege escalation closed (issue 10, finding 3).

Wagtail lets anyone with ``auth.change_user`` tick "Administrator" (``is_superuser``) and put users
in any group. The Quản trị role has that permission, but docs/permissions.md reserves superuser
status to one or two operators. So here only a superuser may

* grant or remove superuser status (the field is not even offered to others: a posted value is ignored),
* add anyone to or remove anyone from a privileged group (``PRIVILEGED_GROUPS``),
* edit a superuser's account at all (changing their password or e-mail would be a takeover).

Installed by ``pbgdpl.accounts.users_app.PortalUsersConfig``, listed in INSTALLED_APPS instead of
``wagtail.users``.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users as wagtail_user_views

from pbgdpl.accounts.roles import ADMINISTRATOR

PRIVILEGED_GROUPS = (ADMINISTRATOR,)


def may_grant_privileges(user) -> bool:
    """Whether ``user`` may hand out superuser status or privileged group membership."""
    return bool(user is not None and user.is_active and user.is_superuser)


class PrivilegeGuardMixin(forms.Form):
    """Drops the superuser box and freezes privileged group membership for non-superusers."""

    def __init__(self, *args, acting_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.acting_user = acting_user
        if not may_grant_privileges(acting_user):
            self.fields.pop("is_superuser", None)

    def clean_groups(self):
        groups = self.cleaned_data.get("groups")
        if groups is None or may_grant_privileges(self.acting_user):
            return groups
        wanted = {group.pk for group in groups if group.name in PRIVILEGED_GROUPS}
        current = set()
        if self.instance.pk:
            current = set(self.instance.groups.filter(name__in=PRIVILEGED_GROUPS).values_list("pk", flat=True))
        if wanted != current:
            names = ", ".join(f"“{name}”" for name in PRIVILEGED_GROUPS)
            raise forms.ValidationError(
                _("Chỉ tài khoản quản trị cấp cao (superuser) mới được thêm người vào hoặc bỏ người khỏi nhóm %(groups)s."),
                code="privileged_group",
                params={"groups": names},
            )
        return groups


class GuardedUserCreationForm(PrivilegeGuardMixin, UserCreationForm):
    pass


class GuardedUserEditForm(PrivilegeGuardMixin, UserEditForm):
    pass


class _ActingUserFormMixin:
    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["acting_user"] = self.request.user
        return kwargs


class CreateView(_ActingUserFormMixin, wagtail_user_views.CreateView):
    pass


class EditView(_ActingUserFormMixin, wagtail_user_views.EditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if self.object.is_superuser and not may_grant_privileges(request.user):
            raise PermissionDenied


class UserViewSet(wagtail_user_views.UserViewSet):
    add_view_class = CreateView
    edit_view_class = EditView

    def get_form_class(self, for_update=False):
        return GuardedUserEditForm if for_update else GuardedUserCreationForm
