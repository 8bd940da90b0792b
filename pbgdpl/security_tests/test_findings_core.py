"""Regression tests for issue 10's findings in core, accounts, news and the settings.

One test per finding (the number is in the name); each fails on the code before the fix.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from pbgdpl.accounts.roles import ADMINISTRATOR, EDITOR

User = get_user_model()


def _administrator(make_staff):
    """A Quản trị (not a superuser) with every model permission, as bootstrap sets the role up."""
    user = make_staff(ADMINISTRATOR)
    Group.objects.get(name=ADMINISTRATOR).permissions.add(*Permission.objects.all())
    return user


def _user_form(target, **changes) -> dict:
    data = {"username": target.username, "email": target.email or "x@example.vn", "first_name": "Văn",
            "last_name": "Ba", "is_active": "on", "groups": [g.pk for g in target.groups.all()]}
    data.update(changes)
    return data


def test_finding_3_administrator_cannot_make_a_superuser(client, make_staff):
    client.force_login(_administrator(make_staff))
    target = make_staff(EDITOR)
    response = client.post(f"/quan-tri/users/edit/{target.pk}/", _user_form(target, is_superuser="on"))
    target.refresh_from_db()
    assert not target.is_superuser
    assert response.status_code == 302  # the rest of the edit is saved; the box is simply not offered
    assert target.first_name == "Văn"


def test_finding_3_administrator_cannot_add_someone_to_the_administrator_group(client, make_staff):
    client.force_login(_administrator(make_staff))
    target = make_staff(EDITOR)
    admin_group = Group.objects.get(name=ADMINISTRATOR)
    response = client.post(f"/quan-tri/users/edit/{target.pk}/",
                           _user_form(target, groups=[*target.groups.values_list("pk", flat=True), admin_group.pk]))
    assert response.status_code == 200
    assert "Chỉ tài khoản quản trị cấp cao (superuser)" in response.content.decode()
    assert not target.groups.filter(name=ADMINISTRATOR).exists()


def test_finding_3_administrator_cannot_edit_a_superuser(client, make_staff):
    client.force_login(_administrator(make_staff))
    root = make_staff(username="root", is_superuser=True)
    response = client.post(f"/quan-tri/users/edit/{root.pk}/", _user_form(root, password1="Mat-khau-moi-2026-x",
                                                                         password2="Mat-khau-moi-2026-x"))
    assert response.status_code == 302 and response["Location"] == "/quan-tri/"  # Wagtail's "no permission"
    root.refresh_from_db()
    assert root.check_password("Mat-khau-rat-dai-2026")


def test_finding_3_a_superuser_may_grant_both(client, make_staff):
    client.force_login(make_staff(is_superuser=True))
    target = make_staff(EDITOR)
    admin_group, _ = Group.objects.get_or_create(name=ADMINISTRATOR)
    response = client.post(f"/quan-tri/users/edit/{target.pk}/",
                           _user_form(target, is_superuser="on", groups=[admin_group.pk]))
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.is_superuser
    assert list(target.groups.values_list("name", flat=True)) == [ADMINISTRATOR]
