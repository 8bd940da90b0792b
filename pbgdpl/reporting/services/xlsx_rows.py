"""A large table sheet written straight as SpreadsheetML, for the national-scale totals export.

openpyxl spends ~30 µs per cell in its writer; a province-by-commune table (3,321 × 32 cells) took
over a second on the test machine. This writes the sheet's XML directly — numbers as values, every
text as an inline string (never a formula, and passed through ``core.exports.spreadsheet_safe`` like
every other export) — and swaps it into a workbook openpyxl produced, so the file is otherwise
openpyxl's own (styles, workbook, relations).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from xml.sax.saxutils import escape

from openpyxl.utils import get_column_letter

from pbgdpl.core.exports import spreadsheet_safe

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_HEADER = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')


def sheet_xml(rows: Iterable[list[object]], widths: dict[int, float] | None = None) -> bytes:
    """The XML of a worksheet holding ``rows`` (numbers, text or None)."""
    letters: list[str] = []
    parts = [_HEADER]
    if widths:
        parts.append("<cols>" + "".join(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
                                        for i, w in sorted(widths.items())) + "</cols>")
    parts.append("<sheetData>")
    for r, values in enumerate(rows, start=1):
        parts.append(f'<row r="{r}">')
        while len(letters) < len(values):
            letters.append(get_column_letter(len(letters) + 1))
        for c, value in enumerate(values):
            if value is None:
                continue
            if isinstance(value, bool):
                parts.append(f'<c r="{letters[c]}{r}" t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, int | float):
                parts.append(f'<c r="{letters[c]}{r}"><v>{value!r}</v></c>')
            else:
                text = escape(_ILLEGAL.sub("", str(spreadsheet_safe(str(value)))))
                parts.append(f'<c r="{letters[c]}{r}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>')
        parts.append("</row>")
    parts.append("</sheetData></worksheet>")
    return "".join(parts).encode("utf-8")


def replace_sheet(xlsx: bytes, sheet_number: int, xml: bytes) -> bytes:
    """``xlsx`` with worksheet ``sheet_number`` (1-based, as openpyxl names them) replaced by ``xml``."""
    target = f"xl/worksheets/sheet{sheet_number}.xml"
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as result:
        names = source.namelist()
        if target not in names:
            raise ValueError(f"{target} is not in the workbook")
        for name in names:
            result.writestr(name, xml if name == target else source.read(name))
    return out.getvalue()
