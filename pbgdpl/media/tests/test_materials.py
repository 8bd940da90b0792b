"""An editor uploads a material; the worker makes its preview and text; citizens find and download it."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from pbgdpl.media.models import Material, Processing

from .conftest import upload

pytestmark = pytest.mark.django_db


def _post_material(client, name: str, content: bytes, **extra):
    data = {"title": "Tờ gấp: Luật Đất đai năm 2024", "kind": "to-gap", "audience": "nguoi-dan", "year": "2025",
            "issuer": "Sở Tư pháp", "description": "", "live": "on", "file": upload(name, content), **extra}
    return client.post("/quan-tri/tai-lieu-tuyen-truyen/new/", data)


def test_pdf_is_processed_then_listed_searchable_without_diacritics_and_downloadable(
        editor_client, tiny_pdf, django_capture_on_commit_callbacks, client):
    with django_capture_on_commit_callbacks(execute=True):
        response = _post_material(editor_client, "to-gap.pdf", tiny_pdf)
    assert response.status_code == 302
    material = Material.objects.get()
    assert material.processing == Processing.DONE and material.page_count == 1
    assert "Giấy chứng nhận quyền sử dụng đất" in material.text and not material.text_needs_review
    assert material.preview.read(3) == b"\xff\xd8\xff"  # a JPEG of the first page

    client.logout()
    page = client.get("/tai-lieu-tuyen-truyen/", {"q": "giay chung nhan"}).content.decode()
    assert material.title in page and f'alt="Trang đầu của {material.title}"' in page
    assert material.title not in client.get("/tai-lieu-tuyen-truyen/", {"loai": "ap-phich"}).content.decode()
    assert client.get(material.get_absolute_url()).status_code == 200
    download = client.get(material.download_url())
    assert download["Content-Disposition"].startswith("attachment") and b"".join(download.streaming_content) == tiny_pdf
    assert client.get(f"/tai-lieu-tuyen-truyen/{material.pk}/trang-dau.jpg")["Content-Type"] == "image/jpeg"


def test_a_broken_file_is_flagged_to_the_editor_and_never_public(
        editor_client, django_capture_on_commit_callbacks, client):
    broken = b"%PDF-1.4\n" + b"\x00garbage" * 200
    with django_capture_on_commit_callbacks(execute=True):
        _post_material(editor_client, "hong.pdf", broken)
    material = Material.objects.get()
    assert material.processing == Processing.FAILED and "hỏng" in material.processing_error
    assert "hỏng" in editor_client.get("/quan-tri/tai-lieu-tuyen-truyen/").content.decode()
    assert client.get(material.get_absolute_url()).status_code == 404
    assert client.get(material.download_url()).status_code == 404


def test_a_renamed_file_is_refused_at_upload_and_nothing_is_saved(editor_client, tiny_mp4):
    response = _post_material(editor_client, "to-roi.pdf", tiny_mp4)
    assert response.status_code == 200 and "không khớp với phần mở rộng" in response.content.decode()
    assert not Material.objects.exists()


def test_docx_goes_through_libreoffice_to_a_pdf_preview(tmp_path):
    from django.core.files.base import ContentFile
    from docx import Document

    from pbgdpl.media.processing import process_material
    from pbgdpl.media.services import run_processing

    document = Document()
    document.add_paragraph("Đề cương tuyên truyền Bộ luật Lao động về hợp đồng lao động.")
    document.save(str(tmp_path / "de-cuong.docx"))
    material = Material(title="Đề cương", kind="de-cuong", year=2024, issuer="Sở Tư pháp", live=True)
    material.file.save("de-cuong.docx", ContentFile((tmp_path / "de-cuong.docx").read_bytes()), save=False)
    material.save()
    assert run_processing(Material, material.pk, process_material) == "done"
    material.refresh_from_db()
    assert material.pdf.name.endswith(".pdf") and material.preview and "hợp đồng lao động" in material.text


SLIDES_FODP = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
  office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.presentation">
 <office:body><office:presentation><draw:page draw:name="1">
  <draw:frame svg:x="2cm" svg:y="2cm" svg:width="24cm" svg:height="6cm"><draw:text-box>
   <text:p>Bài giảng Luật Hòa giải ở cơ sở</text:p>
   <text:p>Hòa giải viên phải giữ bí mật thông tin đời tư của các bên.</text:p>
  </draw:text-box></draw:frame>
 </draw:page></office:presentation></office:body>
</office:document>
"""


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed")
def test_an_uploaded_pptx_gets_a_first_slide_preview_and_its_text(
        editor_client, django_capture_on_commit_callbacks, client, tmp_path):
    # A real PowerPoint file, made by LibreOffice from a one-slide flat ODP (python-pptx is not a dependency).
    (tmp_path / "bai-giang.fodp").write_text(SLIDES_FODP, encoding="utf-8")
    subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path / 'lo'}",
                    "--convert-to", "pptx", "--outdir", str(tmp_path), str(tmp_path / "bai-giang.fodp")],
                   capture_output=True, timeout=180, check=True)
    pptx = (tmp_path / "bai-giang.pptx").read_bytes()
    with django_capture_on_commit_callbacks(execute=True):
        response = _post_material(editor_client, "bai-giang.pptx", pptx, kind="bai-giang")
    assert response.status_code == 302
    material = Material.objects.get()
    assert material.processing == Processing.DONE, material.processing_error
    assert material.page_count == 1 and material.preview.read(3) == b"\xff\xd8\xff"
    assert "giữ bí mật thông tin đời tư" in material.text
    client.logout()
    assert material.title in client.get("/tai-lieu-tuyen-truyen/", {"q": "hoa giai vien"}).content.decode()
    download = client.get(material.download_url())
    assert b"".join(download.streaming_content) == pptx and download["Content-Disposition"].startswith("attachment")
