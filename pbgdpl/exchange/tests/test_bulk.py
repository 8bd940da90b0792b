"""Bulk open data of the registry: public documents only, provisions nested and in their own CSV,
listed on /du-lieu-mo/, replaced atomically (a failed run keeps the previous files)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from pbgdpl.core import open_data_bulk
from pbgdpl.exchange.bulk import DATASET
from pbgdpl.legal.tests.factories import create_document

TEXT = "Điều 1. Phạm vi\n1. Luật này quy định về hòa giải.\na) Nguyên tắc;\nĐiều 2. Đối tượng\nCá nhân."


@pytest.fixture
def files_dir(settings, tmp_path):
    settings.OPEN_DATA_DIR = tmp_path / "open-data"
    return settings.OPEN_DATA_DIR / DATASET.slug


@pytest.mark.django_db
def test_nightly_files_hold_public_documents_with_provisions(client, files_dir):
    law = create_document("1/2024/QH15", title="Luật hòa giải thử", text=TEXT)
    create_document("2/2024/QH15", title="Bản nháp chưa đăng", text=TEXT, publish=False)
    open_data_bulk.generate_bulk_files.enqueue()

    lines = [json.loads(line) for line in (files_dir / "van-ban.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [line["so_ky_hieu"] for line in lines] == ["1/2024/QH15"]
    eids = [p["eid"] for p in lines[0]["dieu_khoan"]]
    assert eids[:3] == ["dieu-1", "dieu-1-khoan-1", "dieu-1-khoan-1-diem-a"]
    assert lines[0]["dieu_khoan"][2]["eid_cha"] == "dieu-1-khoan-1"

    page = client.get("/du-lieu-mo/").content.decode()
    assert "Toàn bộ cơ sở dữ liệu văn bản pháp luật" in page and "/du-lieu-mo/tai-ve/van-ban-phap-luat/dieu-khoan.csv" in page
    download = client.get("/du-lieu-mo/tai-ve/van-ban-phap-luat/dieu-khoan.csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(download.streaming_content).decode("utf-8-sig"))))
    assert {row["van_ban"] for row in rows} == {law.slug} and len(rows) == len(eids)
    documents = (files_dir / "van-ban.csv").read_text(encoding="utf-8-sig")
    assert "Bản nháp chưa đăng" not in documents and "Luật hòa giải thử" in documents
    answer = client.get("/du-lieu-mo/tai-ve/van-ban-phap-luat/tu-dien-du-lieu.json")
    dictionary = json.loads(b"".join(answer.streaming_content))
    assert [f["name"] for f in dictionary["files"]] == ["van-ban.jsonl", "van-ban.csv", "dieu-khoan.csv"]
    assert client.get("/du-lieu-mo/tai-ve/van-ban-phap-luat/khac.csv").status_code == 404


@pytest.mark.django_db
def test_a_failed_run_keeps_the_previous_files(files_dir):
    create_document("1/2024/QH15", text=TEXT)
    open_data_bulk.generate(DATASET)
    before = (files_dir / "van-ban.jsonl").read_text(encoding="utf-8")

    def broken(directory):
        (directory / "van-ban.jsonl").write_text("nửa chừng", encoding="utf-8")
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        open_data_bulk.generate(type(DATASET)(**{**DATASET.__dict__, "write": broken}))
    assert (files_dir / "van-ban.jsonl").read_text(encoding="utf-8") == before
    assert sorted(p.name for p in files_dir.parent.iterdir()) == [DATASET.slug]  # no scratch left
