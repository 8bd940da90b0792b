"""Small files made in the test: a one-second tone, EPUB/DOCX books, and saved models."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from django.core.files.base import ContentFile

from ..models import Book, Episode, PodcastShow


def tone(extension: str = "mp3", seconds: float = 1.0) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / f"tone.{extension}"
        codec = {"mp3": ["-b:a", "32k"], "ogg": ["-c:a", "libvorbis"], "m4a": ["-c:a", "aac", "-b:a", "32k"]}[extension]
        subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}",
                        "-ac", "1", *codec, str(target)], check=True, timeout=60)
        return target.read_bytes()


def epub_bytes(chapters: list[tuple[str, str]]) -> bytes:
    """An EPUB whose chapters are (title, inner XHTML body) pairs."""
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier("test-book")
    book.set_title("Sách thử")
    book.set_language("vi")
    items = []
    for number, (title, body) in enumerate(chapters, 1):
        item = epub.EpubHtml(title=title, file_name=f"c{number}.xhtml", lang="vi")
        item.content = f"<html><body><h1>{title}</h1>{body}</body></html>"
        book.add_item(item)
        items.append(item)
    book.toc = items
    book.spine = items
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "b.epub"
        epub.write_epub(str(path), book)
        return path.read_bytes()


def docx_bytes(lines: list[str]) -> bytes:
    from docx import Document

    document = Document()
    for line in lines:
        document.add_paragraph(line)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "b.docx"
        document.save(str(path))
        return path.read_bytes()


HANDBOOK_LINES = [
    "Chương I", "QUY ĐỊNH CHUNG",
    "Điều 1. Phạm vi điều chỉnh", "Sổ tay này giải thích việc đăng ký thường trú.",
    "Chương II", "ĐĂNG KÝ TẠM TRÚ",
    "Điều 2. Thời hạn", "Người đến sinh sống từ ba mươi ngày trở lên phải đăng ký tạm trú tại công an xã.",
    "Điều 3. Hồ sơ", "Hồ sơ gồm tờ khai thay đổi thông tin cư trú.",
]


def make_book(slug: str = "so-tay", *, lines=None, live: bool = True, **fields) -> Book:
    """A book built from a DOCX (the worker runs inline in tests)."""
    book = Book(slug=slug, title=fields.pop("title", "Sổ tay cư trú"), live=live, year=2026, **fields)
    book.file.save(f"{slug}.docx", ContentFile(docx_bytes(lines or HANDBOOK_LINES)), save=False)
    return save_and_build(book)


def save_and_build(book: Book) -> Book:
    """Save as the admin does; the build task enqueued on commit runs inline (ImmediateBackend)."""
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        book.save()
    book.refresh_from_db()
    return book


def make_show(episodes: int = 1, extension: str = "mp3") -> PodcastShow:
    from .. import services

    show = PodcastShow.objects.create(slug="phap-luat", title="Pháp luật mỗi tuần", description="Giải thích luật.",
                                      author="Sở Tư pháp")
    audio = tone(extension)
    for number in range(1, episodes + 1):
        episode = Episode(show=show, slug=f"so-{number}", title=f"Số {number}", description=f"Tóm tắt số {number}",
                          transcript="Lời thoại về tạm trú.")
        episode.audio.save(f"so-{number}.{extension}", ContentFile(audio), save=False)
        services.check_audio(episode)
        episode.save()
    return show
