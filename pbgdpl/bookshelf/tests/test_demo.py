"""The demo loader: two books from the demo laws, a show with three sample episodes, a two-chapter
audiobook; running it again adds nothing."""

from __future__ import annotations

import io

import pytest

from ..demo import load_demo_library
from ..models import Audiobook, Book, BookStatus, Episode

pytestmark = pytest.mark.django_db


def test_demo_library_is_generated_locally_and_idempotent(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        summary = load_demo_library(io.StringIO())
    assert summary.startswith("2 sách mới, 3 số podcast mới, 2 chương sách nói mới")
    books = {book.file_extension: book for book in Book.objects.all()}
    assert set(books) == {"epub", "docx"}
    assert all(book.status == BookStatus.READY and book.sections.count() >= 5 for book in books.values())
    assert Episode.objects.filter(is_sample=True, duration_seconds__gt=3).count() == 3
    assert Audiobook.objects.get().chapters.count() == 2
    shelf = client.get("/tu-sach-phap-luat/").content.decode()
    assert "Sổ tay pháp luật về cư trú" in shelf and "Âm thanh mẫu" in shelf
    epub_text = client.get(books["epub"].get_absolute_url()).content.decode()
    assert "Điều 1. Phạm vi điều chỉnh" in epub_text
    assert load_demo_library(io.StringIO()).startswith("0 sách mới, 0 số podcast mới, 0 chương")
