"""The Wagtail admin for documents: list, filters, export, edit form, read-only provisions."""

import datetime
import io

import openpyxl
import pytest
from django.urls import reverse

from pbgdpl.legal.models import LegalDocument
from pbgdpl.search.models import OutboxEntry

from .factories import LAW_TEXT, at, relation

D = datetime.date


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("quantri", "qt@example.com", "mat-khau-dai-1")
    client.force_login(user)
    return client


@pytest.fixture
def documents(make_document):
    old = make_document("10/2012/QH13", doc_type="Bộ luật", title="Bộ luật Lao động", text=LAW_TEXT,
                        issued_on=D(2012, 6, 18), effective_from=D(2013, 5, 1))
    new = make_document("45/2019/QH14", doc_type="Bộ luật", title="Bộ luật Lao động", text=LAW_TEXT,
                        issued_on=D(2019, 11, 20), effective_from=D(2021, 1, 1),
                        relations=[relation("replaces", old)])
    decision = make_document("571/QĐ-UBND", doc_type="Quyết định", issuer="uy-ban-nhan-dan-tinh",
                             title="Về việc ban hành Kế hoạch", issued_on=D(2024, 3, 1), effective_from=D(2024, 3, 1))
    return old, new, decision


def test_list_filters_by_type_and_year_and_searches_numbers(admin_client, documents):
    url = reverse("wagtailsnippets_legal_legaldocument:list")
    page = admin_client.get(url).content.decode()
    assert "45/2019/QH14" in page and "571/QĐ-UBND" in page
    decision_type = documents[2].doc_type_id
    filtered = admin_client.get(url, {"doc_type": decision_type}).content.decode()
    assert "571/QĐ-UBND" in filtered and "45/2019/QH14" not in filtered
    by_year = admin_client.get(url, {"year": 2019}).content.decode()
    assert "45/2019/QH14" in by_year and "10/2012/QH13" not in by_year
    searched = admin_client.get(url, {"q": "571/QĐ"}).content.decode()
    assert "571/QĐ-UBND" in searched and "45/2019/QH14" not in searched


def test_export_csv_and_xlsx(admin_client, documents):
    url = reverse("wagtailsnippets_legal_legaldocument:list")
    response = admin_client.get(url, {"export": "csv"})
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8") if response.streaming else response.content.decode()
    assert "Số ký hiệu" in body and "Tình trạng hiệu lực" in body
    assert "10/2012/QH13" in body and "expired" in body
    xlsx = admin_client.get(url, {"export": "xlsx"})
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    content = b"".join(xlsx.streaming_content) if xlsx.streaming else xlsx.content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert "Số ký hiệu" in rows[0]
    assert any("10/2012/QH13" in row for row in rows[1:])


def test_edit_form_shows_validity_relations_and_versions(admin_client, documents):
    old, new, _decision = documents
    page = admin_client.get(reverse("wagtailsnippets_legal_legaldocument:edit", args=[old.pk])).content.decode()
    assert "Bị thay thế bởi Bộ luật số 45/2019/QH14" in page
    assert "Xem điều khoản" in page
    page = admin_client.get(reverse("wagtailsnippets_legal_legaldocument:edit", args=[new.pk])).content.decode()
    assert "Quan hệ với văn bản khác" in page


def test_provisions_are_read_only(admin_client, documents):
    version = documents[1].current_version
    response = admin_client.get(reverse("wagtailsnippets_legal_provision:list"), {"version": version.pk})
    assert response.status_code == 200
    assert "dieu-2-khoan-2-diem-b" in response.content.decode()
    provision = version.provisions.first()
    # Even a superuser is sent back to the dashboard: provisions change only by re-parsing the text.
    for url in (reverse("wagtailsnippets_legal_provision:add"),
                reverse("wagtailsnippets_legal_provision:edit", args=[provision.pk])):
        refused = admin_client.get(url)
        assert refused.status_code == 302 and refused["Location"] == "/quan-tri/"


