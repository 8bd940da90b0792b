"""Land price tables: imported all or nothing with row-by-row errors, looked up as citizens type."""

from __future__ import annotations

import datetime
from io import BytesIO

import pytest
from openpyxl import Workbook, load_workbook

from pbgdpl.lookups.landprices.demo import load_demo_land_prices
from pbgdpl.lookups.landprices.importer import COLUMNS, import_table, template_workbook
from pbgdpl.lookups.models import LandPriceRow, LandPriceTable

COMMUNES = ("Phường Phố Hiến", "Phường Sơn Nam", "Xã Ân Thi")
URL = "/tra-cuu/gia-dat/"


def _xlsx(rows, *, merge: str = "", headers=None) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(headers or [header for _name, header in COLUMNS])
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


GOOD = ["Phường Phố Hiến", "Đường Nguyễn Văn Linh", "Đầu đường", "Cuối đường", "Đất ở tại đô thị", 30_000_000, "18.000.000", None, None]


@pytest.mark.django_db
def test_a_file_with_errors_imports_nothing_and_says_where(db):
    bad_rows = [
        GOOD,
        ["Phường Sơn Nam", "Đường Tô Hiệu", "", "", "Đất ở tại đô thị", "thỏa thuận", None, None, None],
        ["Phường Không Có", "Đường A", "", "", "Đất ở tại đô thị", 1_000_000, None, None, None],
        ["Xã Ân Thi", "Quốc lộ 38", "", "", "", None, None, None, None],
    ]
    result = import_table(_xlsx(bad_rows), title="Thử", valid_from=datetime.date(2025, 1, 1), communes=COMMUNES)
    assert not result.ok
    assert result.errors == [
        "Dòng 3, cột “Giá vị trí 1 (đồng/m²)”: “thỏa thuận” không phải là số.",
        "Dòng 3: thiếu “Giá vị trí 1 (đồng/m²)”.",
        "Dòng 4: “Phường Không Có” không có trong danh sách xã, phường của tỉnh.",
        "Dòng 5: thiếu “Loại đất”.",
        "Dòng 5: thiếu “Giá vị trí 1 (đồng/m²)”.",
    ]
    assert not LandPriceTable.objects.exists() and not LandPriceRow.objects.exists()


@pytest.mark.django_db
def test_merged_cells_and_a_wrong_layout_are_refused(db):
    merged = import_table(_xlsx([GOOD, GOOD], merge="A2:A3"), title="Thử", valid_from=datetime.date(2025, 1, 1),
                          communes=COMMUNES)
    # The merged cell leaves row 3 without its commune: both rows are named.
    assert [error[:24] for error in merged.errors] == ["Dòng 2: có ô gộp (merge)", "Dòng 3: có ô gộp (merge)",
                                                       "Dòng 3: thiếu “Xã/phường"]
    wrong = import_table(_xlsx([GOOD], headers=["Tên đường", "Xã"]), title="Thử", valid_from=datetime.date(2025, 1, 1))
    assert wrong.errors[0].startswith("Sai mẫu: cột 1 phải là “Xã/phường”")
    garbage = import_table(b"not a spreadsheet", title="Thử", valid_from=datetime.date(2025, 1, 1))
    assert garbage.errors[0].startswith("Không đọc được tệp")
    assert not LandPriceTable.objects.exists()


@pytest.mark.django_db
def test_template_round_trip_and_dotted_prices(db):
    book = load_workbook(BytesIO(template_workbook()))
    assert [cell.value for cell in book.active[1]] == [header for _name, header in COLUMNS]
    result = import_table(_xlsx([GOOD]), title="Thử", valid_from=datetime.date(2025, 1, 1), communes=COMMUNES)
    assert result.ok and result.rows == 1
    row = LandPriceRow.objects.get()
    assert (row.price_1, row.price_2, row.price_3) == (30_000_000, 18_000_000, None)
    assert row.street_folded == "duong nguyen van linh"


@pytest.mark.django_db
def test_lookup_without_diacritics_explains_the_segment_and_keeps_history(client, db):
    load_demo_land_prices()
    html = client.get(URL, {"xa": "pho hien", "duong": "nguyen van linh"}).content.decode()
    assert "Đường Nguyễn Văn Linh: đoạn từ Nút giao Điện Biên đến Cầu Hồng Châu" in html
    assert "32.000.000 đồng" in html and "19.200.000 đồng" in html  # positions 1 and 2
    assert "Vị trí 2: thửa đất giáp ngõ" in html
    assert "Bảng giá đất giai đoạn 2020–2024 (mẫu)" in html  # the older decision's price, as history
    assert "Dữ liệu mẫu" in html
    # A whole sentence works too, and a date picks the table of its time.
    html = client.get(URL, {"q": "giá đất đường Điện Biên phường Phố Hiến", "ngay": "01/06/2023"}).content.decode()
    html = html.split('id="lk-results"')[1]
    assert "Đường Điện Biên" in html and "30.400.000 đồng" in html and "Nguyễn Văn Linh" not in html
    html = client.get(URL, {"duong": "Le Loi"}).content.decode()
    assert "Không tìm thấy đoạn đường phù hợp" in html
    html = client.get(URL, {"duong": "Điện Biên", "ngay": "01/06/2019"}).content.decode()
    assert "Chưa có bảng giá đất áp dụng vào ngày 01/06/2019" in html


@pytest.mark.django_db
def test_admin_import_screen(client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("gia-dat", password="Mat-khau-rat-dai-2026")
    user.user_permissions.add(*Permission.objects.filter(codename__in=["access_admin", "add_landpricetable",
                                                                       "view_landpricetable"]))
    client.force_login(user)
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("gia.xlsx", _xlsx([GOOD[:5] + ["abc", None, None, None]]))
    response = client.post("/quan-tri/tra-cuu/bang-gia-dat/nhap/", {"file": upload, "title": "Bảng 2026",
                                                                      "valid_from": "01/01/2026"})
    assert response.status_code == 200
    assert "“abc” không phải là số" in response.content.decode() and not LandPriceTable.objects.exists()
    upload = SimpleUploadedFile("gia.xlsx", _xlsx([GOOD]))
    response = client.post("/quan-tri/tra-cuu/bang-gia-dat/nhap/", {"file": upload, "title": "Bảng 2026",
                                                                      "valid_from": "01/01/2026"})
    assert response.status_code == 302 and LandPriceTable.objects.get().rows.count() == 1
    assert client.get("/quan-tri/tra-cuu/bang-gia-dat/mau.xlsx").status_code == 200
