"""Best-effort metadata from the heading and signature blocks of a parsed text.

Everything here is a suggestion for the editor or the importer (number, date, type, title, signer):
a key is left out rather than guessed when the text does not say it clearly.
"""

from __future__ import annotations

import re
from datetime import date

from .nodes import Node, ParseResult

DOC_TYPES = (
    "HIẾN PHÁP",
    "BỘ LUẬT",
    "LUẬT",
    "PHÁP LỆNH",
    "LỆNH",
    "NGHỊ QUYẾT LIÊN TỊCH",
    "NGHỊ QUYẾT",
    "NGHỊ ĐỊNH",
    "QUYẾT ĐỊNH",
    "THÔNG TƯ LIÊN TỊCH",
    "THÔNG TƯ",
    "CHỈ THỊ",
    "KẾ HOẠCH",
    "CÔNG VĂN",
    "HƯỚNG DẪN",
    "THÔNG BÁO",
    "VĂN BẢN HỢP NHẤT",
    "QUY CHẾ",
    "QUY ĐỊNH",
)
NUMBER_RE = re.compile(
    r"(?:^|\s)(?:Số|SỐ|Luật số|Bộ luật số|Nghị quyết số|Lệnh số|Pháp lệnh số)\s*:?\s*"
    r"(\d{1,5}/[0-9A-Za-zĐđ/\-.]*[0-9A-Za-zĐđ])"
)
DATE_RE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
NAME_RE = re.compile(r"^(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]*\s+){1,5}[A-ZĐÀ-Ỹ][a-zà-ỹđ]*$")
AUTHORITY_RE = re.compile(r"^(?:TM|T\.M|KT|K\.T|TL|T\.L|TUQ|Q)\.\s*|^(?:T/M|K/T|T/L)\s")


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _node_lines(node: Node | None) -> list[str]:
    if node is None:
        return []
    return [line for line in (node.heading + "\n" + node.text).split("\n") if line.strip()]


def read_metadata(lines: list[str], result: ParseResult) -> dict[str, str]:
    """Number, date, place, type and title from the heading; signer from the closing block."""
    meta: dict[str, str] = {}
    head_node = next((n for n in result.nodes if n.kind in ("preamble", "text")), None)
    head: list[str] = []
    for line in _node_lines(head_node)[:60]:
        # Dates and numbers after this point belong to the acts cited in the preamble.
        if line.startswith(("Căn cứ", "CĂN CỨ", "Theo đề nghị", "Xét ")):
            break
        head.append(line)
    for line in head:
        if "number" not in meta and (match := NUMBER_RE.search(line)):
            meta["number"] = match.group(1)
        if "issued_on" not in meta and (match := DATE_RE.search(line)) and "," in line[: match.start()]:
            day, month, year = (int(g) for g in match.groups())
            try:
                meta["issued_on"] = date(year, month, day).isoformat()
            except ValueError:
                pass
            before = NUMBER_RE.sub(" ", line[: match.start()]).rstrip(" ,")
            words = before.split()
            place: list[str] = []
            for word in reversed(words):
                if not word[:1].isupper() or len(place) >= 4:
                    break
                place.insert(0, word)
            if place:
                meta["place"] = " ".join(place)
    issuer: list[str] = []
    for line in head:
        # The issuing body is the upper-case block above the national motto and the number
        # (a PDF may put both columns on one line: cut at "CỘNG HÒA" / "Độc lập").
        line = re.split(r"\s*(?:CỘNG HÒA|CỘNG HOÀ|Độc lập|ĐỘC LẬP)", line)[0].strip()
        if not line or re.fullmatch(r"[-_=*–—.\s]+", line):
            if issuer:
                break
            continue
        if NUMBER_RE.search(line) or line in DOC_TYPES or not _is_upper(line):
            break
        issuer.append(line)
        if len(issuer) == 3:
            break
    if issuer:
        meta["issuer"] = " ".join(issuer)
    for index, line in enumerate(head):
        if line in DOC_TYPES:
            meta["doc_type"] = line.capitalize()
            title: list[str] = []
            for nxt in head[index + 1 : index + 5]:
                if nxt.startswith(("Căn cứ", "CĂN CỨ")) or re.fullmatch(r"[-_=*–—.\s]+", nxt):
                    break
                if title and _is_upper(nxt) and not _is_upper(title[-1]):
                    break  # the issuer line that opens the preamble ("ỦY BAN NHÂN DÂN TỈNH …")
                title.append(nxt)
            if title:
                meta["title"] = " ".join(title)
            break
    closing = next((n for n in result.nodes if n.kind == "closing"), None)
    tail = _node_lines(closing)
    for index in range(len(tail) - 1, -1, -1):
        line = tail[index]
        if NAME_RE.match(line) and not _is_upper(line):
            meta["signer"] = line
            for prev in reversed(tail[:index]):
                if AUTHORITY_RE.match(prev):
                    meta.setdefault("signing_authority", prev)
                    break
                if _is_upper(prev) and "signer_title" not in meta:
                    meta["signer_title"] = prev
            break
    return meta