def test_publishing_a_revision_as_the_admin_does_updates_text_validity_and_index(documents):
    old, _new, _decision = documents
    OutboxEntry.objects.all().delete()
    old.full_text = LAW_TEXT + "\nĐiều 4. Hiệu lực thi hành\nLuật này có hiệu lực từ ngày 01 tháng 5 năm 2013."
    old.save_revision().publish()
    old = LegalDocument.objects.get(pk=old.pk)
    assert old.versions.count() == 2
    assert old.current_version.provisions.filter(eid="dieu-4").exists()
    assert OutboxEntry.objects.filter(source="legal.LegalDocument", object_pk=str(old.pk)).exists()


def test_unpublishing_a_replacement_restores_the_old_documents_validity(documents):
    old, new, _decision = documents
    old.refresh_from_db()
    assert old.validity == "expired"
    new.unpublish()
    old.refresh_from_db()
    assert old.validity == "in_force"
    assert OutboxEntry.objects.filter(object_pk=str(new.pk)).exists()


def test_removing_a_relation_in_a_published_revision_recomputes_the_former_target(documents):
    old, new, _decision = documents
    old.refresh_from_db()
    assert old.validity == "expired"
    new = LegalDocument.objects.get(pk=new.pk)
    new.outgoing_relations = []
    new.save_revision().publish()
    old.refresh_from_db()
    assert old.validity == "in_force"


def _form(**values):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    data = {
        "number": "99/2026/QĐ-UBND", "title": "Quyết định tạo trong trang quản trị",
        "doc_type": values.pop("doc_type"), "issuer": values.pop("issuer"),
        "signer": "", "signer_title": "", "issued_on": "01/12/2026", "effective_from": "15/12/2026",
        "effective_to": "", "gazette_number": "", "gazette_date": "", "scope": "provincial", "language": "vi",
        "summary": "", "slug": "", "full_text": "Điều 1. Phạm vi\nNội dung.\nĐiều 2. Hiệu lực\nCó hiệu lực.",
        "validity_override": "", "validity_override_reason": "", "validity_override_from": "",
        "is_draft_for_comment": "", "comment_opens": "", "comment_closes": "",
        "outgoing_relations": inline_formset([]), "attachments": inline_formset([]),
    }
    data.update(values)
    return nested_form_data(data)


def test_admin_creates_a_draft_then_publishes_it_with_provisions(admin_client, documents):
    from pbgdpl.legal.models import DocumentType, Issuer

    add_url = reverse("wagtailsnippets_legal_legaldocument:add")
    assert 'name="number"' in admin_client.get(add_url).content.decode()
    ids = {"doc_type": DocumentType.objects.get(name="Quyết định").pk,
           "issuer": Issuer.objects.get(slug="uy-ban-nhan-dan-tinh").pk}

    refused = admin_client.post(add_url, _form(**ids, effective_to="01/12/2026"))
    assert refused.status_code == 200
    assert "Ngày hết hiệu lực phải sau ngày có hiệu lực." in refused.content.decode()
    assert "Quyết định tạo trong trang quản trị" in refused.content.decode()  # what was typed is kept

    admin_client.post(add_url, _form(**ids))
    document = LegalDocument.objects.get(number="99/2026/QĐ-UBND")
    assert not document.live and document.slug == "99-2026-qd-ubnd"
    assert not document.versions.exists()

    edit_url = reverse("wagtailsnippets_legal_legaldocument:edit", args=[document.pk])
    admin_client.post(edit_url, _form(**ids, **{"action-publish": "action-publish"}))
    document.refresh_from_db()
    assert document.live
    assert document.current_version.provisions.articles().count() == 2
    assert document.validity in ("not_yet", "in_force")


def test_board_can_preview_a_document_before_approving(admin_client, documents):
    from pbgdpl.legal.models import DocumentType, Issuer

    ids = {"doc_type": DocumentType.objects.get(name="Quyết định").pk,
           "issuer": Issuer.objects.get(slug="uy-ban-nhan-dan-tinh").pk}
    preview_url = reverse("wagtailsnippets_legal_legaldocument:preview_on_add")
    with at("2026-11-27"):  # the form's document takes effect on 15/12/2026
        response = admin_client.post(preview_url, _form(**ids))
        assert response.json()["is_valid"] is True
        page = admin_client.get(preview_url).content.decode()
    assert "Bản xem trước" in page
    assert 'id="dieu-2"' in page and "Có hiệu lực." in page
    assert "Chưa có hiệu lực" in page
