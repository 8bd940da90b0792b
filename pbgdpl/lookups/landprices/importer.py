"""Import a land price table from the department's XLSX template: all rows or none.

Every problem is reported by row and column in Vietnamese (a merged cell, a missing price, text in a
price column, an unknown commune), and nothing is written unless the whole file is clean: a table
half imported would show citizens prices for some streets and silence for others.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from io import BytesIO
from zipfile import BadZipFile

from django.db import transaction
from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from pbgdpl.core.text import search_key

from ..models import LandPriceRow, LandPriceTable

#: (field, header in the template). Headers are matched without diacritics or case.
COLUMNS = (
    ("commune", "Xã/phường"),
    ("street", "Tên đường/phố"),
    ("segment_from", "Đoạn từ"),
    ("segment_to", "Đến"),
    ("land_type", "Loại đất"),
    ("price_1", "Giá vị trí 1 (đồng/m²)"),
    ("price_2", "Giá vị trí 2 (đồng/m²)"),
    ("price_3", "Giá vị trí 3 (đồng/m²)"),
    ("price_4", "Giá vị trí 4 (đồng/m²)"),
)
REQUIRED = ("commune", "street", "land_type", "price_1")
MAX_ERRORS = 200
BATCH = 2000


@dataclass
class ImportResult:
    table: LandPriceTable | None = None
    rows: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.table is not None and not self.errors


def fold(text: str) -> str:
    """What citizens' typing is compared with (``core.text.search_key``)."""
    return search_key(text)


def _header_key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text).split("(")[0])


def template_workbook() -> bytes:
    """The empty template with its headers and two example rows (to be deleted before import)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Bảng giá đất"
    sheet.append([header for _name, header in COLUMNS])
    sheet.append(["Phường Phố Hiến", "Đường Nguyễn Văn Linh", "Đầu đường", "Cuối đường", "Đất ở tại đô thị",
                  25_000_000, 15_000_000, 10_000_000, 7_000_000])
    notes = book.create_sheet("Hướng dẫn")
    for line in (
        "Mỗi dòng là một đoạn đường của một loại đất. Không gộp ô (merge); mỗi ô một giá trị.",
        "Giá ghi bằng số, đơn vị đồng/m² (ví dụ 25000000). Vị trí 2–4 có thể để trống nếu quyết định không quy định.",
        "Tên xã, phường theo danh sách đơn vị hành chính từ 01/7/2025 (ví dụ “Phường Phố Hiến”).",
        "Xóa dòng ví dụ trước khi nhập.",
    ):
        notes.append([line])
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _price(value, label: str, errors: list[str], where: str) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, bool):
        errors.append(f"{where}, cột “{label}”: phải là số.")
        return None
    if isinstance(value, int | float):
        if value < 0 or (isinstance(value, float) and not value.is_integer()):
            errors.append(f"{where}, cột “{label}”: giá phải là số nguyên không âm.")
            return None
        return int(value)
    text = str(value).strip().replace(" ", "")
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+|\d+", text):
        return int(re.sub(r"[.,]", "", text))
    errors.append(f"{where}, cột “{label}”: “{value}” không phải là số.")
    return None


def read_rows(content: bytes, communes: tuple[str, ...] | None) -> tuple[list[dict], list[str]]:
    """Rows as dicts (with their line number) and the errors found; rows are usable only without errors."""
    try:
        book = load_workbook(BytesIO(content), data_only=True)
    except (InvalidFileException, BadZipFile, OSError, KeyError, ValueError) as error:
        return [], [f"Không đọc được tệp: cần tệp Excel .xlsx theo mẫu ({type(error).__name__})."]
    sheet = book.worksheets[0]
    errors: list[str] = []
    headers = [cell.value for cell in next(sheet.iter_rows(min_row=1, max_row=1))]
    for index, (_name, expected) in enumerate(COLUMNS):
        found = headers[index] if index < len(headers) else None
        if _header_key(found or "") != _header_key(expected):
            errors.append(f"Sai mẫu: cột {index + 1} phải là “{expected}” (tệp có “{found or ''}”). Hãy dùng tệp mẫu.")
    if errors:
        return [], errors
    merged_rows = set()
    for merged in sheet.merged_cells.ranges:
        merged_rows.update(range(max(merged.min_row, 2), merged.max_row + 1))
    known = {fold(name): name for name in communes} if communes else None
    rows: list[dict] = []
    for line, values in enumerate(sheet.iter_rows(min_row=2, max_col=len(COLUMNS), values_only=True), start=2):
        if all(value in (None, "") for value in values):
            continue
        where = f"Dòng {line}"
        if line in merged_rows:
            errors.append(f"{where}: có ô gộp (merge); hãy bỏ gộp và điền đủ giá trị cho từng dòng.")
        row = {"line": line}
        for (name, label), value in zip(COLUMNS, values, strict=False):
            if name.startswith("price_"):
                row[name] = _price(value, label, errors, where)
            else:
                row[name] = re.sub(r"\s+", " ", str(value or "")).strip()[:300]
        for name in REQUIRED:
            if row.get(name) in (None, ""):
                label = dict(COLUMNS)[name]
                errors.append(f"{where}: thiếu “{label}”.")
        if known is not None and row["commune"] and fold(row["commune"]) not in known:
            errors.append(f"{where}: “{row['commune']}” không có trong danh sách xã, phường của tỉnh.")
        elif known is not None and row["commune"]:
            row["commune"] = known[fold(row["commune"])]
        rows.append(row)
        if len(errors) >= MAX_ERRORS:
            errors.append(f"Dừng kiểm tra sau {MAX_ERRORS} lỗi.")
            break
    if not rows and not errors:
        errors.append("Tệp không có dòng giá đất nào.")
    return rows, errors


def import_table(content: bytes, *, title: str, valid_from: datetime.date, valid_to: datetime.date | None = None,
                 decision=None, position_rules: str = "", is_sample: bool = False, source_file: str = "",
                 communes: tuple[str, ...] | None = None) -> ImportResult:
    """Check the whole file, then write the table and all its rows in one transaction (or nothing)."""
    rows, errors = read_rows(content, communes)
    if valid_to and valid_to < valid_from:
        errors.append("Ngày hết áp dụng phải sau ngày bắt đầu áp dụng.")
    if errors:
        return ImportResult(errors=errors)
    with transaction.atomic():
        table = LandPriceTable.objects.create(
            title=title, valid_from=valid_from, valid_to=valid_to, decision=decision,
            position_rules=position_rules, is_sample=is_sample, source_file=source_file[:300],
        )
        objects = [
            LandPriceRow(table=table, commune_folded=fold(row["commune"]), street_folded=fold(row["street"]), **row)
            for row in rows
        ]
        LandPriceRow.objects.bulk_create(objects, batch_size=BATCH)
    return ImportResult(table=table, rows=len(rows))
