"""Excel round trip: template → filled → upload, with row-by-row errors; the totals export."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from pbgdpl.reporting.models import Return, ReturnStatus

from .conftest import GOOD, form_data


def _template(client, period, unit) -> Workbook:
    response = client.get(reverse("reporting_admin:template", args=[period.pk, unit.pk]))
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content))


def _upload(client, period, unit, wb: Workbook):
    out = io.BytesIO()
    wb.save(out)
    upload = SimpleUploadedFile("bao-cao.xlsx", out.getvalue())
    return client.post(reverse("reporting_admin:return", args=[period.pk, unit.pk]),
                       {"action": "upload", "file": upload}, follow=True)


def _fill(wb: Workbook, figures: dict[str, object]) -> None:
    ws = wb.active
    for row in ws.iter_rows(min_row=7):
        if row[0].value in figures:
            row[3].value = figures[row[0].value]


def test_filled_template_round_trips_into_the_return(client, officers, province, period):
    client.force_login(officers["a"])
    wb = _template(client, period, province["a"])
    ws = wb.active
    assert ws["B2"].value == "PBGDPL-6T" and ws["B4"].value == "X1"
    _fill(wb, {code: int(value.replace(".", "")) for code, value in GOOD.items()})
    response = _upload(client, period, province["a"], wb)
    assert "Đã lưu số liệu từ tệp Excel" in response.content.decode()
    ret = Return.objects.get(unit=province["a"], period=period)
    assert {v.indicator.code: int(v.value) for v in ret.values.select_related("indicator")}["PB02"] == 1250
    assert ret.events.first().action == "uploaded"
    # The template downloaded again carries the saved figures.
    again = _template(client, period, province["a"]).active
    assert {r[0].value: r[3].value for r in again.iter_rows(min_row=7)}["PB02"] == 1250


def test_row_errors_are_listed_and_nothing_is_saved(client, officers, province, period):
    client.force_login(officers["a"])
    wb = _template(client, period, province["a"])
    _fill(wb, {"PB01": "nhiều", "HG03": 5, "HG04": 9, "PB02": 100})
    wb.active.append(["XX99", "Chỉ tiêu lạ", "cái", 3])
    response = _upload(client, period, province["a"], wb)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Dòng 7 (PB01 – Số cuộc phổ biến pháp luật trực tiếp): «nhiều» không phải là số" in page
    assert "Dòng 13 (HG04 – Số vụ, việc hòa giải thành): Không được lớn hơn chỉ tiêu HG03" in page
    assert "mã chỉ tiêu «XX99» không có trong biểu mẫu này" in page
    assert not Return.objects.get(unit=province["a"], period=period).values.exists()


def test_wrong_file_or_another_units_template_is_refused(client, officers, province, period):
    client.force_login(officers["b"])
    wb_b = _template(client, period, province["b"])
    client.force_login(officers["a"])
    response = _upload(client, period, province["a"], wb_b)
    assert "không phải Xã An Bình" in response.content.decode()
    other = Workbook()
    other.active.append(["Họ tên", "Số điện thoại"])
    assert "Tệp không đúng mẫu" in _upload(client, period, province["a"], other).content.decode()
    garbage = SimpleUploadedFile("x.xlsx", b"not a zip file")
    response = client.post(reverse("reporting_admin:return", args=[period.pk, province["a"].pk]),
                           {"action": "upload", "file": garbage}, follow=True)
    assert "Không đọc được tệp" in response.content.decode()
    assert not Return.objects.get(unit=province["a"], period=period).values.exists()


def test_export_holds_the_accepted_totals_and_safe_text(client, officers, province, period):
    province["b"].name = "=HYPERLINK(\"http://x\")"
    province["b"].save()
    for key, extra in (("a", {"PB01": "10"}), ("b", {"PB01": "5"})):
        client.force_login(officers[key])
        client.post(reverse("reporting_admin:return", args=[period.pk, province[key].pk]),
                    form_data({**GOOD, **extra}, "submit"))
    client.force_login(officers["province"])
    for key in ("a", "b"):
        client.post(reverse("reporting_admin:return", args=[period.pk, province[key].pk]), {"action": "accept"})
    assert Return.objects.filter(period=period, status=ReturnStatus.ACCEPTED).count() == 2
    response = client.get(reverse("reporting_admin:export", args=[period.pk]))
    wb = load_workbook(io.BytesIO(response.content))
    summary = {row[1]: row[4] for row in wb["Tổng hợp"].iter_rows(min_row=6, values_only=True)}
    assert summary["PB01"] == 15 and summary["HG03"] == 20 and summary["HG07"] == 70
    by_unit = {row[0]: row for row in wb["Theo đơn vị"].iter_rows(min_row=3, values_only=True)}
    assert by_unit["X1"][2] == 10
    assert by_unit["X2"][1].startswith("'=")  # a unit name never runs as a formula


def test_directly_written_sheet_opens_with_its_text_and_numbers():
    from pbgdpl.reporting.services.xlsx_rows import replace_sheet, sheet_xml

    wb = Workbook()
    wb.create_sheet("Theo đơn vị")
    out = io.BytesIO()
    wb.save(out)
    data = replace_sheet(out.getvalue(), 2, sheet_xml([["Mã", "<Xã & \"Đông\">\x01", 3.5, None, 7],
                                                       ["=1+1", "", 0, True, 12]], {2: 30}))
    sheet = load_workbook(io.BytesIO(data))["Theo đơn vị"]
    assert [c.value for c in sheet[1]] == ["Mã", "<Xã & \"Đông\">", 3.5, None, 7]
    assert sheet["A2"].value == "'=1+1" and sheet["A2"].data_type == "s" and sheet["D2"].value is True
