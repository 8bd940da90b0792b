"""Line-level recognition for the structure parser: pre-scans (quoted amendments, attachments) and
heading recognisers. ``_Parser`` in ``structure`` mixes this in; it reads ``self.lines``,
``self.quoted`` and ``self.attachment_starts`` and calls ``self.warn``.
"""

from __future__ import annotations

import re

from .nodes import Node
from .patterns import (
    APPENDIX_RE,
    ARTICLE_BARE_RE,
    ARTICLE_DOT_RE,
    ARTICLE_NODOT_RE,
    ATTACHMENT_TYPE_RE,
    CHAPTER_RE,
    CLAUSE_RE,
    CLOSING_RE,
    DOC_WORD_RE,
    HEADER_LINE_RE,
    KEM_THEO_RE,
    OPEN_QUOTE_AFTER_COLON_RE,
    PART_RE,
    POINT_RE,
    REFERENCE_RE,
    SECTION_RE,
    _is_upper,
    _starts_lower,
    _unit_value,
)


def _match_numbered_heading(pattern: re.Pattern, line: str) -> tuple[str, str, tuple[int, int]] | None:
    """(number, title, numeric value) of a "Chương II …" / "Mục 1 …" heading, or None.

    A title starting in lower case is a wrapped sentence ("Chương này quy định …"), not a heading.
    """
    match = pattern.match(line)
    if not match or _starts_lower(match.group(2)):
        return None
    value = _unit_value(match.group(1))
    if value is None:
        return None
    return match.group(1), match.group(2).strip(), value


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


class LineRecognisers:
    lines: list[str]
    quoted: set[int]
    attachment_starts: dict[int, tuple[int, int]]

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
        return _match_numbered_heading(CHAPTER_RE, line)

    def _match_section(self, line: str) -> tuple[str, str, tuple[int, int]] | None:
        return _match_numbered_heading(SECTION_RE, line)

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
