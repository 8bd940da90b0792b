"""Vietnamese legal text → provision tree (Phần/Chương/Mục/Điều/Khoản/Điểm and the blocks around them).

The parser works line by line on NFC-normalised text. Every non-blank input line ends up in exactly
one node (as its heading or its text), so rebuilding the document from the tree loses nothing.

Decisions worth knowing (also in ``__init__``):

- A line is an article heading when it starts with "Điều N." / "Điều N:" (always), is exactly
  "Điều N" (always), or is "Điều N <Title>" without a dot only when N is the next article number and
  the title starts with a capital letter — so a wrapped reference such as "Điều 5 của Luật này …" or
  "Điều 169 của Luật này." stays body text.
- Clauses ("1.") are recognised only inside an article and must increase; points ("a)" … "đ)" …)
  follow the Vietnamese alphabet (a b c d đ e g h i k l m n o p q r s t u v x y) and must increase
  within their clause (or article). Anything else ("a1)", "-", "+", "1.1.") stays text.
- A block that starts with an opening quote after a line ending in ":" (the text an amending law
  inserts, e.g. "“Điều 54. …") is quoted content: no structure is read inside it.
- Chapters and parts must increase (restarts are allowed after a new part); a restart after the
  closing block starts an attachment even without its "(Ban hành kèm theo …)" line.
"""

from __future__ import annotations

import re
import unicodedata

from pbgdpl.core.text import ascii_identifier, strip_invisible

from .nodes import Node, ParseResult

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


class _Scope:
    """Numbering state of one text (the main document or one attachment)."""

    def __init__(self, prefix: str, container: Node | None):
        self.prefix = prefix  # "" for the main document, "quy-che-" for an attachment
        self.container = container  # None: top level of the result
        self.stack: list[Node] = []  # open structural nodes, outermost first
        self.last_part: tuple[int, int] | None = None
        self.last_chapter: tuple[int, int] | None = None
        self.part_since_chapter = False
        self.last_section: tuple[int, int] | None = None
        self.last_article: tuple[int, int] | None = None
        self.has_structure = False
        self.lead: Node | None = None  # preamble (main) or the attachment itself
        self.closing: Node | None = None


