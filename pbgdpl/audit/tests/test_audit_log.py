"""Staff changes are logged with who/what/when/IP; only administrators read the log; old entries expire."""

from __future__ import annotations

import datetime

import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from pbgdpl.audit.models import AuditEntry
from pbgdpl.legal.models import Issuer


def _staff(username: str, role: str | None = None, **extra):
    user = get_user_model().objects.create_user(username, f"{username}@example.vn", "Mat-khau-rat-dai-2026", **extra)
    if role:
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.add(Permission.objects.get(codename="access_admin"))
        user.groups.add(group)
    return user


def test_admin_change_is_logged_with_user_and_ip(client, db):
    admin = _staff("quantri", is_superuser=True, is_staff=True)
    client.force_login(admin)
    from wagtail.models import Collection

    root = Collection.get_first_root_node()
    response = client.post("/quan-tri/collections/add/", {"name": "Ảnh hội nghị", "parent": root.pk},
                           REMOTE_ADDR="198.51.100.23")
    assert response.status_code == 302
    entry = AuditEntry.objects.get(model="wagtailcore.collection", action="create")
    assert (entry.username, entry.ip_address, entry.object_repr) == ("quantri", "198.51.100.23", "Ảnh hội nghị")


def test_service_saves_in_a_staff_request_are_logged_but_public_requests_are_not(client, db, rf):
    from pbgdpl.audit.signals import _current

    editor = _staff("bientap", "Biên tập viên")
    request = rf.post("/quan-tri/anything/", REMOTE_ADDR="10.1.2.3")
    request.user = editor
    token = _current.set(request)
    try:
        issuer = Issuer.objects.first()
        issuer.save()
    finally:
        _current.reset(token)
    assert AuditEntry.objects.filter(model="legal.issuer", action="update", username="bientap",
                                     ip_address="10.1.2.3").exists()
    before = AuditEntry.objects.count()
    client.get("/hoi-dap/")  # anonymous visitor: nothing logged
    Issuer.objects.first().save()  # no request at all (management command): nothing logged
    assert AuditEntry.objects.count() == before


def test_only_administrators_read_the_log_and_can_filter(client, db):
    admin = _staff("quantri2", "Quản trị")
    board = _staff("banbientap", "Ban biên tập")
    AuditEntry.objects.create(username="nguyenvana", action="update", model="legal.legaldocument", object_repr="Luật A",
                              ip_address="10.0.0.1")
    AuditEntry.objects.create(username="tranthib", action="delete", model="wagtailcore.page", object_repr="Trang B",
                              ip_address="10.0.0.2")
    client.force_login(board)
    refused = client.get("/quan-tri/nhat-ky-thao-tac/")
    assert refused.status_code == 302 and refused["Location"] == "/quan-tri/"  # Wagtail's "no permission"
    client.force_login(admin)
    page = client.get("/quan-tri/nhat-ky-thao-tac/", {"user": "nguyen", "action": "update"}).content.decode()
    assert "Luật A" in page and "Trang B" not in page
    bad = client.get("/quan-tri/nhat-ky-thao-tac/", {"from": "31/02/2026<script>"})
    assert bad.status_code == 200 and "không hợp lệ" in bad.content.decode()
    assert "<script>" not in bad.content.decode().split("không hợp lệ")[0][-200:]


def test_retention(db, settings):
    settings.AUDIT_RETENTION_DAYS = 30
    with time_machine.travel(datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)):
        AuditEntry.objects.create(username="cu", action="update", model="x.y")
    AuditEntry.objects.create(username="moi", action="update", model="x.y")
    call_command("audit_prune", stdout=__import__("io").StringIO())
    assert list(AuditEntry.objects.values_list("username", flat=True)) == ["moi"]
