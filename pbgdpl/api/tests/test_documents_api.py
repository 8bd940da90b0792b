"""/api/v1/documents: the registry as data, with cursors, conditional GETs, limits and problem details."""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache

from pbgdpl.api.models import ApiKey
from pbgdpl.legal.tests.factories import LegalDocumentFactory

TEXT = "Điều 1. Phạm vi điều chỉnh\n1. Luật này quy định về hòa giải.\na) Nguyên tắc hòa giải;\nĐiều 2. Đối tượng áp dụng\nCá nhân, tổ chức."


@pytest.fixture
def documents(db):
    made = []
    for i in range(5):
        made.append(LegalDocumentFactory(number=f"{i + 1}/2024/QH15", title=f"Luật thử nghiệm số {i + 1}",
                                         doc_type="Luật", text=TEXT, issued_on=datetime.date(2024, 1, i + 1),
                                         effective_from=datetime.date(2024, 7, 1)))
    return made


def test_list_pages_with_a_cursor_and_reports_validity(client, documents):
    first = client.get("/api/v1/documents", {"limit": 2}).json()
    assert [item["number"] for item in first["items"]] == ["5/2024/QH15", "4/2024/QH15"]
    assert first["items"][0]["validity"] == "in_force" or first["items"][0]["validity_label"]
    second = client.get("/api/v1/documents", {"limit": 2, "cursor": first["next_cursor"]}).json()
    third = client.get("/api/v1/documents", {"limit": 2, "cursor": second["next_cursor"]}).json()
    numbers = [item["number"] for page in (first, second, third) for item in page["items"]]
    assert numbers == [f"{n}/2024/QH15" for n in (5, 4, 3, 2, 1)] and third["next_cursor"] is None
    before = client.get("/api/v1/documents", {"ngay": "2024-06-30", "limit": 1}).json()["items"][0]
    assert before["validity_label"] == "Chưa có hiệu lực"


def test_detail_has_the_provision_tree_and_one_provision_by_eid(client, documents):
    slug = documents[0].slug
    detail = client.get(f"/api/v1/documents/{slug}").json()
    assert [p["eid"] for p in detail["provisions"]] == ["dieu-1", "dieu-2"]
    assert detail["provisions"][0]["children"][0]["children"][0]["eid"] == "dieu-1-khoan-1-diem-a"
    point = client.get(f"/api/v1/documents/{slug}/provisions/dieu-1-khoan-1-diem-a").json()
    assert point["text"] == "Nguyên tắc hòa giải;"
    missing = client.get(f"/api/v1/documents/{slug}/provisions/dieu-99")
    assert missing.status_code == 404 and missing["Content-Type"] == "application/problem+json"
    assert missing.json()["status"] == 404


def test_conditional_get_answers_304_until_the_list_changes(client, documents):
    first = client.get("/api/v1/documents")
    etag = first["ETag"]
    assert first["Access-Control-Allow-Origin"] == "*" and first["Last-Modified"]
    assert client.get("/api/v1/documents", HTTP_IF_NONE_MATCH=etag).status_code == 304
    LegalDocumentFactory(number="9/2025/QH15", title="Luật mới", doc_type="Luật", text=TEXT,
                         issued_on=datetime.date(2025, 1, 1))
    changed = client.get("/api/v1/documents", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_bad_parameters_and_cursors_are_problem_details(client, documents):
    response = client.get("/api/v1/documents", {"limit": "abc"})
    assert response.status_code == 422 and response.json()["title"] == "Tham số không hợp lệ"
    response = client.get("/api/v1/documents", {"cursor": "%%%"})
    assert response.status_code == 400 and "cursor" in response.json()["detail"]


def test_rate_limits_per_client_and_per_key(client, documents, settings):
    settings.API_ANON_PER_MINUTE = 3
    cache.clear()
    statuses = [client.get("/api/v1/documents").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    key, raw = ApiKey.issue("Sở Tư pháp tỉnh bạn", per_minute=10)
    assert client.get("/api/v1/documents", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200
    key.revoke()
    refused = client.get("/api/v1/documents", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert refused.status_code == 401 and refused.json()["title"] == "Cần khóa API"
    assert raw not in str(ApiKey.objects.values_list("key_hash", "prefix"))


def test_openapi_document_is_31_and_lists_the_routes(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.1")
    assert {"/api/v1/documents", "/api/v1/documents/{slug}", "/api/v1/documents/{slug}/provisions/{eid}"} <= set(schema["paths"])


def test_control_characters_in_filters_match_nothing(client, documents):
    # PostgreSQL refuses NUL bytes in a query: such a value must be dropped, not sent (found by the
    # property-based run).
    response = client.get("/api/v1/documents", {"loai": "luat\x00", "nam": "\x002024"})
    assert response.status_code == 200
    html = client.get("/van-ban/", {"loai": "luat\x00"})
    assert html.status_code == 200