class _Parser:
    def __init__(self, text: str):
        text = strip_invisible(unicodedata.normalize("NFC", text)).replace("\r\n", "\n").replace("\r", "\n")
        text = text.replace("\ufeff", "").replace("\u00a0", " ").replace("\u200b", "")
        self.lines = [line.strip() for line in text.split("\n")]
        self.result = ParseResult()
        self.eids: set[str] = set()
        self.buffers: dict[int, tuple[Node, list[str]]] = {}
        self.quoted = self._find_quoted()
        self.attachment_counts: dict[str, int] = {}
        self.appendix_count = 0
        self.attachment_starts: dict[int, tuple[int, int]] = self._find_attachments()

    # -- helpers -----------------------------------------------------------------------------------

    def warn(self, message: str) -> None:
        self.result.warnings.append(message)

    def unique_eid(self, eid: str, line_no: int) -> str:
        if eid not in self.eids:
            self.eids.add(eid)
            return eid
        n = 2
        while f"{eid}-{n}" in self.eids:
            n += 1
        self.warn(f"Dòng {line_no}: mã định danh “{eid}” bị trùng, đổi thành “{eid}-{n}”.")
        self.eids.add(f"{eid}-{n}")
        return f"{eid}-{n}"

    def _next_nonblank(self, index: int) -> int | None:
        for j in range(index + 1, len(self.lines)):
            if self.lines[j]:
                return j
        return None

    def _prev_nonblank(self, index: int) -> int | None:
        for j in range(index - 1, -1, -1):
            if self.lines[j]:
                return j
        return None

    # -- pre-scans ---------------------------------------------------------------------------------

    def _find_quoted(self) -> set[int]:
        """Lines inside text quoted by an amending provision (“Điều 54. …”)."""
        quoted: set[int] = set()
        lines = self.lines
        i = 0
        while i < len(lines):
            line = lines[i]
            if line[:1] in ("“", '"') and i not in quoted:
                prev = self._prev_nonblank(i)
                if prev is not None and lines[prev].endswith(":"):
                    end = self._quote_end(i)
                    if end is None:
                        self.warn(f"Dòng {i + 1}: dấu ngoặc kép mở nhưng không thấy dấu đóng.")
                    else:
                        quoted.update(range(i, end + 1))
                        i = end + 1
                        continue
            elif OPEN_QUOTE_AFTER_COLON_RE.search(line) and line.count("“") > line.count("”"):
                # "1. Sửa đổi khoản 2 như sau: “2. Nội dung …" — the quote goes on over the next lines;
                # this line itself (the amending clause) is still read as structure.
                end = self._quote_end(i)
                if end is not None and end > i:
                    quoted.update(range(i + 1, end + 1))
                    i = end + 1
                    continue
            i += 1
        return quoted

    QUOTE_LIMIT = 3000  # lines; an unclosed quote is not allowed to swallow a whole document

    def _quote_index(self) -> None:
        """Precompute, in linear time, where each quote opened on a line closes.

        With Q[k] = (opening − closing curly quotes) in lines[0:k], a curly quote opened on line i
        closes on the first line j ≥ i with Q[j + 1] ≤ Q[i] ("next smaller or equal" of Q, found with a
        monotonic stack). For straight quotes, the first line ending with a quote is remembered.
        """
        lines = self.lines
        prefix = [0]
        for line in lines:
            prefix.append(prefix[-1] + line.count("“") - line.count("”"))
        next_le = [len(prefix)] * len(prefix)
        stack: list[int] = []
        for k in range(len(prefix) - 1, -1, -1):
            while stack and prefix[stack[-1]] > prefix[k]:
                stack.pop()
            if stack:
                next_le[k] = stack[-1]
            stack.append(k)
        self._curly_end = next_le
        ends_straight = [bool(re.search(r'"[\s.;,:)]*$', line)) for line in lines]
        next_straight = [len(lines)] * (len(lines) + 1)
        for k in range(len(lines) - 1, -1, -1):
            next_straight[k] = k if ends_straight[k] else next_straight[k + 1]
        self._ends_straight, self._next_straight = ends_straight, next_straight

    def _quote_end(self, start: int) -> int | None:
        """The line where the quote opened on line ``start`` closes, or None."""
        if not hasattr(self, "_curly_end"):
            self._quote_index()
        line = self.lines[start]
        if "“" in line:
            end = self._curly_end[start] - 1
        elif line.count('"') >= 2 and line.count('"') % 2 == 0:
            end = start  # '"Bảo vệ môi trường" là …': opened and closed on the same line
        else:
            end = self._next_straight[start + 1]
        if end >= len(self.lines) or end - start > self.QUOTE_LIMIT:
            return None
        return end

    def _find_attachments(self) -> dict[int, tuple[int, int]]:
        """First line → (type line, "kèm theo" line) of each attached Quy chế/Quy định/… .

        Only after the main text has begun (an article, chapter or closing line before it): the same
        block at the very top is the title of a standalone regulation, not an attachment.
        """
        starts: dict[int, tuple[int, int]] = {}
        begun = False
        last_end = -1
        for i, line in enumerate(self.lines):
            if not line or i in self.quoted:
                continue
            if not begun:
                begun = bool(
                    ARTICLE_DOT_RE.match(line)
                    or ARTICLE_BARE_RE.match(line)
                    or CHAPTER_RE.match(line)
                    or CLOSING_RE.match(line)
                )
                continue
            if KEM_THEO_RE.match(line) and len(line) < 400:
                found = self._attachment_header(i)
                # Found in document order: a new block must start after the previous one ended.
                if found is not None and found[0] > last_end:
                    starts[found[0]] = (found[1], i)
                    last_end = i
        return starts

    def _attachment_header(self, kem: int) -> tuple[int, int] | None:
        """For a "(Ban hành kèm theo …)" line, the first line of its attachment and its type line."""
        type_line = None
        j = kem
        for _ in range(6):
            prev = self._prev_nonblank(j)
            if prev is None:
                return None
            line = self.lines[prev]
            if ARTICLE_DOT_RE.match(line) or prev in self.quoted:
                return None
            if _is_upper(line) and ATTACHMENT_TYPE_RE.match(line):
                type_line = prev
                break
            j = prev
        if type_line is None:
            return None
        above = self._prev_nonblank(type_line)
        if above is not None and APPENDIX_RE.match(self.lines[above]):
            return None  # "PHỤ LỤC I / MẪU … / (Kèm theo …)": the title of an appendix
        start = type_line
        for _ in range(10):
            prev = self._prev_nonblank(start)
            if (
                prev is None
                or not HEADER_LINE_RE.match(self.lines[prev])
                or CLOSING_RE.match(self.lines[prev])
            ):
                break
            start = prev
        return start, type_line

    # -- heading recognisers -----------------------------------------------------------------------

    def _match_part(self, line: str) -> tuple[str, str, tuple[int, int]] | None:
        match = PART_RE.match(line)
        if not match or _starts_lower(match.group(2)):
            return None
        raw = match.group(1)
        value = _unit_value(raw) if not raw.isdigit() else (int(raw), 0)
        if value is None:
            return None
        number = str(value[0]) if raw.lower().startswith("thứ") else raw
        return number, match.group(2).strip(), value

    def _match_chapter(self, line: str) -> tuple[str, str, tuple[int, int]] | None:
        match = CHAPTER_RE.match(line)
        if not match or _starts_lower(match.group(2)):
            return None
        value = _unit_value(match.group(1))
        if value is None:
            return None
        return match.group(1), match.group(2).strip(), value

    def _match_section(self, line: str) -> tuple[str, str, tuple[int, int]] | None:
        match = SECTION_RE.match(line)
        if not match or _starts_lower(match.group(2)):
            return None
        value = _unit_value(match.group(1))
        if value is None:
            return None
        return match.group(1), match.group(2).strip(), value

    def _match_article(self, line: str, scope: _Scope) -> tuple[str, str, tuple[int, int]] | None:
        match = ARTICLE_DOT_RE.match(line) or ARTICLE_BARE_RE.match(line)
        if match:
            number = match.group(1)
            title = match.group(2).strip() if match.lastindex and match.lastindex >= 2 else ""
            value = _unit_value(number)
            return (number, title, value) if value else None
        match = ARTICLE_NODOT_RE.match(line)
        if not match:
            return None
        number, rest = match.group(1), match.group(2).strip()
        value = _unit_value(number)
        if value is None or not rest[0].isupper() or REFERENCE_RE.search(rest) or DOC_WORD_RE.match(rest):
            return None
        last = scope.last_article
        expected = (
            last is None
            and value[0] == 1
            or (
                last is not None
                and (value[0] == last[0] + 1 and value[1] == 0 or value[0] == last[0] and value > last)
            )
        )
        return (number, rest, value) if expected else None

    def _is_structural(self, line: str, scope: _Scope) -> bool:
        return bool(
            self._match_part(line)
            or self._match_chapter(line)
            or self._match_section(line)
            or ARTICLE_DOT_RE.match(line)
            or ARTICLE_BARE_RE.match(line)
            or APPENDIX_RE.match(line)
            or CLOSING_RE.match(line)
        )

    # -- tree building -----------------------------------------------------------------------------

    def _attach(self, scope: _Scope, node: Node, level: int) -> None:
        while scope.stack and LEVELS[scope.stack[-1].kind] >= level:
            scope.stack.pop()
        if scope.stack:
            scope.stack[-1].children.append(node)
        elif scope.container is not None:
            scope.container.children.append(node)
        else:
            self.result.nodes.append(node)
        scope.stack.append(node)
        scope.has_structure = True

    def _top_append(self, scope: _Scope, node: Node) -> None:
        if scope.container is not None:
            scope.container.children.append(node)
        else:
            self.result.nodes.append(node)

    def _add_text(self, node: Node, line: str) -> None:
        # Lines are collected in lists and joined once at the end: appending to a growing string is
        # quadratic on long appendices.
        entry = self.buffers.get(id(node))
        if entry is None:
            entry = self.buffers[id(node)] = (node, [node.text] if node.text else [])
        entry[1].append(line)

    def _take_title(self, index: int, scope: _Scope) -> tuple[list[int], str]:
        """Title lines after a bare "Chương I" / "Phần thứ nhất" / "Mục 1" heading."""
        taken: list[int] = []
        j = self._next_nonblank(index)
        if j is None or j in self.quoted or j in self.attachment_starts:
            return taken, ""
        line = self.lines[j]
        if (
            self._is_structural(line, scope)
            or CLAUSE_RE.match(line)
            or POINT_RE.match(line)
            or len(line) > 300
        ):
            return taken, ""
        taken.append(j)
        if _is_upper(line):
            for _ in range(3):
                k = self._next_nonblank(taken[-1])
                if k is None or k in self.quoted or k in self.attachment_starts:
                    break
                nxt = self.lines[k]
                if not _is_upper(nxt) or self._is_structural(nxt, scope) or KEM_THEO_RE.match(nxt):
                    break
                taken.append(k)
        return taken, " ".join(self.lines[k] for k in taken)

    def _is_article_title(self, index: int, scope: _Scope) -> bool:
        """A short line that reads like a title: capitalised, no final punctuation, not a unit."""
        if index in self.quoted or index in self.attachment_starts:
            return False
        line = self.lines[index]
        return (
            len(line) <= 200
            and line[0].isupper()
            and not re.search(r"[.;:,!?…”\"]$", line)
            and not self._is_structural(line, scope)
            and not CLAUSE_RE.match(line)
            and not KEM_THEO_RE.match(line)
        )

    def _current(self, scope: _Scope, index: int) -> Node:
        """The node that receives a plain text line."""
        if scope.closing is not None:
            return scope.closing
        if scope.stack:
            return scope.stack[-1]
        if scope.lead is None:
            scope.lead = Node(
                kind="preamble", eid=self.unique_eid(scope.prefix + "mo-dau", index + 1), line=index + 1
            )
            self._top_append(scope, scope.lead)
        return scope.lead

    # -- main loop ---------------------------------------------------------------------------------

    def parse(self) -> ParseResult:
        lines = self.lines
        main = _Scope("", None)
        scope = main
        appendix: Node | None = None
        skip: set[int] = set()
        i = -1
        while i + 1 < len(lines):
            i += 1
            line = lines[i]
            if not line or i in skip:
                continue
            line_no = i + 1

            # Attachment ("QUY CHẾ … (Ban hành kèm theo Quyết định số …)") after the main text.
            if i in self.attachment_starts:
                type_line, kem = self.attachment_starts[i]
                scope, appendix = self._start_attachment(i, type_line, kem), None
                skip.update(range(i, kem + 1))
                continue

            if i not in self.quoted:
                match = APPENDIX_RE.match(line)
                if match and not _starts_lower(match.group(2) or ""):
                    appendix = self._start_appendix(i, match, skip)
                    scope.closing = None
                    scope.stack = []
                    continue
            if appendix is not None:
                self._add_text(appendix, line)
                continue

            if i in self.quoted:
                self._add_text(self._current(scope, i), line)
                continue

            if scope.closing is None and self._starts_closing(i) and (scope.has_structure or scope is main):
                scope.closing = Node(
                    kind="closing", eid=self.unique_eid(scope.prefix + "ket-thuc", line_no), line=line_no
                )
                self._top_append(scope, scope.closing)
                scope.stack = []
                self._add_text(scope.closing, line)
                continue

            if scope.closing is not None:
                restart = self._restart_heading(line)
                if restart:
                    self.warn(
                        f"Dòng {line_no}: văn bản kèm theo bắt đầu lại đánh số nhưng không có dòng "
                        "“(Ban hành kèm theo …)”; đã tách thành phần đính kèm."
                    )
                    scope = self._start_attachment(i, None, i - 1)
                else:
                    self._add_text(scope.closing, line)
                    continue

            if self._heading(scope, i, line, skip):
                continue

            self._add_text(self._current(scope, i), line)

        self._finish(main)
        return self.result

    def _starts_closing(self, index: int) -> bool:
        """Nơi nhận, a signature line, or the adoption sentence of a law ("Luật này được Quốc hội …
        thông qua ngày …") right before the signature. An adoption sentence that also sets the
        effective date ("… và có hiệu lực từ ngày …", usual in HĐND resolutions) or that is followed by
        more text is normative text of the last article, not the closing."""
        line = self.lines[index]
        if not CLOSING_RE.match(line):
            return False
        if not ADOPTION_RE.match(line):
            return True
        if "hiệu lực" in line:
            return False
        following = self._next_nonblank(index)
        return following is None or bool(CLOSING_RE.match(self.lines[following]))

    def _restart_heading(self, line: str) -> bool:
        part = self._match_part(line)
        chapter = self._match_chapter(line)
        article = ARTICLE_DOT_RE.match(line) or ARTICLE_BARE_RE.match(line)
        return bool(
            (part and part[2][0] == 1)
            or (chapter and chapter[2][0] == 1)
            or (article and article.group(1) == "1")
        )

    def _start_attachment(self, start: int, type_line: int | None, kem: int) -> _Scope:
        heading_lines = (
            [self.lines[k] for k in range(start, kem + 1) if self.lines[k]] if type_line is not None else []
        )
        if type_line is not None:
            type_match = ATTACHMENT_TYPE_RE.match(self.lines[type_line])
            kind_word = type_match.group(1) if type_match else "VĂN BẢN"
            title_lines = [self.lines[k] for k in range(type_line, kem) if self.lines[k]]
            title = " ".join(title_lines)
        else:
            kind_word, title = "VĂN BẢN KÈM THEO", ""
        base = ascii_identifier(kind_word)
        count = self.attachment_counts.get(base, 0) + 1
        self.attachment_counts[base] = count
        prefix = base if count == 1 else f"{base}-{count}"
        total = sum(self.attachment_counts.values())
        node = Node(
            kind="attachment",
            number=str(total),
            title=title,
            eid=self.unique_eid(prefix, start + 1),
            heading="\n".join(heading_lines),
            line=start + 1,
        )
        self.result.nodes.append(node)
        scope = _Scope(prefix + "-", node)
        scope.lead = node
        return scope

    def _start_appendix(self, index: int, match: re.Match, skip: set[int]) -> Node:
        number = match.group(1) or ""
        title = (match.group(2) or "").strip()
        heading = [self.lines[index]]
        last = index
        if not title:
            # Title: the next upper-case lines (and an "(Kèm theo …)" line right after them).
            for _ in range(3):
                k = self._next_nonblank(last)
                if k is None or not _is_upper(self.lines[k]) or APPENDIX_RE.match(self.lines[k]):
                    break
                heading.append(self.lines[k])
                skip.add(k)
                last = k
            title = " ".join(heading[1:])
        k = self._next_nonblank(last)
        if k is not None and self.lines[k].startswith("(") and KEM_THEO_RE.match(self.lines[k]):
            heading.append(self.lines[k])
            skip.add(k)
        self.appendix_count += 1
        eid = "phu-luc-" + eid_number(number) if number else "phu-luc"
        node = Node(
            kind="appendix",
            number=number,
            title=title,
            eid=self.unique_eid(eid, index + 1),
            heading="\n".join(heading),
            line=index + 1,
        )
        self.result.nodes.append(node)
        return node

    def _heading(self, scope: _Scope, index: int, line: str, skip: set[int]) -> bool:
        line_no = index + 1
        part = self._match_part(line)
        if part and (scope.last_part is None or part[2] > scope.last_part):
            number, title, value = part
            heading = [line]
            if not title:
                taken, title = self._take_title(index, scope)
                skip.update(taken)
                heading += [self.lines[k] for k in taken]
            node = Node(
                "part",
                number,
                title,
                eid=self.unique_eid(f"{scope.prefix}phan-{eid_number(number)}", line_no),
            )
            node.heading, node.line = "\n".join(heading), line_no
            self._attach(scope, node, LEVELS["part"])
            scope.last_part, scope.part_since_chapter = value, True
            return True

        chapter = self._match_chapter(line)
        if chapter:
            number, title, value = chapter
            if scope.last_chapter is None or value > scope.last_chapter or scope.part_since_chapter:
                heading = [line]
                if not title:
                    taken, title = self._take_title(index, scope)
                    skip.update(taken)
                    heading += [self.lines[k] for k in taken]
                eid = f"{scope.prefix}chuong-{eid_number(number)}"
                if eid in self.eids and scope.last_part is not None:
                    part_node = next((n for n in scope.stack if n.kind == "part"), None)
                    if part_node is not None:
                        eid = f"{part_node.eid}-chuong-{eid_number(number)}"
                node = Node("chapter", number, title, eid=self.unique_eid(eid, line_no))
                node.heading, node.line = "\n".join(heading), line_no
                self._attach(scope, node, LEVELS["chapter"])
                scope.last_chapter, scope.part_since_chapter, scope.last_section = value, False, None
                return True
            self.warn(f"Dòng {line_no}: “{line[:60]}” không theo thứ tự chương, giữ làm nội dung.")

        section = self._match_section(line)
        if section:
            number, title, value = section
            if scope.last_section is None or value > scope.last_section:
                heading = [line]
                if not title:
                    taken, title = self._take_title(index, scope)
                    skip.update(taken)
                    heading += [self.lines[k] for k in taken]
                chapter_node = next((n for n in reversed(scope.stack) if n.kind == "chapter"), None)
                base = f"{chapter_node.eid}-" if chapter_node is not None else scope.prefix
                node = Node(
                    "section", number, title, eid=self.unique_eid(f"{base}muc-{eid_number(number)}", line_no)
                )
                node.heading, node.line = "\n".join(heading), line_no
                self._attach(scope, node, LEVELS["section"])
                scope.last_section = value
                return True

        article = self._match_article(line, scope)
        if article:
            number, title, value = article
            if scope.last_article is not None and value <= scope.last_article:
                self.warn(f"Dòng {line_no}: Điều {number} đứng sau Điều có số lớn hơn hoặc bằng.")
            heading = [line]
            if not title and ARTICLE_DOT_RE.match(line):
                # "Điều 5." with the title as its own paragraph (Word files often do this); a bare
                # "Điều 5" (the Constitution's style) has no title.
                nxt = self._next_nonblank(index)
                if nxt is not None and self._is_article_title(nxt, scope):
                    title = self.lines[nxt]
                    heading.append(title)
                    skip.add(nxt)
            node = Node(
                "article",
                number,
                title,
                eid=self.unique_eid(f"{scope.prefix}dieu-{eid_number(number)}", line_no),
                heading="\n".join(heading),
                line=line_no,
            )
            self._attach(scope, node, LEVELS["article"])
            scope.last_article = value
            node._last_clause = None  # type: ignore[attr-defined]
            node._last_point = None  # type: ignore[attr-defined]
            return True

        article_node = next((n for n in reversed(scope.stack) if n.kind == "article"), None)
        if article_node is None:
            return False

        clause = CLAUSE_RE.match(line)
        if clause:
            number = clause.group(1)
            value = _unit_value(number)
            last = article_node._last_clause  # type: ignore[attr-defined]
            if value is not None and (last is None or value > last):
                label = line[: clause.start(2)].rstrip() if clause.group(2) else line
                node = Node(
                    "clause",
                    number,
                    text=clause.group(2) or "",
                    eid=self.unique_eid(f"{article_node.eid}-khoan-{eid_number(number)}", line_no),
                    heading=label,
                    line=line_no,
                    heading_alone=not clause.group(2),
                )
                self._attach(scope, node, LEVELS["clause"])
                article_node._last_clause = value  # type: ignore[attr-defined]
                node._last_point = None  # type: ignore[attr-defined]
                return True

        point = POINT_RE.match(line)
        if point:
            letter = point.group(1)
            parent = scope.stack[-1] if scope.stack[-1].kind in ("clause", "article") else scope.stack[-2]
            last = parent._last_point  # type: ignore[attr-defined]
            if letter in POINT_ORDER and (last is None or POINT_ORDER[letter] > last):
                label = line[: point.start(2)].rstrip() if point.group(2) else line
                node = Node(
                    "point",
                    letter,
                    text=point.group(2) or "",
                    eid=self.unique_eid(f"{parent.eid}-diem-{eid_number(letter)}", line_no),
                    heading=label,
                    line=line_no,
                    heading_alone=not point.group(2),
                )
                while scope.stack[-1] is not parent:
                    scope.stack.pop()
                parent.children.append(node)
                scope.stack.append(node)
                parent._last_point = POINT_ORDER[letter]  # type: ignore[attr-defined]
                return True
        return False

    def _finish(self, main: _Scope) -> None:
        for node, lines in self.buffers.values():
            node.text = "\n".join(lines)
        self.buffers.clear()
        for node in self.result.iter():
            node.__dict__.pop("_last_clause", None)
            node.__dict__.pop("_last_point", None)
        if not main.has_structure and main.lead is not None and main.lead.kind == "preamble":
            # No Phần/Chương/Điều at all (a Công văn, a Kế hoạch): the text is the content itself.
            main.lead.kind = "text"
            self.eids.discard(main.lead.eid)
            main.lead.eid = self.unique_eid("noi-dung", main.lead.line)
        if not any(node.kind == "article" for node in self.result.iter()):
            self.warn("Không tìm thấy Điều nào trong văn bản.")


def parse_text(text: str) -> ParseResult:
    """Parse a Vietnamese legal text into a provision tree.

    The input is NFC-normalised first (NFD input parses the same). Never raises on odd input: what
    cannot be recognised stays text of the enclosing node and may produce a warning.
    """
    if not isinstance(text, str):
        raise TypeError("parse_text expects str")
    parser = _Parser(text)
    result = parser.parse()
    from .metadata import read_metadata  # local import: metadata is optional sugar

    result.metadata = read_metadata(parser.lines, result)
    return result
