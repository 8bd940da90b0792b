"""Sample land price tables (labelled as samples): two successive tables for a few communes and streets."""

from __future__ import annotations

import datetime
from io import BytesIO

from openpyxl import Workbook

from .importer import COLUMNS, import_table

POSITION_RULES = (
    "Vị trí 1: thửa đất có ít nhất một mặt giáp đường, phố có tên trong bảng giá.\n"
    "Vị trí 2: thửa đất giáp ngõ có mặt cắt từ 3,5 m trở lên nối với đường, phố.\n"
    "Vị trí 3: thửa đất giáp ngõ có mặt cắt từ 2 m đến dưới 3,5 m.\n"
    "Vị trí 4: các thửa đất còn lại.\n"
    "(Dữ liệu mẫu để trình diễn, không phải quy định thật.)"
)
# (commune, street, segment from, segment to, price of position 1 in the newer table, đồng/m²)
SEGMENTS = (
    ("Phường Phố Hiến", "Đường Nguyễn Văn Linh", "Nút giao Điện Biên", "Cầu Hồng Châu", 32_000_000),
    ("Phường Phố Hiến", "Đường Nguyễn Văn Linh", "Cầu Hồng Châu", "Hết địa phận phường", 24_000_000),
    ("Phường Phố Hiến", "Đường Điện Biên", "Đầu đường", "Cuối đường", 38_000_000),
    ("Phường Phố Hiến", "Phố Bạch Đằng", "Đầu phố", "Cuối phố", 21_000_000),
    ("Phường Sơn Nam", "Đường Tô Hiệu", "Đầu đường", "Ngã tư Chùa Chuông", 27_000_000),
    ("Phường Sơn Nam", "Đường Chùa Chuông", "Đầu đường", "Cuối đường", 18_000_000),
    ("Phường Hồng Châu", "Đường Nguyễn Thiện Thuật", "Đầu đường", "Cuối đường", 16_000_000),
    ("Phường Hồng Châu", "Đường Triệu Quang Phục", "Đầu đường", "Cuối đường", 12_000_000),
    ("Phường Mỹ Hào", "Quốc lộ 5", "Giáp Hải Dương", "Ngã ba Bần", 20_000_000),
    ("Phường Mỹ Hào", "Đường Lê Lai", "Đầu đường", "Cuối đường", 9_000_000),
    ("Xã Ân Thi", "Quốc lộ 38", "Cầu Ân Thi", "Hết địa phận xã", 7_500_000),
    ("Xã Ân Thi", "Đường trục xã", "Ủy ban nhân dân xã", "Chợ Ân Thi", 4_000_000),
)


def sample_workbook(scale: float) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append([header for _name, header in COLUMNS])
    for commune, street, start, end, price in SEGMENTS:
        first = int(price * scale / 1000) * 1000
        urban = commune.startswith("Phường")
        land_types = ("Đất ở tại đô thị", "Đất thương mại, dịch vụ tại đô thị") if urban else (
            "Đất ở tại nông thôn", "Đất thương mại, dịch vụ tại nông thôn")
        for land_type, share in zip(land_types, (1.0, 0.6), strict=True):
            base = int(first * share / 1000) * 1000
            sheet.append([commune, street, start, end, land_type, base, base * 6 // 10, base * 4 // 10, base * 3 // 10])
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def load_demo_land_prices(stdout=None) -> str:
    from ..models import LandPriceTable

    if LandPriceTable.objects.filter(is_sample=True).exists():
        return "Bảng giá đất mẫu đã có."
    older = import_table(sample_workbook(0.8), title="Bảng giá đất giai đoạn 2020–2024 (mẫu)",
                         valid_from=datetime.date(2020, 1, 1), valid_to=datetime.date(2024, 12, 31),
                         position_rules=POSITION_RULES, is_sample=True, source_file="mau-2020.xlsx")
    newer = import_table(sample_workbook(1.0), title="Bảng giá đất áp dụng từ năm 2025 (mẫu)",
                         valid_from=datetime.date(2025, 1, 1), position_rules=POSITION_RULES, is_sample=True,
                         source_file="mau-2025.xlsx")
    problems = older.errors + newer.errors
    if problems:
        return "Bảng giá đất mẫu lỗi: " + "; ".join(problems[:3])
    return f"2 bảng giá đất mẫu, {older.rows + newer.rows} dòng."
