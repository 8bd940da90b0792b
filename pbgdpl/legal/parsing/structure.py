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
from .patterns import (
    ADOPTION_RE,
    APPENDIX_RE,
    ARTICLE_BARE_RE,
    ARTICLE_DOT_RE,
    ATTACHMENT_TYPE_RE,
    CLAUSE_RE,
    CLOSING_RE,
    KEM_THEO_RE,
    LEVELS,
    POINT_ORDER,
    POINT_RE,
    _is_upper,
    _starts_lower,
    _unit_value,
    eid_number,
)
from .recognisers import LineRecognisers, _Scope


class _Parser(LineRecognisers):
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
