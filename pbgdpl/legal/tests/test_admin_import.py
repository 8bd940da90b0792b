"""Importing documents in the admin: upload, background read, preview, correct, save as draft."""

import io

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pbgdpl.legal.models import DocumentType, ImportItem, Issuer, LegalDocument

HEADING = ["ỦY BAN NHÂN DÂN", "TỈNH HƯNG YÊN", "Số: 77/2026/QĐ-UBND", "Hưng Yên, ngày 15 tháng 3 năm 2026",
           "QUYẾT ĐỊNH", "Ban hành Quy định về hòa giải ở cơ sở trên địa bàn tỉnh"]
BODY = ["Điều 1. Phạm vi điều chỉnh", "Quyết định này quy định về hòa giải ở cơ sở.",
        "Điều 2. Đối tượng áp dụng", "1. Hòa giải viên.", "2. Tổ hòa giải.",
        "Điều 3. Hiệu lực thi hành", "Quyết định này có hiệu lực từ ngày 01 tháng 4 năm 2026."]


def docx_upload(name="quyet-dinh-77.docx") -> SimpleUploadedFile:
    document = docx.Document()
    for line in HEADING + BODY:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(),
                              content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document")


@pytest.fixture
def editor(client, django_user_model):
    """A "Biên tập viên" as bootstrap sets the role up (no superuser shortcut)."""
    from django.contrib.auth.models import Group

    from pbgdpl.accounts.roles import EDITOR
    from pbgdpl.accounts.services import ensure_editorial_setup

    ensure_editorial_setup()
    user = django_user_model.objects.create_user("bientap", "bientap@example.vn", "matkhau-thu")
    user.groups.add(Group.objects.get(name=EDITOR))
    client.force_login(user)
    return client


def _upload(client, capture, *files):
    with capture(execute=True):  # the queued reads run on commit (the immediate task backend in tests)
        return client.post(reverse("legal_import:upload"), {"files": list(files)})


@pytest.mark.django_db
def test_upload_preview_and_save_a_docx_as_a_draft(editor, django_capture_on_commit_callbacks):
    response = _upload(editor, django_capture_on_commit_callbacks, docx_upload())
    assert response.status_code == 302
    batch_page = editor.get(response["Location"])
    html = batch_page.content.decode()
    assert "Đã đọc 1/1 tệp" in html and 'http-equiv="refresh"' not in html
    item = ImportItem.objects.get()
    assert item.status == "ready"

    preview = editor.get(reverse("legal_import:item", args=[item.pk])).content.decode()
    assert "Cây điều khoản: 3 điều" in preview
    assert "Điều 2. Đối tượng áp dụng" in preview
    assert 'value="77/2026/QĐ-UBND"' in preview  # guessed from the heading, editable
    assert "15/03/2026" in preview
    issuer = Issuer.objects.get(name="Ủy ban nhân dân tỉnh")  # "ỦY BAN NHÂN DÂN / TỈNH HƯNG YÊN"
    assert f'<option value="{issuer.pk}" selected>' in preview

    form = {"number": "77/2026/QĐ-UBND", "title": "Ban hành Quy định về hòa giải ở cơ sở trên địa bàn tỉnh",
            "doc_type": DocumentType.objects.get(name="Quyết định").pk,
            "issuer": Issuer.objects.get(name="Ủy ban nhân dân tỉnh").pk, "issued_on": "15/03/2026",
            "effective_from": "01/04/2026", "signer": "", "signer_title": "", "summary": ""}
    saved = editor.post(reverse("legal_import:item", args=[item.pk]), form)
    assert saved.status_code == 302
    document = LegalDocument.objects.get(number="77/2026/QĐ-UBND")
    assert not document.live  # a draft: the board publishes it
    assert document.current_version.source_file == "quyet-dinh-77.docx"
    assert document.current_version.extraction_method == "docx"
    assert document.current_version.provisions.filter(kind="article").count() == 3
    item.refresh_from_db()
    assert item.status == "saved" and item.document == document


