"""DOCX → text: paragraphs and tables in body order, Word's automatic numbering rendered."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from .extracted import Extracted, ExtractionError

logger = logging.getLogger(__name__)


# -- DOCX ------------------------------------------------------------------------------------------


def from_docx(path: Path) -> Extracted:
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as error:
        logger.warning("Unreadable DOCX %s: %s", path, error)
        raise ExtractionError(
            f"Tệp “{path.name}” không phải tệp Word (.docx) hợp lệ hoặc đã bị hỏng."
        ) from error
    except Exception as error:  # zipfile.BadZipFile and lxml errors: still the file's fault
        logger.warning("Unreadable DOCX %s: %s", path, error)
        raise ExtractionError(
            f"Tệp “{path.name}” không phải tệp Word (.docx) hợp lệ hoặc đã bị hỏng."
        ) from error

    numbering = _DocxNumbering(document)
    lines: list[str] = []

    def blocks(container) -> None:
        for child in container.iterchildren():
            if not isinstance(child.tag, str):
                continue  # comments, processing instructions
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                paragraph = Paragraph(child, document)
                lines.append(numbering.label(paragraph) + paragraph_text(child))
            elif tag == "tbl":
                lines.extend(_docx_table_lines(Table(child, document), numbering))
            elif tag in ("sdt", "sdtContent", "customXml", "ins", "moveTo"):
                blocks(child)  # block-level content controls and tracked insertions hold paragraphs too

    blocks(document.element.body)
    warnings = []
    if numbering.unsupported:
        warnings.append(
            "Văn bản dùng đánh số tự động kiểu chưa hỗ trợ; số khoản/điểm có thể bị thiếu, cần kiểm tra."
        )
    return Extracted(text="\n".join(lines), method="docx", needs_review=bool(warnings), warnings=warnings)


def _docx_table_lines(table, numbering: _DocxNumbering) -> list[str]:
    """Layout tables (heading and signature blocks: at most 2 columns and 2 rows) cell by cell, one line
    per paragraph; data tables one row per line, cells separated by " | "."""
    rows = table.rows
    columns = max((len(row.cells) for row in rows), default=0)
    out: list[str] = []
    layout = columns <= 2 and len(rows) <= 2
    for row in rows:
        cells = []
        seen = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is repeated by python-docx
                continue
            seen.add(id(cell._tc))
            cells.append(cell)
        if layout:
            for cell in cells:
                for paragraph in cell.paragraphs:
                    out.append(numbering.label(paragraph) + paragraph_text(paragraph._p))
                for inner in cell.tables:
                    out.extend(_docx_table_lines(inner, numbering))
        else:
            texts = [
                " ".join(
                    " ".join(paragraph_text(p._p).split())
                    for p in cell.paragraphs
                    if paragraph_text(p._p).strip()
                )
                for cell in cells
            ]
            if any(texts):
                out.append(" | ".join(texts))
    return out


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIP_INSIDE = {f"{_W}del", f"{_W}moveFrom", _MC_FALLBACK}


def paragraph_text(p_element) -> str:
    """All visible text of a paragraph, in order.

    Unlike python-docx's ``Paragraph.text`` this keeps text inside tracked insertions, content controls,
    smart tags and fields' results, and skips tracked deletions and the duplicate "fallback" copy of
    text boxes. Soft line breaks (Shift+Enter, often between "Chương I" and its title) become newlines.
    """
    parts: list[str] = []

    def walk(element) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP_INSIDE or tag == f"{_W}pPr" or tag == f"{_W}rPr":
                continue
            if tag == f"{_W}t":
                parts.append(child.text or "")
            elif tag == f"{_W}tab":
                parts.append(" ")
            elif tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
            elif tag == f"{_W}noBreakHyphen":
                parts.append("-")
            else:
                walk(child)

    walk(p_element)
    return "".join(parts)


class _DocxNumbering:
    """Renders Word's automatic list numbering ("1.", "a)") that is not part of the paragraph text.

    Supports decimal, lowerLetter, upperLetter, lowerRoman and upperRoman levels with the level's own
    pattern (e.g. "%1." or "%1)"); other formats set ``unsupported`` so the editor is warned.
    """

    def __init__(self, document):
        self.formats: dict[tuple[str, str], tuple[str, str, int]] = {}
        self.counters: dict[tuple[str, str], int] = {}
        self.unsupported = False
        try:
            part = document.part.numbering_part
        except (NotImplementedError, KeyError, AttributeError):
            return
        ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
        root = part.element
        abstract: dict[str, dict[str, tuple[str, str, int]]] = {}
        for node in root.findall("w:abstractNum", ns):
            levels = {}
            for lvl in node.findall("w:lvl", ns):
                fmt = lvl.find("w:numFmt", ns)
                text = lvl.find("w:lvlText", ns)
                start = lvl.find("w:start", ns)
                levels[lvl.get(f"{{{ns['w']}}}ilvl")] = (
                    fmt.get(f"{{{ns['w']}}}val") if fmt is not None else "decimal",
                    text.get(f"{{{ns['w']}}}val") if text is not None else "",
                    int(start.get(f"{{{ns['w']}}}val")) if start is not None else 1,
                )
            abstract[node.get(f"{{{ns['w']}}}abstractNumId")] = levels
        for num in root.findall("w:num", ns):
            ref = num.find("w:abstractNumId", ns)
            if ref is None:
                continue
            for ilvl, spec in abstract.get(ref.get(f"{{{ns['w']}}}val"), {}).items():
                self.formats[(num.get(f"{{{ns['w']}}}numId"), ilvl)] = spec

    def label(self, paragraph) -> str:
        """The rendered automatic number of a paragraph ("1. ", "a) "), or ""."""
        numpr = self._numpr(paragraph)
        if numpr is None:
            return ""
        num_id_el, ilvl_el = numpr
        num_id = str(num_id_el.val)
        ilvl = str(ilvl_el.val) if ilvl_el is not None else "0"
        spec = self.formats.get((num_id, ilvl))
        if spec is None or num_id == "0":
            return ""
        fmt, pattern, start = spec
        key = (num_id, ilvl)
        self.counters[key] = self.counters.get(key, start - 1) + 1
        # A new item at a level restarts the deeper levels.
        for other in list(self.counters):
            if other[0] == num_id and int(other[1]) > int(ilvl):
                del self.counters[other]
        value = self.counters[key]
        if fmt == "bullet" or fmt == "none":
            return ""
        rendered = _format_number(value, fmt)
        if rendered is None:
            self.unsupported = True
            return ""
        label = re.sub(r"%\d", rendered, pattern, count=1)
        label = re.sub(r"%\d", "", label)
        return f"{label} " if label else ""

    @staticmethod
    def _numpr(paragraph):
        """(numId, ilvl) elements from the paragraph, else from its style chain (e.g. "List Number")."""
        ppr = paragraph._p.pPr
        if ppr is not None and ppr.numPr is not None and ppr.numPr.numId is not None:
            return ppr.numPr.numId, ppr.numPr.ilvl
        try:
            style = paragraph.style
        except (KeyError, AttributeError, ValueError):
            return None
        depth = 0
        while style is not None and depth < 10:
            spr = style.element.pPr
            if spr is not None and spr.numPr is not None and spr.numPr.numId is not None:
                return spr.numPr.numId, spr.numPr.ilvl
            style, depth = style.base_style, depth + 1
        return None


def _format_number(value: int, fmt: str) -> str | None:
    if fmt in ("decimal", "decimalZero"):
        return f"{value:02d}" if fmt == "decimalZero" else str(value)
    if fmt in ("lowerLetter", "upperLetter"):
        letters = "abcdefghijklmnopqrstuvwxyz"
        text = letters[(value - 1) % 26] * ((value - 1) // 26 + 1)
        return text if fmt == "lowerLetter" else text.upper()
    if fmt in ("lowerRoman", "upperRoman"):
        text = _roman(value)
        return text.lower() if fmt == "lowerRoman" else text
    return None


def _roman(value: int) -> str:
    out = ""
    for number, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while value >= number:
            out += letters
            value -= number
    return out
