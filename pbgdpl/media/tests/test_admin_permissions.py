"""Who may manage media in the admin: the editorial roles, not the other staff roles."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from pbgdpl.accounts.services import ensure_editorial_setup

pytestmark = pytest.mark.django_db
SCREENS = ("/quan-tri/tai-lieu-tuyen-truyen/", "/quan-tri/video/", "/quan-tri/infographic/", "/quan-tri/bai-giang/")


@pytest.mark.parametrize(("role", "allowed"), [("Biên tập viên", True), ("Ban biên tập", True),
                                               (None, False)])
def test_media_screens_follow_the_roles(client, role, allowed):
    ensure_editorial_setup()
    user = get_user_model().objects.create_user("nguoidung", "nd@example.vn", "matkhau-dai-123")
    if role:
        user.groups.add(Group.objects.get(name=role))
    else:  # staff who reach the admin for another job, without a media role
        from django.contrib.auth.models import Permission

        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    for url in SCREENS:
        status = client.get(url).status_code
        assert (status == 200) is allowed, (role, url, status)
    assert user.has_perm("media.delete_material") is (role == "Ban biên tập")
