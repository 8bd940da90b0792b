"""Books: the reader built from DOCX and EPUB, bad files, in-book search, download, site search."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile

from pbgdpl.search.registry import get_source

from ..models import Book, BookStatus
from ..reader.build import chapters_from_text
from .factories import epub_bytes, make_book, save_and_build

pytestmark = pytest.mark.django_db


def test_chapters_follow_the_headings_with_their_names():
    chapters = chapters_from_text("Lời nói đầu\nChương I\nQUY ĐỊNH CHUNG\nĐiều 1. A\nChương II\nĐiều 2. B\n")
    assert [c.title for c in chapters] == ["Lời giới thiệu", "Chương I – Quy định chung", "Chương II"]
    assert chapters[1].html == '<p id="p0">Điều 1. A</p>'


def test_docx_book_reads_in_chapters_with_toc_and_download(client):
    book = make_book()
    assert book.status == BookStatus.READY
    page = client.get("/tu-sach-phap-luat/so-tay/")
    body = page.content.decode()
    assert page.status_code == 200
    assert "Chương I – Quy định chung" in body and "/tu-sach-phap-luat/so-tay/chuong-2/" in body
    chapter = client.get("/tu-sach-phap-luat/so-tay/chuong-2/").content.decode()
    assert 'id="p1">Người đến sinh sống' in chapter
    download = client.get("/tu-sach-phap-luat/so-tay/tai-ve/")
    assert download.status_code == 200 and "attachment" in download["Content-Disposition"]
    assert b"".join(download.streaming_content)[:2] == b"PK"
    assert client.get("/tu-sach-phap-luat/so-tay/chuong-9/").status_code == 404


def test_search_inside_the_book_without_diacritics_links_to_the_paragraph(client):
    make_book()
    body = client.get("/tu-sach-phap-luat/so-tay/tim/", {"q": "ba muoi ngay"}).content.decode()
    assert "1 đoạn có" in body
    assert 'href="/tu-sach-phap-luat/so-tay/chuong-2/#p1"' in body
    assert "Không tìm thấy" in client.get("/tu-sach-phap-luat/so-tay/tim/", {"q": "hàng không"}).content.decode()


def test_a_hidden_book_is_not_public(client):
    make_book(live=False)
    assert client.get("/tu-sach-phap-luat/so-tay/").status_code == 404
    assert get_source("bookshelf.Book").entries_for(Book.objects.get().pk) == []


def test_sitemap_lists_every_chapter(client):
    make_book()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/tu-sach-phap-luat/so-tay/chuong-1/" in sitemap and "/tu-sach-phap-luat/so-tay/chuong-2/" in sitemap


def test_site_search_entries_open_the_reader_at_the_passage():
    book = make_book()
    entries = get_source("bookshelf.Book").entries_for(book.pk)
    urls = [e.url for e in entries]
    assert "/tu-sach-phap-luat/so-tay/chuong-2/#p0" in urls
    assert any("ba mươi ngày" in e.body for e in entries)
    assert all(e.kind == "book" and e.group_title == "Sổ tay cư trú" for e in entries)


def test_epub_with_script_is_cleaned_and_flagged_for_the_editor(client):
    raw = epub_bytes([("Chương 1", '<p onclick="steal()">Quyền của công dân.</p><script>alert(1)</script>'),
                      ("Chương 2", '<p><a href="javascript:alert(2)">Liên kết</a> Nghĩa vụ.</p>')])
    book = Book(slug="epub", title="Sách EPUB", live=True)
    book.file.save("b.epub", ContentFile(raw), save=False)
    book = save_and_build(book)
    assert book.status == BookStatus.FLAGGED
    assert "mã lệnh" in book.status_message
    html = "".join(book.sections.values_list("html", flat=True))
    assert "Quyền của công dân." in html
    assert "script" not in html and "onclick" not in html and "javascript:" not in html
    assert client.get("/tu-sach-phap-luat/epub/chuong-2/").status_code == 200


def test_a_broken_file_fails_with_a_message_and_keeps_nothing_half_built():
    book = Book(slug="hong", title="Hỏng", live=True)
    book.file.save("hong.epub", ContentFile(b"PK\x03\x04 not really a zip"), save=False)
    book = save_and_build(book)
    assert book.status == BookStatus.FAILED
    assert "EPUB bị hỏng" in book.status_message
    assert not book.sections.exists()


def test_reading_counts_come_from_the_cookieless_visit_counter(client, settings):
    from ..selectors import reading_count

    settings.VISIT_STATS_FLUSH_SIZE = 1
    book = make_book()
    client.get("/tu-sach-phap-luat/so-tay/", HTTP_USER_AGENT="Mozilla/5.0 (Linux; Android 14) Mobile")
    client.get("/tu-sach-phap-luat/so-tay/chuong-2/", HTTP_USER_AGENT="Mozilla/5.0 (Linux; Android 14) Mobile")
    assert reading_count(book) == 2


def test_an_epub_with_stored_xml_parts_passes_the_upload_check_and_a_renamed_zip_does_not():
    import io
    import zipfile

    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from pbgdpl.core.uploads import validate_document

    def archive(names):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as zipped:
            for name in names:
                zipped.writestr(name, '<?xml version="1.0"?><container/>')
        return buffer.getvalue()

    validate_document(SimpleUploadedFile("s.epub", archive(["mimetype", "META-INF/container.xml", "c1.xhtml"])))
    with pytest.raises(ValidationError):
        validate_document(SimpleUploadedFile("s.epub", archive(["mimetype", "word/document.xml"])))
