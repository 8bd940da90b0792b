"""Plain text out of the files editors upload: TXT, DOCX, PDF with a text layer, scanned PDF (OCR).

``extract_text(path)`` returns an :class:`Extracted`; it raises :class:`ExtractionError` (a
``ValueError`` with a Vietnamese message) only when the file cannot be read at all (unsupported type,
corrupt file). A scanned PDF without a usable OCR engine is not an error: it comes back with empty
text, ``needs_review=True`` and a warning, so the importer can flag it for an editor.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from pbgdpl.core.text import strip_invisible

logger = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".md"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}
#: A page with fewer visible characters than this is taken as having no text layer.
MIN_CHARS_PER_PAGE = 40
OCR_TIMEOUT_SECONDS = 120
OCR_DPI = 300
#: A scan longer than this is OCR-ed only up to here (an import must not run for hours).
OCR_MAX_PAGES = 200


class ExtractionError(ValueError):
    """The file cannot be read at all; the message (Vietnamese) is meant for the editor."""


@dataclass
class Extracted:
    """Text taken from a file and how it was obtained.

    ``method`` is "txt", "docx", "pdf" or "ocr". ``needs_review`` is True when an editor must check
    the text against the original (OCR, or no text could be read).
    """

    text: str
    method: str
    needs_review: bool = False
    warnings: list[str] = field(default_factory=list)


def extract_text(path: Path) -> Extracted:
    """Read a legal document file into NFC-normalised plain text (one paragraph per line)."""
    path = Path(path)
    if not path.is_file():
        raise ExtractionError(f"Không tìm thấy tệp “{path.name}”.")
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        result = _from_txt(path)
    elif suffix == ".docx":
        result = _from_docx(path)
    elif suffix == ".pdf":
        result = _from_pdf(path)
    elif suffix in IMAGE_SUFFIXES:
        result = _ocr_images(path, [path])
    elif suffix == ".doc":
        raise ExtractionError(
            f"Tệp “{path.name}” là định dạng Word cũ (.doc), chưa đọc được: hãy lưu lại dưới dạng .docx hoặc PDF."
        )
    else:
        raise ExtractionError(
            f"Định dạng tệp “{path.suffix or path.name}” chưa được hỗ trợ (dùng .txt, .docx hoặc .pdf)."
        )
    result.text = _clean(result.text)
    legacy = legacy_encoding(result.text)
    if legacy:
        font = ".VnTime, .VnArial" if legacy == "TCVN3" else "VNI-Times"
        result.needs_review = True
        result.warnings.append(
            f"Văn bản có vẻ được gõ bằng bảng mã cũ {legacy} (phông {font}): dấu tiếng Việt sẽ sai, "
            "cần chuyển sang Unicode (ví dụ bằng Unikey) trước khi nhập."
        )
    return result


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = strip_invisible(text)
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + ("\n" if text.strip() else "")


# -- plain text ------------------------------------------------------------------------------------


def _from_txt(path: Path) -> Extracted:
    raw = path.read_bytes()
    warnings: list[str] = []
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16")
    elif raw.startswith(b"\xef\xbb\xbf"):
        text = raw[3:].decode("utf-8", errors="replace")
    elif _utf16_without_bom(raw):
        text = raw.decode(_utf16_without_bom(raw), errors="replace")
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            # Older Vietnamese Windows files: code page 1258 (base letters + combining tone marks).
            text = raw.decode("cp1258", errors="replace")
            warnings.append(
                "Tệp không phải UTF-8, đã đọc theo bảng mã Windows-1258; cần kiểm tra dấu tiếng Việt."
            )
    return Extracted(text=text, method="txt", needs_review=bool(warnings), warnings=warnings)


def _utf16_without_bom(raw: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" when NUL bytes fill one byte position of most pairs (ASCII in UTF-16)."""
    sample = raw[:4000]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    odd = sample[1::2].count(0)
    even = sample[0::2].count(0)
    if odd > pairs * 0.3 and even < pairs * 0.05:
        return "utf-16-le"
    if even > pairs * 0.3 and odd < pairs * 0.05:
        return "utf-16-be"
    return None


# Characters that Vietnamese Unicode text never contains but legacy 8-bit fonts produce when their
# bytes are read as Latin-1/Windows-1252.
_TCVN3_MARKERS = set("¸µ¶·¹¨»¾¼½©®ª¬«¡§£¢¤¥¦Æ×Þß")
_VNI_MARKERS = set("øûïöåäñØÛÏÖÅÄÑ")


