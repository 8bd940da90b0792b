"""Background work: building a book's reader after upload (PDF OCR can take minutes)."""

from __future__ import annotations

from django_tasks import task


@task()
def build_book_task(book_id: int) -> str:
    from . import services
    from .models import Book, BookStatus

    book = Book.objects.filter(pk=book_id).first()
    if book is None or book.status != BookStatus.PENDING:
        return "nothing to do"  # gone, or already built (the demo loader builds synchronously)
    return services.build_book(book).status
