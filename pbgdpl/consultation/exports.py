"""The "bản tổng hợp, tiếp thu, giải trình ý kiến" as XLSX and DOCX: provision | comment | who | response.

Counted comments only (verified, not rejected). Spreadsheet cells go through core.exports so a
comment that starts with "=" stays text.
"""

from __future__ import annotations

import io

from docx import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from pbgdpl.core.exports import append_row

from .models import Consultation
from .selectors import ProvisionGroup

HEADERS = ("STT", "Điều, khoản, điểm", "Nội dung góp ý", "Cơ quan, tổ chức, cá nhân góp ý", "Tiếp thu, giải trình")
TITLE = "BẢN TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý"


def _rows(groups: list[ProvisionGroup]):
    number = 0
    for group in groups:
        for comment in group.comments:
            number += 1
            yield (number, f"{group.label} ({group.count} ý kiến)", comment.text, comment.who, comment.response)


def xlsx_bytes(consultation: Consultation, groups: list[ProvisionGroup]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Tổng hợp ý kiến"
    append_row(sheet, [TITLE])
    append_row(sheet, [f"Dự thảo: {consultation.document}"])
    append_row(sheet, [f"Cơ quan chủ trì soạn thảo: {consultation.drafting_body}"])
    append_row(sheet, [])
    append_row(sheet, HEADERS)
    for cell in sheet[5]:
        cell.font = Font(bold=True)
    for row in _rows(groups):
        append_row(sheet, row)
    for column, width in zip("ABCDE", (6, 24, 60, 28, 60), strict=True):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=6):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def docx_bytes(consultation: Consultation, groups: list[ProvisionGroup]) -> bytes:
    document = DocxDocument()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2))
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(12)
    heading = document.add_paragraph()
    heading.alignment = 1
    heading.add_run(TITLE).bold = True
    document.add_paragraph(f"Dự thảo: {consultation.document}").alignment = 1
    document.add_paragraph(f"Cơ quan chủ trì soạn thảo: {consultation.drafting_body}")
    table = document.add_table(rows=1, cols=len(HEADERS))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, HEADERS, strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    for values in _rows(groups):
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.text = str(value or "")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