def legacy_encoding(text: str) -> str | None:
    """ "TCVN3" or "VNI" when the text looks typed with a pre-Unicode Vietnamese font, else None."""
    sample = text[:20000]
    letters = sum(1 for c in sample if c.isalpha()) or 1
    tcvn3 = sum(1 for c in sample if c in _TCVN3_MARKERS)
    vni = sum(1 for c in sample if c in _VNI_MARKERS)
    if tcvn3 >= 5 and tcvn3 > letters / 100:
        return "TCVN3"
    if vni >= 5 and vni > letters / 100:
        return "VNI"
    return None


# -- DOCX ------------------------------------------------------------------------------------------


def _from_docx(path: Path) -> Extracted:
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


# -- PDF -------------------------------------------------------------------------------------------


def _from_pdf(path: Path) -> Extracted:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception as error:
                raise ExtractionError(f"Tệp PDF “{path.name}” được bảo vệ bằng mật khẩu.") from error
        pages = [page.extract_text() or "" for page in reader.pages]
        has_image = [_has_image(page) for page in reader.pages]
    except ExtractionError:
        raise
    except (PdfReadError, ValueError, OSError, KeyError) as error:
        logger.warning("Unreadable PDF %s: %s", path, error)
        raise ExtractionError(f"Tệp “{path.name}” không phải tệp PDF hợp lệ hoặc đã bị hỏng.") from error
    except Exception as error:  # pypdf raises many types on broken files
        logger.warning("Unreadable PDF %s: %s", path, error)
        raise ExtractionError(f"Tệp “{path.name}” không phải tệp PDF hợp lệ hoặc đã bị hỏng.") from error

    if not pages:
        raise ExtractionError(f"Tệp PDF “{path.name}” không có trang nào.")
    visible = [len(re.sub(r"\s", "", page)) for page in pages]
    if sum(visible) and _garbled(" ".join(pages)):
        # A text layer without a Unicode map: every page has to be read from its image.
        reason = "Lớp chữ của PDF không đọc được (phông chữ không có bảng mã Unicode)."
        return _ocr_pdf(path, list(range(len(pages))), pages, reason)
    # A page is a scan when it has (almost) no text but an image; a short page without one (the last
    # page holding only a signature) is just short.
    scanned = [i for i, count in enumerate(visible) if count < MIN_CHARS_PER_PAGE and has_image[i]]
    if not scanned:
        return Extracted(text=unwrap_lines("\n".join(pages)), method="pdf")
    if len(scanned) == len(pages):
        reason = "PDF không có lớp chữ (bản quét)."
    else:
        numbers = ", ".join(str(index + 1) for index in scanned[:20]) + ("…" if len(scanned) > 20 else "")
        reason = f"Trang {numbers} của PDF không có lớp chữ (bản quét)."
    return _ocr_pdf(path, scanned, pages, reason)


def _has_image(page) -> bool:
    """True when the page draws at least one image (a scanned page does)."""
    try:
        resources = page.get("/Resources")
        resources = resources.get_object() if resources is not None else None
        xobjects = resources.get("/XObject") if resources is not None else None
        if xobjects is None:
            return False
        return any(
            xobject.get_object().get("/Subtype") == "/Image" for xobject in xobjects.get_object().values()
        )
    except Exception:  # odd PDFs: better one OCR too many than a page lost
        return True


