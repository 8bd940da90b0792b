"""PDF → text: the text layer with hard-wrapped lines joined back, scanned pages and images OCR-ed."""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from .extracted import Extracted, ExtractionError

logger = logging.getLogger(__name__)

#: A page with fewer visible characters than this is taken as having no text layer.
MIN_CHARS_PER_PAGE = 40
OCR_TIMEOUT_SECONDS = 120
OCR_DPI = 300
#: A scan longer than this is OCR-ed only up to here (an import must not run for hours).
OCR_MAX_PAGES = 200


# -- PDF -------------------------------------------------------------------------------------------


def from_pdf(path: Path) -> Extracted:
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


def ocr_images(path: Path, images: list[Path]) -> Extracted:
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
