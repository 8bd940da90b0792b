"""Excel files of the reporting app: a return's template and its upload, and the totals export.

The template names its form, period and unit in fixed cells, so an upload for the wrong period or
unit, or a file in another layout, is refused with a clear message instead of being half-read.
Every text cell written goes through ``core.exports`` (unit and indicator names are user text).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from decimal import Decimal

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from pbgdpl.core.exports import append_row

from ..aggregation import Rollup, compare_with_previous
from ..models import Aggregation, Comparison, ReportingPeriod, Return, Unit
from ..validation import check_figures
from .xlsx_rows import replace_sheet, sheet_xml

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
HEADER_ROW = 6
HEADER = ["Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính", "Số liệu", "Quy tắc"]
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _rule_text(indicator, by_id) -> str:
    parts = []
    if indicator.integer_only:
        parts.append("số nguyên")
    if indicator.min_value is not None:
        parts.append(f"≥ {indicator.min_value.normalize():f}")
    if indicator.max_value is not None:
        parts.append(f"≤ {indicator.max_value.normalize():f}")
    other = by_id.get(indicator.compare_to_id)
    if other is not None:
        parts.append(("≤ " if indicator.comparison == Comparison.NOT_ABOVE else "= ") + other.code)
    return "; ".join(parts)


def return_template(ret: Return, values: dict[str, Decimal] | None = None) -> bytes:
    """The return's template (with its current figures, if any) as XLSX bytes."""
    period, unit = ret.period, ret.unit
    indicators = period.form.ordered_indicators()
    by_id = {i.pk: i for i in indicators}
    values = values or {}
    wb = Workbook()
    ws = wb.active
    ws.title = "Báo cáo"
    append_row(ws, [period.form.name])
    append_row(ws, ["Mã biểu", period.form.code])
    append_row(ws, ["Mã kỳ", period.pk, period.label])
    append_row(ws, ["Mã đơn vị", unit.code, unit.name])
    append_row(ws, ["Điền số liệu vào cột D, không sửa các cột khác và các ô phía trên."])
    append_row(ws, HEADER)
    for indicator in indicators:
        if indicator.is_computed:
            continue
        value = values.get(indicator.code)
        append_row(ws, [indicator.code, indicator.name, indicator.unit_of_measure,
                        None if value is None else (int(value) if indicator.integer_only else float(value)),
                        _rule_text(indicator, by_id)])
    ws["A1"].font = Font(bold=True, size=13)
    for cell in ws[HEADER_ROW]:
        cell.font = Font(bold=True)
    for column, width in zip("ABCDE", (14, 70, 14, 14, 24), strict=True):
        ws.column_dimensions[column].width = width
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


class UploadRefused(Exception):
    """The whole file is unusable (wrong layout, form, period or unit); the message says why."""


@dataclass
class ParsedUpload:
    raw: dict[str, object] = field(default_factory=dict)
    errors: list[tuple[int, str]] = field(default_factory=list)  # (row number, message)

    @property
    def row_errors(self) -> list[str]:
        return [message for _row, message in sorted(self.errors, key=lambda error: error[0])]


def _cell_text(value) -> str:
    return "" if value is None else str(value).strip()


