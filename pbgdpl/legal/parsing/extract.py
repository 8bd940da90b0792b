"""Plain text out of the files editors upload: TXT, DOCX, PDF with a text layer, scanned PDF (OCR).

``extract_text(path)`` returns an :class:`Extracted`; it raises :class:`ExtractionError` (a
``ValueError`` with a Vietnamese message) only when the file cannot be read at all (unsupported type,
corrupt file). A scanned PDF without a usable OCR engine is not an error: it comes back with empty
text, ``needs_review=True`` and a warning, so the importer can flag it for an editor.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from pathlib import Path

from pbgdpl.core.text import strip_invisible

from .docx_text import from_docx
from .extracted import Extracted, ExtractionError
from .pdf_text import from_pdf, ocr_images

logger = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".md"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}

__all__ = ["Extracted", "ExtractionError", "extract_text", "legacy_encoding"]


def extract_text(path: Path) -> Extracted:
    """Read a legal document file into NFC-normalised plain text (one paragraph per line)."""
    path = Path(path)
    if not path.is_file():
        raise ExtractionError(f"Không tìm thấy tệp “{path.name}”.")
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        result = _from_txt(path)
    elif suffix == ".docx":
        result = from_docx(path)
    elif suffix == ".pdf":
        result = from_pdf(path)
    elif suffix in IMAGE_SUFFIXES:
        result = ocr_images(path, [path])
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
