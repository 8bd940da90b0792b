"""Vietnamese legal text → provision tree, and text extraction from TXT/DOCX/PDF (with OCR).

Contract used by the legal app::

    from pbgdpl.legal.parsing import parse_text, extract_text

    result = parse_text(text)            # ParseResult: .nodes, .warnings, .metadata
    for article in result.articles():    # Node: kind, number, title, text, eid, children, heading, line
        ...
    extracted = extract_text(path)       # Extracted: .text, .method, .needs_review, .warnings

Element ids (``eid``) are ASCII, hyphenated, unique within a document and double as HTML anchors:

==========================  =========================================================
unit                        eid
==========================  =========================================================
Phần thứ nhất / PHẦN I      ``phan-1`` / ``phan-i`` (ordinal words become digits)
Chương II                   ``chuong-ii`` (``phan-2-chuong-i`` if chapters restart per part)
Mục 3 in Chương II          ``chuong-ii-muc-3`` (Mục numbering restarts per chapter;
                            ``muc-3`` when there is no chapter)
Điều 5, Điều 12a            ``dieu-5``, ``dieu-12a`` (no chapter: article numbers are unique)
Khoản 1 of Điều 5           ``dieu-5-khoan-1``
Điểm a / đ of Khoản 1       ``dieu-5-khoan-1-diem-a`` / ``dieu-5-khoan-1-diem-dd`` (đ → ``dd``,
                            so a and đ stay distinct); a point directly in an article:
                            ``dieu-5-diem-a``
preamble (Căn cứ …)         ``mo-dau``
Nơi nhận + signature        ``ket-thuc``
text with no Điều at all    ``noi-dung`` (kind "text")
attached Quy chế            ``quy-che``; its units ``quy-che-chuong-i``, ``quy-che-dieu-3``,
                            ``quy-che-dieu-3-khoan-1``; a second attached Quy chế ``quy-che-2-…``;
                            the type word is slugged (Quy định → ``quy-dinh``, Điều lệ → ``dieu-le``)
Phụ lục I / Phụ lục         ``phu-luc-i`` / ``phu-luc``
==========================  =========================================================

If an eid would repeat (a messy source), ``-2``, ``-3`` … is appended and a warning is added.

Rebuilding: ``ParseResult.source_lines()`` gives back every non-blank input line in order (NFC,
trimmed); each line lives in exactly one node, as its ``heading`` or in its ``text``.

Extraction (``extract_text``): TXT in UTF-8/UTF-16 (with or without BOM)/Windows-1258; DOCX paragraphs
and tables in body order (heading/signature layout tables cell by cell, data tables one row per line
"a | b | c"), Word's automatic "1." / "a)" numbering rendered, tracked insertions kept; PDF text layer
with hard-wrapped lines joined back; scanned pages (no text, an image) OCR-ed with tesseract ``vie``
(method "ocr", needs_review) or, without tesseract, flagged with a warning and left empty. Text typed
with legacy TCVN3/VNI fonts is flagged. Unreadable or unsupported files raise ``ExtractionError``
(a ``ValueError`` whose message is Vietnamese and meant for the editor).
"""

from .extract import Extracted, ExtractionError, extract_text
from .nodes import KINDS, Node, ParseResult
from .patterns import eid_number
from .structure import parse_text

__all__ = [
    "KINDS",
    "Extracted",
    "ExtractionError",
    "Node",
    "ParseResult",
    "eid_number",
    "extract_text",
    "parse_text",
]