def parse_upload(ret: Return, data: bytes) -> ParsedUpload:
    """Read an uploaded template: the figures by indicator code and every row's error ("Dòng 9 …").

    Raises :class:`UploadRefused` when the file is not this return's template.
    """
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadRefused("Tệp quá lớn (tối đa 2 MB). Hãy dùng tệp mẫu tải về từ trang này.")
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        ws = wb.worksheets[0]
        rows = list(ws.iter_rows(min_row=1, max_row=2000, max_col=5, values_only=True))
        wb.close()
    except Exception as exc:  # openpyxl raises many kinds on a file that is not a workbook
        raise UploadRefused("Không đọc được tệp. Hãy tải lên tệp Excel (.xlsx) theo mẫu của kỳ báo cáo này.") from exc
    period, unit = ret.period, ret.unit

    def cell(row: int, col: int) -> str:
        return _cell_text(rows[row - 1][col - 1]) if len(rows) >= row and len(rows[row - 1]) >= col else ""

    header = [cell(HEADER_ROW, c) for c in range(1, 6)]
    if header[:4] != HEADER[:4] or cell(2, 1) != "Mã biểu":
        raise UploadRefused("Tệp không đúng mẫu (không thấy dòng tiêu đề «Mã chỉ tiêu … Số liệu» ở dòng 6). "
                            "Hãy tải tệp mẫu của kỳ này và điền vào cột D.")
    if cell(2, 2) != period.form.code or cell(3, 2) != str(period.pk):
        raise UploadRefused(f"Tệp này là mẫu của biểu {cell(2, 2) or '?'}, kỳ {cell(3, 3) or '?'}, không phải "
                            f"biểu {period.form.code} kỳ {period.label}.")
    if cell(4, 2) != unit.code:
        raise UploadRefused(f"Tệp này là mẫu của đơn vị {cell(4, 3) or cell(4, 2) or '?'}, không phải {unit.name}.")
    indicators = [i for i in period.form.ordered_indicators() if not i.is_computed]
    known = {i.code: i for i in indicators}
    parsed = ParsedUpload()
    row_of: dict[str, int] = {}
    for number, row in enumerate(rows[HEADER_ROW:], start=HEADER_ROW + 1):
        code = _cell_text(row[0] if row else None)
        value = row[3] if row and len(row) > 3 else None
        if not code:
            if _cell_text(value):
                parsed.errors.append((number, f"Dòng {number}: có số liệu nhưng thiếu mã chỉ tiêu ở cột A."))
            continue
        if code not in known:
            parsed.errors.append((number, f"Dòng {number}: mã chỉ tiêu «{code[:30]}» không có trong biểu mẫu này."))
            continue
        if code in row_of:
            parsed.errors.append((number, f"Dòng {number}: chỉ tiêu {code} đã có ở dòng {row_of[code]}."))
            continue
        row_of[code] = number
        parsed.raw[code] = value
    checked = check_figures(indicators, parsed.raw, complete=False)
    for code, message in checked.errors.items():
        parsed.errors.append((row_of[code], f"Dòng {row_of[code]} ({code} – {known[code].name}): {message}"))
    return parsed


def _number(value: Decimal | None, aggregation: str = Aggregation.SUM):
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _print_setup(sheet) -> None:
    """Landscape, as wide as the page: how the table is printed and turned into the PDF."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = "9"  # A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0


def totals_workbook(period: ReportingPeriod, root: Unit, result: Rollup, units: list[Unit], *,
                    per_unit: bool = True) -> bytes:
    """The province's (or a unit's) totals laid out for a report: a summary sheet with the previous
    period beside it, and (``per_unit``) one row per unit below the root. The PDF prints the
    summary sheet alone."""
    wb = Workbook(write_only=True)
    summary = wb.create_sheet("Tổng hợp")
    _print_setup(summary)
    for column, width in zip("ABCDEFGH", (6, 10, 60, 12, 22, 22, 12, 14), strict=True):
        summary.column_dimensions[column].width = width
    compared = compare_with_previous(period, root, result.of(root.pk))
    previous = period.previous()
    append_row(summary, [f"TỔNG HỢP SỐ LIỆU {period.form.name.upper()}"])
    append_row(summary, [f"Kỳ báo cáo: {period.label} · Đơn vị: {root.name}"])  # one cell: prints unclipped
    append_row(summary, [f"Số đơn vị có báo cáo được chấp nhận: {result.reporting_units.get(root.pk, 0)}"])
    append_row(summary, [])
    append_row(summary, ["STT", "Mã", "Chỉ tiêu", "Đơn vị tính", period.label,
                         previous.label if previous else "Kỳ trước", "Tăng, giảm", "Tăng, giảm (%)"])
    for number, row in enumerate(compared, start=1):
        append_row(summary, [number, row.indicator.code, row.indicator.name, row.indicator.unit_of_measure,
                             _number(row.current), _number(row.previous), _number(row.change),
                             _number(row.change_percent)])
    if not per_unit:
        out = io.BytesIO()
        wb.save(out)
        return out.getvalue()
    wb.create_sheet("Theo đơn vị")  # filled below, written directly: it can have thousands of rows
    indicators = result.indicators
    rows = [["Mã đơn vị", "Đơn vị", *[i.code for i in indicators]], ["", "", *[i.name for i in indicators]]]
    for unit in units:
        totals = result.of(unit.pk)
        rows.append([unit.code, unit.name, *[_number(totals.get(i.code)) for i in indicators]])
    widths = {1: 12, 2: 36, **{index: 12 for index in range(3, len(indicators) + 3)}}
    out = io.BytesIO()
    wb.save(out)
    return replace_sheet(out.getvalue(), 2, sheet_xml(rows, widths))
