"""Writes of the bookshelf: building a book's reader chapters, checking audio files.

Each write marks the changed object for the search index in the same transaction. A book that
cannot be read keeps its old chapters (if any) and gets a Vietnamese message for the editor:
nothing is half-built.
"""

from __future__ import annotations

import logging
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from pbgdpl.core import av
from pbgdpl.search.services import mark_changed

from .models import AUDIO_TYPES, Book, BookSection, BookStatus
from .reader.build import BookFileError, build

log = logging.getLogger(__name__)
BOOK_LABEL = "bookshelf.Book"


def build_book(book: Book) -> Book:
    """Read the book's file into chapters; status READY, FLAGGED (read, but look) or FAILED."""
    try:
        built = build(Path(book.file.path))
    except BookFileError as exc:
        return _set_status(book, BookStatus.FAILED, str(exc))
    except Exception:
        log.exception("Building book %s failed", book.pk)
        return _set_status(book, BookStatus.FAILED, "Lỗi nội bộ khi đọc tệp; quản trị viên đã được ghi nhận lỗi.")
    with transaction.atomic():
        book.sections.all().delete()
        BookSection.objects.bulk_create([
            BookSection(book=book, number=number, title=chapter.title[:500], html=chapter.html,
                        text="\n".join(chapter.paragraphs))
            for number, chapter in enumerate(built.chapters, 1)
        ])
        status = BookStatus.FLAGGED if built.needs_review else BookStatus.READY
        _set_status(book, status, " ".join(built.warnings))
    return book


def _set_status(book: Book, status: str, message: str) -> Book:
    with transaction.atomic():
        book.status = status
        book.status_message = message[:4000]
        book.save(update_fields=["status", "status_message", "updated_at"])
        mark_changed(BOOK_LABEL, book.pk)
    return book


def check_audio(instance) -> None:
    """Fill type, size and duration from what ffprobe finds; ValidationError for anything else."""
    field = instance.audio
    path = getattr(field, "path", None) if field._committed else None
    if path is None:
        upload = field.file
        path = getattr(upload, "temporary_file_path", lambda: None)()
    if path is None:  # an in-memory upload: ffprobe reads from a temporary copy
        import tempfile

        with tempfile.NamedTemporaryFile(suffix=Path(field.name).suffix) as handle:
            field.file.seek(0)
            handle.write(field.file.read())
            handle.flush()
            field.file.seek(0)
            _describe(instance, handle.name)
        return
    _describe(instance, path)


def _describe(instance, path: str) -> None:
    try:
        info = av.probe(path)
    except av.MediaFileError as exc:
        raise ValidationError({"audio": "Tệp âm thanh hỏng hoặc không phải âm thanh."}) from exc
    kind = av.audio_format(info)
    extension = instance.audio.name.rsplit(".", 1)[-1].lower()
    if kind is None or kind != extension:
        raise ValidationError({"audio": f"Nội dung tệp không khớp với phần mở rộng .{extension} "
                                        "(chỉ nhận MP3, M4A, OGG đúng định dạng)."})
    instance.audio_type = AUDIO_TYPES[kind]
    instance.audio_bytes = Path(path).stat().st_size
    instance.duration_seconds = round(info.duration_seconds)
