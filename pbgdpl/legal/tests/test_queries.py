"""QuerySet methods in the registry's words, and how eids read in a citation."""

import datetime

from pbgdpl.legal.models import LegalDocument
from pbgdpl.legal.validity import eid_label

D = datetime.date


def test_eids_read_like_citations():
    assert eid_label("dieu-5") == "Điều 5"
    assert eid_label("dieu-5-khoan-1-diem-a") == "điểm a khoản 1 Điều 5"
    assert eid_label("dieu-3-khoan-2-diem-dd") == "điểm đ khoản 2 Điều 3"
    assert eid_label("chuong-ii") == "Chương II"
    assert eid_label("quy-che-dieu-3") == "Điều 3 (văn bản kèm theo)"
    assert eid_label("mo-dau") == "mo-dau"


def test_date_windows_for_the_public_lists(make_document):
    today = D(2026, 11, 27)
    new = make_document("30/2026/QĐ-UBND", doc_type="Quyết định", issuer="uy-ban-nhan-dan-tinh",
                        issued_on=D(2026, 11, 20), effective_from=D(2026, 12, 5))
    expiring = make_document("18/2025/QĐ-UBND", doc_type="Quyết định", issuer="uy-ban-nhan-dan-tinh",
                             issued_on=D(2025, 7, 25), effective_from=D(2025, 8, 5), effective_to=D(2026, 12, 20))
    today_doc = make_document("1/2026/QĐ-UBND", doc_type="Quyết định", issuer="uy-ban-nhan-dan-tinh",
                              issued_on=D(2026, 11, 1), effective_from=today)
    make_document("", title="Dự thảo", is_draft_for_comment=True, issued_on=D(2026, 11, 25),
                  comment_opens=D(2026, 11, 10), comment_closes=D(2026, 12, 10), effective_from=D(2026, 12, 1))
    docs = LegalDocument.objects
    assert set(docs.issued_since(D(2026, 10, 28))) == {new, today_doc}
    assert list(docs.coming_into_force(today, D(2026, 12, 27))) == [new]
    assert list(docs.effective_from_on(today)) == [today_doc]
    assert list(docs.expiring(today, D(2026, 12, 27))) == [expiring]
    assert set(docs.provincial()) == {new, expiring, today_doc}
