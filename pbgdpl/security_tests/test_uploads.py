"""Staff document uploads: content must match the extension; active content and oversize files refused."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.models import Collection


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


DOCX = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
GOOD = {
    "quyet-dinh.pdf": b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n",
    "bieu-mau.docx": DOCX,
    "cu.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100,
    "danh-sach.csv": "Họ tên,Đơn vị\nNguyễn Văn A,Sở Tư pháp\n".encode(),
}
BAD = {
    "gia-mao.pdf": b"MZ\x90\x00 this is a windows executable",
    "trang.pdf": b"<html><script>alert(1)</script></html>",
    "anh.txt": b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    "doi-ten.docx": b"%PDF-1.4 renamed",
    "hong.xlsx": b"PK\x03\x04 not really a zip",
    "bom.zip": _zip({"../../etc/cron.d/x": b"owned"}),
    "virus.zip": _zip({"setup.exe": b"MZ..."}),
    "nhi-phan.csv": b"a,b\x00\x01\x02",
    "script.txt": b"#!/bin/sh\nrm -rf /\n",
}


def _form(name: str, data: bytes, user):
    form_class = get_document_form(get_document_model())
    return form_class(data={"title": name, "collection": Collection.get_first_root_node().pk},
                      files={"file": SimpleUploadedFile(name, data)}, user=user)


@pytest.fixture
def admin_user(db):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser("tailen", "t@example.vn", "Mat-khau-rat-dai-2026")


@pytest.mark.parametrize("name", sorted(GOOD))
def test_real_documents_are_accepted(admin_user, name):
    form = _form(name, GOOD[name], admin_user)
    assert form.is_valid(), form.errors


@pytest.mark.parametrize("name", sorted(BAD))
def test_disguised_or_active_files_are_refused(admin_user, name):
    form = _form(name, BAD[name], admin_user)
    assert not form.is_valid()
    assert "file" in form.errors


def test_oversized_document_is_refused(admin_user, settings):
    settings.DOCUMENT_MAX_UPLOAD_BYTES = 1024
    form = _form("lon.pdf", b"%PDF-1.4\n" + b"0" * 2048, admin_user)
    assert not form.is_valid() and "quá lớn" in str(form.errors["file"])


def test_upload_through_the_admin_is_checked(client, admin_user):
    client.force_login(admin_user)
    response = client.post("/quan-tri/documents/add/", {
        "title": "Giả mạo", "collection": Collection.get_first_root_node().pk,
        "file": SimpleUploadedFile("gia-mao.pdf", BAD["gia-mao.pdf"])})
    assert response.status_code == 200  # form shown again with the error
    assert not get_document_model().objects.exists()
    assert "không được phép" in response.content.decode()


def test_svg_is_not_an_allowed_image(client, admin_user):
    from django.conf import settings as django_settings

    assert "svg" not in django_settings.WAGTAILIMAGES_EXTENSIONS
