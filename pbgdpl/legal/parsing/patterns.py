"""The shapes of Vietnamese legal headings and labels, and the numbering rules they follow."""

from __future__ import annotations

import re

from pbgdpl.core.text import ascii_identifier

POINT_LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()
POINT_ORDER = {letter: index for index, letter in enumerate(POINT_LETTERS)}

LEVELS = {"part": 1, "chapter": 2, "section": 3, "article": 4, "clause": 5, "point": 6}

_SEP = r"[.:\-–—]"
_ROMAN = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")

PART_RE = re.compile(
    rf"^(?:PHẦN|Phần)\s+((?:THỨ|thứ|Thứ)\s+[^\s.:\-–—]+(?:\s+(?:MỘT|một|HAI|hai|BA|ba|TƯ|tư|BỐN|bốn"
    rf"|NĂM|năm|LĂM|lăm|SÁU|sáu|BẢY|bảy|TÁM|tám|CHÍN|chín|MỐT|mốt))?|[IVXLC]+|\d+)"
    rf"(?=$|\s|{_SEP})\s*{_SEP}?\s*(.*)$"
)
CHAPTER_RE = re.compile(rf"^(?:CHƯƠNG|Chương)\s+([IVXLCDM]+|\d+[a-z]?)(?=$|\s|{_SEP})\s*{_SEP}?\s*(.*)$")
SECTION_RE = re.compile(rf"^(?:MỤC|Mục)\s+(\d+[a-z]?|[IVXLC]+)(?=$|\s|{_SEP})\s*{_SEP}?\s*(.*)$")
ARTICLE_DOT_RE = re.compile(r"^(?:ĐIỀU|Điều)\s+(\d+[a-zđ]?)\s*[.:]\s*(.*)$")
ARTICLE_BARE_RE = re.compile(r"^(?:ĐIỀU|Điều)\s+(\d+[a-zđ]?)$")
ARTICLE_NODOT_RE = re.compile(r"^(?:ĐIỀU|Điều)\s+(\d+[a-zđ]?)\s+(\S.*)$")
CLAUSE_RE = re.compile(r"^(\d{1,3}[a-zđ]?)\.(?:\s+(\S.*))?$")
OPEN_QUOTE_AFTER_COLON_RE = re.compile(r":\s*“")
# A dotless "Điều N <words>" is a reference, not a heading, when the words cite another unit or act.
REFERENCE_RE = re.compile(r"\b(?:Điều|khoản|điểm|Khoản|Điểm|Chương|Mục)\s+\d")
DOC_WORD_RE = re.compile(
    r"^(?:Luật|Bộ luật|Nghị định|Nghị quyết|Thông tư|Hiến pháp|Pháp lệnh|Quyết định|Chỉ thị)\b"
    r"|^(?:Quy chế|Quy định|Kế hoạch)\s+(?:này|số)\b"
)
POINT_RE = re.compile(r"^([a-zđ])\)(?:\s*(\S.*))?$")

