"""What legal documents put in the search index."""

import datetime

import pytest

from pbgdpl.legal.search_source import LegalDocumentSource
from pbgdpl.search.registry import get_source

from .factories import LAW_TEXT

D = datetime.date


def test_source_is_registered():
    assert isinstance(get_source("legal.LegalDocument"), LegalDocumentSource)


def test_one_entry_per_article_plus_the_document(make_document):
    law = make_document("45/2019/QH14", doc_type="Bộ luật", title="Bộ luật Lao động", text=LAW_TEXT,
                        issued_on=D(2019, 11, 20), effective_from=D(2021, 1, 1), summary="Tóm tắt.")
    law.fields.set([])
    entries = LegalDocumentSource().entries_for(law.pk)
    assert [e.kind for e in entries] == ["document", "provision", "provision", "provision"]
    document, _first, second, _third = entries
    assert document.title == "45/2019/QH14 Bộ luật Lao động"
    assert document.body == "Tóm tắt."
    assert second.title == "Điều 2. Đối tượng áp dụng"
    assert second.url == "/van-ban/45-2019-qh14/#dieu-2"
    assert "1. Cơ quan nhà nước." in second.body and "b) Người nước ngoài." in second.body
    assert second.group_key == f"legal:{law.pk}" and second.group_title == "Bộ luật Lao động"
    assert second.doc_number == "45/2019/QH14" and second.date == D(2019, 11, 20)
    assert second.facets["doc_type"] == ["Bộ luật"]
    assert second.facets["validity"] == ["Còn hiệu lực"]
    assert second.facets["year"] == ["2019"]
    assert second.facets["scope"] == ["Trung ương"]


@pytest.mark.django_db
def test_unpublished_and_missing_documents_give_nothing(make_document):
    draft = make_document("1/2026/QH15", text=LAW_TEXT, publish=False)
    assert LegalDocumentSource().entries_for(draft.pk) == []
    assert LegalDocumentSource().entries_for(999999) == []
    assert list(LegalDocumentSource().all_pks()) == []


def test_document_without_articles_is_searchable_by_its_text(make_document):
    plan = make_document("145/KH-UBND", doc_type="Kế hoạch", issuer="uy-ban-nhan-dan-tinh",
                         text="KẾ HOẠCH\nPhổ biến pháp luật năm 2026\nI. MỤC ĐÍCH\n1. Nâng cao ý thức.")
    entries = LegalDocumentSource().entries_for(plan.pk)
    assert [e.kind for e in entries] == ["document"]
    assert "Nâng cao ý thức" in entries[0].body


def test_document_entry_of_a_law_without_summary_uses_its_first_article(make_document):
    law = make_document("52/2014/QH13", text=LAW_TEXT)
    assert LegalDocumentSource().entries_for(law.pk)[0].body == "Luật này quy định về thử nghiệm."


def test_articles_of_an_attached_quy_che_say_so_in_their_title(make_document):
    text = (
        "QUYẾT ĐỊNH\nBan hành Quy chế\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế.\n"
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
        "QUY CHẾ\nPhối hợp phổ biến pháp luật\n(Ban hành kèm theo Quyết định số 12/2024/QĐ-UBND)\n"
        "Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nQuy chế này quy định việc phối hợp.\n"
        "Điều 2. Nguyên tắc\n1. Thường xuyên.\n2. Chặt chẽ."
    )
    decision = make_document("12/2024/QĐ-UBND", doc_type="Quyết định", issuer="uy-ban-nhan-dan-tinh", text=text)
    titles = {e.url.rsplit("#", 1)[-1]: e.title for e in LegalDocumentSource().entries_for(decision.pk)[1:]}
    assert titles["dieu-1"].startswith("Điều 1") and "kèm theo)" not in titles["dieu-1"]
    assert titles["quy-che-dieu-1"] == "Điều 1. Phạm vi điều chỉnh (Quy chế kèm theo)"
    assert titles["quy-che-dieu-2"] == "Điều 2. Nguyên tắc (Quy chế kèm theo)"
