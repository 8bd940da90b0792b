"""The open datasets (registries, statistics) through /api/v1/datasets, paged, documented fields only."""

from __future__ import annotations

import datetime

import pytest

from pbgdpl.core.open_data import Dataset, Field, register_dataset, unregister_dataset


@pytest.fixture
def sample_dataset():
    rows = [{"xa": f"Xã {i}", "so_buoi": i, "ngay": datetime.date(2026, 1, i % 28 + 1), "ghi_chu_noi_bo": "bí mật"}
            for i in range(1, 8)]
    register_dataset(Dataset(slug="kiem-thu-api", title="Kiểm thử API", description="Số buổi tuyên truyền.",
                             fields=[Field("xa", "chuỗi", "Tên xã"), Field("so_buoi", "số nguyên", "Số buổi"),
                                     Field("ngay", "ngày", "Ngày báo cáo")], rows=lambda: rows))
    yield
    unregister_dataset("kiem-thu-api")


@pytest.mark.django_db
def test_registries_and_statistics_are_listed_and_paged_with_their_documented_fields_only(client, sample_dataset):
    listed = {d["slug"]: d for d in client.get("/api/v1/datasets").json()}
    assert {"bao-cao-vien", "to-hoa-giai", "kiem-thu-api"} <= set(listed)  # reporting's registries are there
    assert [f["name"] for f in listed["kiem-thu-api"]["fields"]] == ["xa", "so_buoi", "ngay"]

    first = client.get("/api/v1/datasets/kiem-thu-api", {"limit": 5}).json()
    assert first["total"] == 7 and first["next_offset"] == 5 and len(first["rows"]) == 5
    assert first["rows"][0] == {"xa": "Xã 1", "so_buoi": 1, "ngay": "2026-01-02"}  # no undocumented field
    rest = client.get("/api/v1/datasets/kiem-thu-api", {"offset": 5, "limit": 5}).json()
    assert [r["xa"] for r in rest["rows"]] == ["Xã 6", "Xã 7"] and rest["next_offset"] is None

    missing = client.get("/api/v1/datasets/khong-co")
    assert missing.status_code == 404 and missing["Content-Type"].startswith("application/problem+json")