APPENDIX_RE = re.compile(
    rf"^(?:PHỤ LỤC|Phụ lục)(?:\s+(?:SỐ\s+|số\s+)?([IVXLC]+|\d+[a-z]?|[A-Z]\d*))?"
    rf"\s*(?:(?:{_SEP})\s*(.*))?$"
)
KEM_THEO_RE = re.compile(r"^\(?\s*(?:được\s+)?(?:ban\s+hành\s+)?kèm\s+theo\b", re.IGNORECASE)
ATTACHMENT_TYPES = (
    "QUY CHẾ",
    "QUY ĐỊNH",
    "HƯỚNG DẪN",
    "ĐIỀU LỆ",
    "KẾ HOẠCH",
    "CHƯƠNG TRÌNH",
    "ĐỀ ÁN",
    "DANH MỤC",
    "PHƯƠNG ÁN",
    "NỘI QUY",
    "QUY TRÌNH",
    "BỘ TIÊU CHÍ",
    "TIÊU CHÍ",
    "BẢNG GIÁ",
    "BẢNG",
    "QUY HOẠCH",
    "CHIẾN LƯỢC",
    "DỰ ÁN",
    "BIỂU MẪU",
    "MẪU",
    "ĐỀ CƯƠNG",
    "TÀI LIỆU",
    "THỂ LỆ",
    "CƠ CHẾ",
    "KHUNG",
    "NỘI DUNG",
)
ATTACHMENT_TYPE_RE = re.compile(r"^(" + "|".join(re.escape(t) for t in ATTACHMENT_TYPES) + r")(?=$|\s|[.:])")
# Lines of the issuer/national-motto block that opens an attachment (repeated from the decision).
HEADER_LINE_RE = re.compile(
    r"^(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|CỘNG HÒA|CỘNG HOÀ|Độc lập|ĐỘC LẬP|SỞ |BAN |"
    r"TỈNH |THÀNH PHỐ |HUYỆN |XÃ |PHƯỜNG |BỘ |CHÍNH PHỦ|QUỐC HỘI|VĂN PHÒNG|Số\s*:|[-_=*–—.\s]+$|"
    r".{0,60}ngày\s+\S+\s+tháng\s+\S+\s+năm\s+\S+)"
)
CLOSING_RE = re.compile(
    r"^(?:Nơi nhận\b|NƠI NHẬN\b|(?:TM|T\.M|KT|K\.T|TL|T\.L|TUQ|Q)\.\s*[A-ZĐÀ-Ỹ]|(?:T/M|K/T|T/L)\s|"
    r"(?:CHỦ TỊCH QUỐC HỘI|CHỦ TỊCH NƯỚC|THỦ TƯỚNG CHÍNH PHỦ|THỦ TƯỚNG|CHỦ TỊCH|PHÓ CHỦ TỊCH|BỘ TRƯỞNG|"
    r"GIÁM ĐỐC|PHÓ GIÁM ĐỐC|XÁC THỰC VĂN BẢN HỢP NHẤT|CHỦ NHIỆM)$|"
    r"(?:Hiến pháp|Bộ luật|Luật|Pháp lệnh|Nghị quyết) này (?:đã )?được .{0,200}thông qua)"
)

ADOPTION_RE = re.compile(r"^(?:Hiến pháp|Bộ luật|Luật|Pháp lệnh|Nghị quyết) này (?:đã )?được ")

_ORDINAL_WORDS = {
    "nhất": 1,
    "một": 1,
    "mốt": 1,
    "hai": 2,
    "ba": 3,
    "tư": 4,
    "bốn": 4,
    "năm": 5,
    "lăm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
}


def _roman_value(text: str) -> int | None:
    if not text or not _ROMAN.match(text):
        return None
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for index, char in enumerate(text):
        value = values[char]
        if index + 1 < len(text) and values[text[index + 1]] > value:
            total -= value
        else:
            total += value
    return total


def _ordinal_value(words: str) -> int | None:
    """'thứ nhất' → 1, 'thứ mười hai' → 12; None when not a Vietnamese ordinal."""
    parts = words.lower().split()[1:]
    if not parts or any(p not in _ORDINAL_WORDS for p in parts):
        return None
    if len(parts) == 1:
        return _ORDINAL_WORDS[parts[0]]
    if parts[0] == "mười" and len(parts) == 2:
        return 10 + _ORDINAL_WORDS[parts[1]] % 10
    return None


def _unit_value(number: str) -> tuple[int, int] | None:
    """Sortable value of a unit number: '12a' → (12, 1), 'IV' → (4, 0), 'thứ hai' → (2, 0)."""
    if number.lower().startswith("thứ"):
        value = _ordinal_value(number)
        return (value, 0) if value else None
    match = re.match(r"^(\d+)([a-zđ]?)$", number)
    if match:
        suffix = match.group(2)
        return int(match.group(1)), (POINT_ORDER.get(suffix, 0) + 1 if suffix else 0)
    value = _roman_value(number)
    return (value, 0) if value else None


def eid_number(number: str) -> str:
    """A unit number as it appears in an eid: 'II' → 'ii', '12a' → '12a', 'đ' → 'dd' (keeps a ≠ đ)."""
    return ascii_identifier(number.replace("đ", "dd").replace("Đ", "dd"))


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _starts_lower(text: str) -> bool:
    return bool(text) and text[0].isalpha() and text[0].islower()
