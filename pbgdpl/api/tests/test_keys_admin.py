"""Administrators issue a key that is shown once and stored hashed, and revoke it."""

from __future__ import annotations

import re

import pytest

from pbgdpl.api.models import ApiKey, hash_key


@pytest.mark.django_db
def test_issue_show_once_and_revoke(admin_client, client):
    response = admin_client.post("/quan-tri/khoa-api/new/", {"name": "Cổng dữ liệu tỉnh", "contact": "",
                                                              "scopes": ["read"], "per_minute": 600})
    html = response.content.decode()
    raw = re.search(r'value="(pbg_[^"]+)"', html).group(1)
    key = ApiKey.objects.get()
    assert key.key_hash == hash_key(raw) and raw not in str(ApiKey.objects.values())
    assert raw not in admin_client.get("/quan-tri/khoa-api/").content.decode()
    assert client.get("/api/v1/documents", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200
    admin_client.post(f"/quan-tri/khoa-api/edit/{key.pk}/", {"name": key.name, "contact": "", "per_minute": 600})
    key.refresh_from_db()
    assert not key.active and key.revoked_at is not None
    assert client.get("/api/v1/documents", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401
