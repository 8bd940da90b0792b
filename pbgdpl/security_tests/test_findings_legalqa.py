"""Regression tests for the issue-10 findings in documents, the legal registry and the Q&A.

Each test names its finding and fails on the code before the fix.
"""

from __future__ import annotations

import importlib
import io
import os
import re
import stat
import zipfile

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.utils import sendfile as wagtail_sendfile

from pbgdpl.qa.forms import AskForm
from pbgdpl.qa.models import Question

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
WRONG_PASSWORD_MESSAGE = "Bạn đã nhập sai mật khẩu quá nhiều lần. Vui lòng thử lại sau 15 phút."


@pytest.fixture
def private_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    cache.clear()
    yield tmp_path
    cache.clear()


def _restricted_document(restriction_type: str, name: str = "quy-che-noi-bo.pdf", **restriction):
    collection = Collection.get_first_root_node().add_child(name=f"Nội bộ {restriction_type}")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type=restriction_type, **restriction)
    return get_document_model().objects.create(
        title="Quy chế nội bộ", collection=collection, file=ContentFile(PDF, name=name))


def test_finding_02_restricted_document_is_stored_privately_under_a_random_path(client, db, private_files):
    """Finding 2: a login-restricted document was public at /media/documents/<original name>."""
    document = _restricted_document(CollectionViewRestriction.LOGIN)
    assert re.fullmatch(r"documents/[0-9a-f]{24}/quy-che-noi-bo\.pdf", document.file.name)
    assert not (private_files / "media" / "documents").exists()  # nothing under what /media/ serves
    assert (private_files / "private" / document.file.name).read_bytes() == PDF
    assert document.url == f"/tai-lieu/{document.pk}/quy-che-noi-bo.pdf"
    assert client.get("/media/documents/quy-che-noi-bo.pdf").status_code == 404
    assert client.get(f"/media/{document.file.name}").status_code == 404
    anonymous = client.get(document.url)
    assert anonymous.status_code == 302
    assert anonymous["Location"] == f"{reverse('wagtailcore_login')}?next={document.url}"
    client.force_login(_user())
    response = client.get(document.url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert 'filename="quy-che-noi-bo.pdf"' in response["Content-Disposition"]


def _user():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_user("nguoidoc", "doc@example.vn", "Mat-khau-rat-dai-2026")


def test_finding_02_two_uploads_of_one_name_get_different_random_paths(db, private_files):
    first = _restricted_document(CollectionViewRestriction.LOGIN)
    second = get_document_model().objects.create(
        title="Bản khác", collection=first.collection, file=ContentFile(PDF, name="quy-che-noi-bo.pdf"))
    assert first.file.name != second.file.name
    assert first.filename == second.filename == "quy-che-noi-bo.pdf"


def test_finding_02_images_stay_public_media_and_keep_their_names(db, private_files):
    """The fix moves documents only: an image upload is still a public /media/ file."""
    from django.core.files.storage import default_storage

    name = default_storage.save("original_images/anh-hoi-nghi.png", ContentFile(b"\x89PNG\r\n\x1a\n"))
    assert name == "original_images/anh-hoi-nghi.png"
    assert default_storage.url(name) == "/media/original_images/anh-hoi-nghi.png"
    assert (private_files / "media" / name).exists()


def test_finding_02_password_document_asks_for_the_password(client, db, private_files):
    document = _restricted_document(CollectionViewRestriction.PASSWORD, password="bi-mat-2026")
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"password" in response.content and PDF not in response.content


def test_finding_02_behind_nginx_the_view_hands_the_file_to_an_internal_location(client, db, private_files, settings):
    settings.SENDFILE_URL = "/_tai-lieu-noi-bo/"
    settings.SENDFILE_BACKEND = "pbgdpl.core.private_media"
    wagtail_sendfile._get_sendfile.clear()
    try:
        document = _restricted_document(CollectionViewRestriction.LOGIN, name="báo cáo quý.pdf")
        client.force_login(_user())
        response = client.get(document.url)
    finally:
        wagtail_sendfile._get_sendfile.clear()
    token = document.file.name.split("/")[1]
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/_tai-lieu-noi-bo/{token}/b%C3%A1o_c%C3%A1o_qu%C3%BD.pdf"
    # nginx sends the file and its length; the app's empty answer must not claim the file's size.
    assert response.content == b"" and response.get("Content-Length", "0") == "0"
    assert "filename*=UTF-8''b%C3%A1o_c%C3%A1o_qu%C3%BD.pdf" in response["Content-Disposition"]


def test_finding_02_settings_serve_documents_only_through_the_checking_view(monkeypatch):
    """As deployed: documents are served by the view (never a direct media URL), stored outside
    MEDIA_ROOT, and SENDFILE_URL switches the view to nginx's X-Accel-Redirect."""
    import runpy
    import sys

    monkeypatch.setenv("SENDFILE_URL", "/_tai-lieu-noi-bo/")
    monkeypatch.delitem(sys.modules, "config.settings.base", raising=False)
    values = runpy.run_module("config.settings.base")
    assert values["WAGTAILDOCS_SERVE_METHOD"] == "serve_view"
    assert values["STORAGES"]["default"]["BACKEND"] == "pbgdpl.core.private_media.MediaStorage"
    assert not str(values["PRIVATE_MEDIA_ROOT"]).startswith(str(values["MEDIA_ROOT"]))
    assert values["SENDFILE_BACKEND"] == "pbgdpl.core.private_media"


def test_finding_02_documents_uploaded_before_the_fix_are_moved_out_of_media(client, db, private_files):
    """Existing files under MEDIA_ROOT/documents/ move to the private root, still downloadable."""
    legacy = private_files / "media" / "documents" / "ke-hoach-2025.pdf"
    legacy.parent.mkdir(parents=True)
    legacy.write_bytes(PDF)
    Document = get_document_model()
    document = Document.objects.create(title="Kế hoạch", collection=Collection.get_first_root_node(),
                                       file=ContentFile(b"", name="placeholder.pdf"))
    Document.objects.filter(pk=document.pk).update(file="documents/ke-hoach-2025.pdf")
    migration = importlib.import_module("pbgdpl.legal.migrations.0006_documents_to_private_storage")
    migration.move_documents(apps, None)
    document.refresh_from_db()
    assert re.fullmatch(r"documents/[0-9a-f]{24}/ke-hoach-2025\.pdf", document.file.name)
    assert not legacy.exists()
    response = client.get(f"/tai-lieu/{document.pk}/ke-hoach-2025.pdf")
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF


def test_finding_10_wrong_collection_passwords_are_limited_per_client(client, db, private_files):
    """Finding 10: /tai-lieu/authenticate_with_password/<id>/ accepted 30 wrong passwords."""
    document = _restricted_document(CollectionViewRestriction.PASSWORD, password="bi-mat-2026")
    restriction = CollectionViewRestriction.objects.get(collection=document.collection)
    url = f"/tai-lieu/authenticate_with_password/{restriction.pk}/"
    for attempt in range(5):
        response = client.post(url, {"password": f"doan-sai-{attempt}", "return_url": document.url})
        assert response.status_code == 200 and WRONG_PASSWORD_MESSAGE not in response.content.decode()
    blocked = client.post(url, {"password": "bi-mat-2026", "return_url": document.url})
    assert blocked.status_code == 429
    assert WRONG_PASSWORD_MESSAGE in blocked.content.decode()
    other_client = client.post(url, {"password": "bi-mat-2026", "return_url": document.url},
                               REMOTE_ADDR="203.0.113.9")
    assert other_client.status_code == 302 and other_client["Location"] == document.url


def _docx(document_xml_size: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        with archive.open("word/document.xml", "w") as entry:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(document_xml_size // len(chunk)):
                entry.write(chunk)
    return buffer.getvalue()


def _attachment_errors(name: str, data: bytes) -> list[str]:
    form = AskForm(data={}, files={"attachment": SimpleUploadedFile(name, data)})
    form.is_valid()
    return form.errors.get("attachment", [])


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("don.docx", lambda: _docx(200 * 1024 * 1024), "Nội dung tệp không khớp với phần mở rộng .docx"),
        ("don.docx", lambda: b"PK\x03\x04" + b"\0" * 100, "Nội dung tệp không khớp với phần mở rộng .docx"),
        ("don.pdf", lambda: b"%PDF-1.4\n<html><body><script>alert(document.cookie)</script>",
         "Tệp chứa nội dung thực thi"),
        ("anh.png", lambda: b"\x89PNG\r\n\x1a\n<html><script>alert(1)</script>", "Tệp chứa nội dung thực thi"),
        ("anh.jpg", lambda: b"\xff\xd8\xff\xe0 not really a picture",
         "Nội dung tệp không khớp với phần mở rộng .jpg"),
    ],
    ids=["docx-inflating-to-200MB", "docx-not-a-zip", "pdf-magic-with-html", "png-magic-with-html", "fake-jpg"],
)
def test_finding_14_qa_attachments_get_the_staff_upload_checks(db, name, data, message):
    """Finding 14: Q&A attachments were checked by their first bytes only."""
    errors = _attachment_errors(name, data())
    assert any(message in error for error in errors), errors


@pytest.mark.parametrize(("name", "image_format"), [("anh.png", "PNG"), ("anh.jpg", "JPEG")])
def test_finding_14_real_attachments_are_still_accepted(db, name, image_format):
    from PIL import Image

    picture = io.BytesIO()
    Image.new("RGB", (40, 30), "white").save(picture, image_format)
    assert _attachment_errors(name, picture.getvalue()) == []
    assert _attachment_errors("don.docx", _docx(1024 * 1024)) == []
    assert _attachment_errors("don.pdf", PDF) == []


def test_finding_14_qa_attachments_are_stored_readable_by_the_portal_only(db, private_files):
    storage = Question._meta.get_field("attachment").storage
    name = storage.save("2026/12/tep.pdf", ContentFile(PDF))
    mode = stat.S_IMODE(os.stat(storage.path(name)).st_mode)
    assert mode == 0o600
    assert str(private_files / "private") in storage.path(name)


@pytest.mark.parametrize("query", [{"page": "²"}, {"page": "１"}, {"nam": "²"}, {"nam": "２０２０"}])
def test_finding_08_unicode_digits_in_document_list_parameters_are_refused_with_a_message(client, home, query):
    """Finding 8: ``?page=²`` and ``?nam=²`` on /van-ban/ raised a 500 (isdigit() accepts them)."""
    response = client.get("/van-ban/", query)
    html = response.content.decode()
    assert response.status_code == 200
    if "page" in query:
        assert f"Số trang “{query['page']}” không hợp lệ; đang hiển thị trang 1." in html
    else:
        assert f": {query['nam']}." in html and "Bỏ qua giá trị không có trong bộ lọc" in html


def test_finding_08_qa_list_reads_page_as_an_ascii_integer(client, home):
    response = client.get("/hoi-dap/", {"page": "²"})
    assert response.status_code == 200
    assert "Số trang “²” không hợp lệ; đang hiển thị trang 1." in response.content.decode()
