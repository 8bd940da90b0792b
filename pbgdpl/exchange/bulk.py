"""The legal registry as bulk open data: van-ban.jsonl (documents with nested provisions),
van-ban.csv and dieu-khoan.csv, with a data dictionary. Registered from ``ExchangeConfig.ready()``
as an ``open_data.BulkDataset``; the nightly job ``core.open_data_bulk.generate_bulk_files`` writes it.

Only published documents (what a visitor can open); provisions of their current version.
Rows are streamed in batches so memory stays flat however large the registry grows.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from pbgdpl.core.exports import csv_row
from pbgdpl.core.open_data import BulkDataset, BulkFile, Field
from pbgdpl.core.site_address import site_base
from pbgdpl.legal.models import LegalDocument, Provision
from pbgdpl.legal.selectors import public_documents

DOCUMENT_FIELDS = [
    Field("slug", "chuỗi", "Mã đường dẫn của văn bản trên cổng (duy nhất)"),
    Field("so_ky_hieu", "chuỗi", "Số ký hiệu"),
    Field("trich_yeu", "chuỗi", "Trích yếu"),
    Field("loai_van_ban", "chuỗi", "Loại văn bản"),
    Field("co_quan_ban_hanh", "chuỗi", "Cơ quan ban hành"),
    Field("nguoi_ky", "chuỗi", "Người ký"),
    Field("ngay_ban_hanh", "ngày", "Ngày ban hành (YYYY-MM-DD)"),
    Field("ngay_hieu_luc", "ngày", "Ngày có hiệu lực"),
    Field("ngay_het_hieu_luc", "ngày", "Ngày hết hiệu lực (trống nếu chưa)"),
    Field("tinh_trang_hieu_luc", "chuỗi", "Mã tình trạng hiệu lực khi tạo tệp"),
    Field("pham_vi", "chuỗi", "central / provincial / commune"),
    Field("linh_vuc", "chuỗi", "Các lĩnh vực, ngăn cách bằng dấu ;"),
    Field("du_thao_lay_y_kien", "có/không", "Dự thảo đang hoặc đã lấy ý kiến"),
    Field("tom_tat", "chuỗi", "Tóm tắt"),
    Field("dia_chi", "chuỗi", "Địa chỉ trang văn bản trên cổng"),
]
PROVISION_FIELDS = [
    Field("van_ban", "chuỗi", "slug của văn bản chứa điều khoản"),
    Field("eid", "chuỗi", "Mã định danh điều khoản, duy nhất trong văn bản (ví dụ art_5__cl_2)"),
    Field("eid_cha", "chuỗi", "eid của phần chứa nó (trống nếu ở cấp cao nhất)"),
    Field("loai", "chuỗi", "part / chapter / section / article / clause / point"),
    Field("so", "chuỗi", "Số hiệu (5, 2, a…)"),
    Field("tieu_de", "chuỗi", "Tiêu đề"),
    Field("noi_dung", "chuỗi", "Nội dung"),
    Field("thu_tu", "số nguyên", "Thứ tự trong văn bản"),
]
BATCH = 200


def _documents():
    queryset = (public_documents().select_related("doc_type", "issuer").prefetch_related("fields")
                .defer("full_text").order_by("pk"))
    last = 0
    while True:
        batch = list(queryset.filter(pk__gt=last)[:BATCH])
        if not batch:
            return
        yield from batch
        last = batch[-1].pk


def _document_row(document: LegalDocument) -> dict:
    base = site_base()
    return {
        "slug": document.slug, "so_ky_hieu": document.number, "trich_yeu": document.title,
        "loai_van_ban": document.doc_type.name, "co_quan_ban_hanh": document.issuer.name,
        "nguoi_ky": document.signer, "ngay_ban_hanh": _iso(document.issued_on),
        "ngay_hieu_luc": _iso(document.effective_from), "ngay_het_hieu_luc": _iso(document.effective_to),
        "tinh_trang_hieu_luc": document.validity, "pham_vi": document.scope,
        "linh_vuc": ";".join(field.name for field in document.fields.all()),
        "du_thao_lay_y_kien": document.is_draft_for_comment, "tom_tat": document.summary,
        "dia_chi": base + document.get_absolute_url(),
    }


def _iso(day) -> str | None:
    return day.isoformat() if day else None


def _provision_rows(document: LegalDocument) -> list[dict]:
    if not document.current_version_id:
        return []
    rows = list(Provision.objects.filter(version_id=document.current_version_id).order_by("order")
                .values("id", "parent_id", "eid", "kind", "number", "title", "text", "order"))
    eids = {row["id"]: row["eid"] for row in rows}
    return [{"van_ban": document.slug, "eid": row["eid"], "eid_cha": eids.get(row["parent_id"], ""),
             "loai": row["kind"], "so": row["number"], "tieu_de": row["title"], "noi_dung": row["text"],
             "thu_tu": row["order"]} for row in rows]


def write(directory: Path) -> None:
    """Write the three files in one pass over the registry."""
    doc_names = [f.name for f in DOCUMENT_FIELDS]
    prov_names = [f.name for f in PROVISION_FIELDS]
    with (open(directory / "van-ban.jsonl", "w", encoding="utf-8") as jsonl,
          open(directory / "van-ban.csv", "w", encoding="utf-8-sig", newline="") as doc_csv,
          open(directory / "dieu-khoan.csv", "w", encoding="utf-8-sig", newline="") as prov_csv):
        docs, provs = csv.writer(doc_csv), csv.writer(prov_csv)
        docs.writerow(doc_names)
        provs.writerow(prov_names)
        for document in _documents():
            row = _document_row(document)
            provisions = _provision_rows(document)
            jsonl.write(json.dumps({**row, "dieu_khoan": [{k: v for k, v in p.items() if k != "van_ban"}
                                                          for p in provisions]}, ensure_ascii=False) + "\n")
            docs.writerow(csv_row(row[name] for name in doc_names))
            for provision in provisions:
                provs.writerow(csv_row(provision[name] for name in prov_names))


DATASET = BulkDataset(
    slug="van-ban-phap-luat",
    title="Toàn bộ cơ sở dữ liệu văn bản pháp luật",
    description=("Mọi văn bản đang công khai trên cổng kèm từng phần, chương, điều, khoản, điểm; tạo lại "
                 "hằng đêm. JSONL: mỗi dòng một văn bản, điều khoản lồng trong trường dieu_khoan. CSV: "
                 "hai bảng nối với nhau bằng slug văn bản."),
    files=[BulkFile("van-ban.jsonl", "Văn bản kèm điều khoản, mỗi dòng một văn bản (JSON Lines)",
                    DOCUMENT_FIELDS + [Field("dieu_khoan", "danh sách", "Các điều khoản, trường như dieu-khoan.csv")]),
           BulkFile("van-ban.csv", "Bảng văn bản (CSV, UTF-8)", DOCUMENT_FIELDS),
           BulkFile("dieu-khoan.csv", "Bảng điều khoản (CSV, UTF-8)", PROVISION_FIELDS)],
    write=write,
)