@pytest.mark.django_db
def test_a_missing_field_is_named_and_nothing_typed_is_lost(editor, django_capture_on_commit_callbacks):
    _upload(editor, django_capture_on_commit_callbacks, docx_upload())
    item = ImportItem.objects.get()
    response = editor.post(reverse("legal_import:item", args=[item.pk]),
                           {"number": "77/2026/QĐ-UBND", "title": "Tiêu đề đã sửa", "doc_type": "", "issuer": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tiêu đề đã sửa" in html
    assert "Trường này là bắt buộc" in html or "bắt buộc" in html
    assert not LegalDocument.objects.filter(number="77/2026/QĐ-UBND").exists()


@pytest.mark.django_db
def test_files_that_are_not_what_they_claim_are_refused(editor, django_capture_on_commit_callbacks):
    fake = SimpleUploadedFile("luat.docx", b"MZ\x90\x00 not a word file")
    other = SimpleUploadedFile("anh.png", b"\x89PNG\r\n")
    response = _upload(editor, django_capture_on_commit_callbacks, fake, other)
    html = response.content.decode()
    assert response.status_code == 200
    assert "luat.docx" in html and "anh.png" in html and "chỉ nhận tệp" in html
    assert not ImportItem.objects.exists()


@pytest.mark.django_db
def test_a_batch_shows_progress_while_files_are_read(editor):
    # Without running the on-commit callbacks the read stays queued, as when the worker is busy.
    editor.post(reverse("legal_import:upload"), {"files": [docx_upload("a.docx"), docx_upload("b.docx")]})
    item = ImportItem.objects.first()
    html = editor.get(reverse("legal_import:batch", args=[item.batch_id])).content.decode()
    assert "Đã đọc 0/2 tệp" in html and 'http-equiv="refresh"' in html


@pytest.mark.django_db
def test_import_screens_need_the_permission_to_add_documents(client, django_user_model):
    user = django_user_model.objects.create_user("khach", "khach@example.vn", "matkhau-thu")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(reverse("legal_import:upload")).status_code in (302, 403)
    assert client.post(reverse("legal_import:upload"), {"files": [docx_upload()]}).status_code in (302, 403)
    assert not ImportItem.objects.exists()


@pytest.mark.django_db
def test_a_csv_list_imports_its_rows_and_the_files_it_names_as_drafts(editor, django_capture_on_commit_callbacks):
    csv_text = ("number,title,type,issuer,issued_on,file\n"
                "77/2026/QĐ-UBND,Ban hành Quy định về hòa giải,Quyết định,Ủy ban nhân dân tỉnh,15/03/2026,qd-77.docx\n"
                "78/2026/QĐ-UBND,Văn bản thiếu cơ quan,Quyết định,,16/03/2026,\n")
    listing = SimpleUploadedFile("danh-sach.csv", csv_text.encode("utf-8"), content_type="text/csv")
    _upload(editor, django_capture_on_commit_callbacks, listing, docx_upload("qd-77.docx"))
    item = ImportItem.objects.get(original_name="danh-sach.csv")
    preview = editor.get(reverse("legal_import:item", args=[item.pk])).content.decode()
    assert "Ban hành Quy định về hòa giải" in preview and "Văn bản thiếu cơ quan" in preview

    response = editor.post(reverse("legal_import:item", args=[item.pk]), follow=True)
    html = response.content.decode()
    document = LegalDocument.objects.get(number="77/2026/QĐ-UBND")
    assert not document.live and document.current_version.provisions.filter(kind="article").count() == 3
    assert "thiếu cơ quan ban hành" in html  # the refused row is named with the column to fix
    assert not LegalDocument.objects.filter(number="78/2026/QĐ-UBND").exists()


@pytest.mark.django_db
def test_old_upload_batches_and_their_files_are_deleted(editor, django_capture_on_commit_callbacks):
    import datetime
    import os

    from django.utils import timezone

    from pbgdpl.legal.importing.uploads import prune_batches
    from pbgdpl.legal.models import ImportBatch

    _upload(editor, django_capture_on_commit_callbacks, docx_upload("cu.docx"))
    _upload(editor, django_capture_on_commit_callbacks, docx_upload("moi.docx"))
    old = ImportItem.objects.get(original_name="cu.docx")
    old_path = old.file.path
    assert os.path.exists(old_path)
    ImportBatch.objects.filter(pk=old.batch_id).update(created_at=timezone.now() - datetime.timedelta(days=31))
    assert prune_batches(30) == 1
    assert list(ImportItem.objects.values_list("original_name", flat=True)) == ["moi.docx"]
    assert not os.path.exists(old_path)