def _garbled(text: str) -> bool:
    """A text layer without a Unicode map: replacement characters or almost no Vietnamese letters."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return True
    if text.count("\ufffd") > len(letters) / 50:
        return True
    vietnamese = sum(1 for c in letters if c in "ăâđêôơưĂÂĐÊÔƠƯ" or ord(c) > 0x1E00)
    ascii_letters = sum(1 for c in letters if c.isascii())
    # Vietnamese prose has diacritics on a large share of syllables; a broken map has none or junk.
    return len(letters) > 200 and vietnamese < len(letters) / 40 and ascii_letters < len(letters) / 2


_POINT_START = re.compile(r"^(?:[a-zđ]\d?\)|[-+•])")


def unwrap_lines(text: str) -> str:
    """Join the hard line breaks PDF text layers put inside paragraphs.

    A line is glued to the previous one when the previous one does not end a sentence or a heading
    (no final . : ; ! ? ” ) …) and the line starts with a lower-case letter that is not a point label
    ("a)", "đ)") — Vietnamese legal paragraphs never start with a lower-case word otherwise — or
    with a digit that is not a clause label, right after a full-width line.
    """
    out: list[list[str]] = []  # each paragraph as its pieces (joining at the end stays linear)
    for raw in text.split("\n"):
        line = raw.strip()
        glue = False
        last = out[-1][-1] if out else ""
        if last and line and not re.search(r"[.:;!?”\")…]$", last):
            if line[0].isalpha() and line[0].islower():
                glue = not _POINT_START.match(line)
            elif line[0].isdigit():
                # "15/2019/QĐ-UBND ngày …", "2025 của …" after a full-width line; never a clause "2."
                glue = len(last) >= 60 and not re.match(r"^\d+[a-zđ]?[.)](?:\s|$)", line)
        if glue:
            out[-1].append(line)
        else:
            out.append([line])
    return "\n".join(" ".join(pieces) for pieces in out)


# -- OCR -------------------------------------------------------------------------------------------


def ocr_available() -> bool:
    """True when tesseract is installed with the Vietnamese language data."""
    if not shutil.which("tesseract"):
        return False
    try:
        langs = subprocess.run(
            ["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return "vie" in (langs.stdout + langs.stderr).split()


def _ocr_pdf(path: Path, scanned: list[int], pages: list[str], reason: str) -> Extracted:
    """OCR the scanned pages (0-based indexes) and merge them with the text of the other pages."""
    if not ocr_available() or not shutil.which("pdftoppm"):
        text_pages = [page for index, page in enumerate(pages) if index not in set(scanned)]
        return Extracted(
            text=unwrap_lines("\n".join(text_pages)),
            method="pdf" if any(page.strip() for page in text_pages) else "ocr",
            needs_review=True,
            warnings=[
                reason + " Máy chủ chưa cài tesseract-ocr-vie/poppler-utils nên không nhận dạng được: "
                "biên tập viên cần nhập nội dung."
            ],
        )
    warnings = [reason]
    if len(scanned) > OCR_MAX_PAGES:
        warnings.append(f"Chỉ nhận dạng {OCR_MAX_PAGES} trang quét đầu tiên; phần còn lại cần nhập thủ công.")
        scanned = scanned[:OCR_MAX_PAGES]
    merged = list(pages)
    with tempfile.TemporaryDirectory(prefix="pbgdpl-ocr-") as tmp:
        images: list[Path] = []
        for index in scanned:
            prefix = Path(tmp) / f"p{index:05d}"
            command = ["pdftoppm", "-r", str(OCR_DPI), "-png", "-f", str(index + 1), "-l", str(index + 1)]
            try:
                subprocess.run(
                    [*command, "-singlefile", str(path), str(prefix)],
                    capture_output=True,
                    timeout=OCR_TIMEOUT_SECONDS,
                    check=True,
                )
            except (OSError, subprocess.SubprocessError) as error:
                logger.warning("pdftoppm failed on %s page %s: %s", path, index + 1, error)
            images.append(prefix.with_suffix(".png"))
        texts, failed = _tesseract(path, images)
    for index, text in zip(scanned, texts, strict=True):
        merged[index] = text
    warnings.append(OCR_WARNING)
    if failed:
        warnings.append(f"Không nhận dạng được {failed}/{len(images)} trang.")
    return Extracted(text=unwrap_lines("\n".join(merged)), method="ocr", needs_review=True, warnings=warnings)


OCR_WARNING = "Văn bản được nhận dạng tự động (OCR): biên tập viên cần đối chiếu với bản gốc."


def _ocr_images(path: Path, images: list[Path]) -> Extracted:
    """OCR image files (an uploaded scan as PNG/JPEG/TIFF)."""
    if not ocr_available():
        return Extracted(
            text="",
            method="ocr",
            needs_review=True,
            warnings=[
                "Máy chủ chưa cài tesseract-ocr-vie nên không nhận dạng được ảnh: biên tập viên cần nhập nội dung."
            ],
        )
    texts, failed = _tesseract(path, images)
    warnings = [OCR_WARNING]
    if failed:
        warnings.append(f"Không nhận dạng được {failed}/{len(images)} trang.")
    return Extracted(text=unwrap_lines("\n".join(texts)), method="ocr", needs_review=True, warnings=warnings)


def _tesseract(path: Path, images: list[Path]) -> tuple[list[str], int]:
    """Text of each image ("" where it failed) and the number of failures."""
    texts: list[str] = []
    failed = 0
    for image in images:
        if not image.is_file():
            texts.append("")
            failed += 1
            continue
        try:
            done = subprocess.run(
                ["tesseract", str(image), "-", "-l", "vie"],
                capture_output=True,
                text=True,
                timeout=OCR_TIMEOUT_SECONDS,
                check=True,
            )
            texts.append(done.stdout)
        except (OSError, subprocess.SubprocessError) as error:
            logger.warning("tesseract failed on %s (%s): %s", path, image.name, error)
            texts.append("")
            failed += 1
    return texts, failed
