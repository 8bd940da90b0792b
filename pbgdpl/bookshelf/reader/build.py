"""From a book file to reader chapters: plain text (DOCX, PDF) or an EPUB's XHTML.

Every chapter comes out as (title, paragraphs, html) where paragraph ``i`` is the element with
``id="p{i}"`` in the HTML: the in-book search and the site search point at ``#p{i}``. Text is
escaped; EPUB markup goes through ``core.sanitize.clean_rich_text`` (scripts, handlers, styles and
frames removed) before the ids are added, so nothing active reaches the reader.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import html as lxml_html

from pbgdpl.core.sanitize import clean_rich_text

HEADING = re.compile(r"^(PHẦN|Phần|CHƯƠNG|Chương)\s+(THỨ\s+\S+|[IVXLCDM]+|\d+)\b[.:]?")
CHUNK_PARAGRAPHS = 30  # a text with no chapter headings is cut into pages this long
BLOCK_TAGS = ("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "td")
ACTIVE = re.compile(rb"<script|\son[a-z]+\s*=|javascript:|<iframe|<object|<embed", re.IGNORECASE)


class BookFileError(ValueError):
    """The file cannot be turned into a book (message in Vietnamese, for the editor)."""


@dataclass
class Chapter:
    title: str
    paragraphs: list[str]
    html: str = ""


@dataclass
class BuiltBook:
    chapters: list[Chapter]
    warnings: list[str] = field(default_factory=list)
    needs_review: bool = False


def chapters_from_text(text: str) -> list[Chapter]:
    """Chapters at "Phần"/"Chương" headings (with the all-capitals name line after them), else pages."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    chapters: list[Chapter] = []
    intro: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if HEADING.match(line):
            title = line
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if following and following == following.upper() and not HEADING.match(following):
                title = f"{line} – {following.capitalize()}"
                index += 1
            chapters.append(Chapter(title=title, paragraphs=[]))
        elif chapters:
            chapters[-1].paragraphs.append(line)
        else:
            intro.append(line)
        index += 1
    if not chapters:
        pages = [intro[start:start + CHUNK_PARAGRAPHS] for start in range(0, len(intro), CHUNK_PARAGRAPHS)]
        chapters = [Chapter(title=f"Phần {number}", paragraphs=page) for number, page in enumerate(pages, 1)]
    elif intro:
        chapters.insert(0, Chapter(title="Lời giới thiệu", paragraphs=intro))
    for chapter in chapters:
        chapter.html = "\n".join(f'<p id="p{i}">{html.escape(text)}</p>' for i, text in enumerate(chapter.paragraphs))
    return [chapter for chapter in chapters if chapter.paragraphs]


def from_text_file(path: Path) -> BuiltBook:
    """DOCX or PDF through the legal importer's extractor (PDF without a text layer is OCR'd)."""
    from pbgdpl.legal.parsing.extract import ExtractionError, extract_text

    try:
        extracted = extract_text(path)
    except ExtractionError as exc:
        raise BookFileError(str(exc)) from exc
    if not extracted.text.strip():
        raise BookFileError("Không lấy được chữ nào từ tệp (PDF chỉ có ảnh và không nhận dạng được chữ): "
                            "hãy tải lên bản có lớp chữ hoặc bản DOCX. " + " ".join(extracted.warnings))
    return BuiltBook(chapters_from_text(extracted.text), list(extracted.warnings), bool(extracted.needs_review))


def from_epub(path: Path) -> BuiltBook:
    """Chapters from the EPUB's reading order; active content is removed and reported."""
    import ebooklib
    from ebooklib import epub

    try:
        book = epub.read_epub(str(path), options={"ignore_ncx": True})
    except Exception as exc:  # ebooklib raises many types on a broken archive
        raise BookFileError("Tệp EPUB bị hỏng hoặc không đúng định dạng, không mở được.") from exc
    built = BuiltBook(chapters=[])
    had_script = False
    for item_id, _linear in book.spine:
        item = book.get_item_with_id(item_id)
        if item is None or item.get_type() != ebooklib.ITEM_DOCUMENT:
            continue
        raw = item.get_content()
        had_script = had_script or bool(ACTIVE.search(raw))
        chapter = _epub_chapter(raw, fallback=f"Phần {len(built.chapters) + 1}")
        if chapter is not None:
            built.chapters.append(chapter)
    if had_script:
        built.needs_review = True
        built.warnings.append("Tệp EPUB có mã lệnh (script, thuộc tính on…, javascript:, iframe): "
                              "đã loại bỏ khi dựng bản đọc; hãy đọc lại trước khi công khai.")
    if not built.chapters:
        raise BookFileError("Tệp EPUB không có chương nào có chữ.")
    return built


def _epub_chapter(raw: bytes, fallback: str) -> Chapter | None:
    try:
        document = lxml_html.fromstring(raw)
    except Exception:
        return None
    body = document.find(".//body")
    body = body if body is not None else document
    heading = body.find(".//h1")
    title = " ".join(heading.text_content().split()) if heading is not None else ""
    if heading is not None:
        heading.drop_tree()
    inner = "".join(lxml_html.tostring(child, encoding="unicode") for child in body)
    cleaned = clean_rich_text((body.text or "") + inner)
    if not cleaned.strip():
        return None
    fragment = lxml_html.fragment_fromstring(cleaned, create_parent="div")
    paragraphs: list[str] = []
    for element in fragment.iter(*BLOCK_TAGS):
        if any(ancestor.tag in BLOCK_TAGS for ancestor in element.iterancestors()):
            continue
        text = " ".join(element.text_content().split())
        if text:
            element.set("id", f"p{len(paragraphs)}")
            paragraphs.append(text)
    if not paragraphs:
        return None
    body_html = "".join(lxml_html.tostring(child, encoding="unicode") for child in fragment)
    return Chapter(title=title or fallback, paragraphs=paragraphs, html=body_html)


def build(path: Path) -> BuiltBook:
    suffix = Path(path).suffix.lower()
    if suffix == ".epub":
        return from_epub(path)
    if suffix in (".pdf", ".docx"):
        return from_text_file(path)
    raise BookFileError(f"Định dạng “{suffix}” không được hỗ trợ: dùng PDF, DOCX hoặc EPUB.")
