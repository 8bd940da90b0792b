"""Validity at a date: every status of DOMAIN.md, with frozen time, reasons and links."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from pbgdpl.legal.models import LegalDocument, Relation, Validity
from pbgdpl.legal.validity import validity_on

from .conftest import status_today
from .factories import at, relation

D = datetime.date


def test_not_yet_in_force_then_in_force(make_document):
    law = make_document(issued_on=D(2025, 6, 1), effective_from=D(2026, 1, 1))
    with at("2025-12-31"):
        result = status_today(law)
        assert result.status == Validity.NOT_YET
        assert result.reason == "Có hiệu lực từ ngày 01/01/2026."
    with at("2026-01-01"):
        assert status_today(law).status == Validity.IN_FORCE
    with at("2030-05-05"):
        result = status_today(law)
        assert result.status == Validity.IN_FORCE
        assert result.reason == "Có hiệu lực từ ngày 01/01/2026."


def test_expiry_date_ends_force_on_that_day(make_document):
    plan = make_document(doc_type="Kế hoạch", issuer="uy-ban-nhan-dan-tinh", number="145/KH-UBND",
                         issued_on=D(2026, 1, 20), effective_from=D(2026, 1, 20), effective_to=D(2027, 1, 1))
    with at("2026-12-31"):
        assert status_today(plan).status == Validity.IN_FORCE
    with at("2027-01-01"):
        result = status_today(plan)
        assert result.status == Validity.EXPIRED
        assert result.reason == "Hết hiệu lực từ ngày 01/01/2027."
        assert result.related == []


def test_replaced_as_a_whole_links_to_the_replacement(make_document):
    old = make_document("10/2012/QH13", doc_type="Bộ luật", issued_on=D(2012, 6, 18), effective_from=D(2013, 5, 1))
    new = make_document(
        "45/2019/QH14", doc_type="Bộ luật", issued_on=D(2019, 11, 20), effective_from=D(2021, 1, 1),
        relations=[relation("replaces", old)],
    )
    with at("2020-12-31"):
        assert status_today(old).status == Validity.IN_FORCE
    with at("2021-01-01"):
        result = status_today(old)
        assert result.status == Validity.EXPIRED
        assert result.reason == "Bị thay thế bởi Bộ luật số 45/2019/QH14 từ ngày 01/01/2021."
        assert result.related == [new]
        assert status_today(new).status == Validity.IN_FORCE


def test_repealed_as_a_whole_from_the_relation_date(make_document):
    target = make_document("5/2015/QĐ-UBND", doc_type="Quyết định", issuer="uy-ban-nhan-dan-tinh",
                           issued_on=D(2015, 3, 1), effective_from=D(2015, 3, 10))
    repealer = make_document(
        "9/2024/QĐ-UBND", doc_type="Quyết định", issuer="uy-ban-nhan-dan-tinh",
        issued_on=D(2024, 5, 1), effective_from=D(2024, 5, 15),
        relations=[relation("repeals", target, effective_on=D(2024, 6, 1))],
    )
    with at("2024-05-31"):
        assert status_today(target).status == Validity.IN_FORCE
    with at("2024-06-01"):
        result = status_today(target)
        assert result.status == Validity.EXPIRED
        assert result.reason == "Bị bãi bỏ bởi Quyết định số 9/2024/QĐ-UBND từ ngày 01/06/2024."
        assert result.related == [repealer]


def test_amended_provision_makes_it_partly_expired(make_document):
    resolution = make_document("08/2025/NQ-HĐND", doc_type="Nghị quyết", issuer="hoi-dong-nhan-dan-tinh",
                               issued_on=D(2025, 7, 10), effective_from=D(2025, 7, 21))
    amending = make_document(
        "15/2026/NQ-HĐND", doc_type="Nghị quyết", issuer="hoi-dong-nhan-dan-tinh",
        issued_on=D(2026, 7, 8), effective_from=D(2026, 7, 20),
        relations=[relation("amends", resolution, object_eid="dieu-3-khoan-2-diem-dd")],
    )
    with at("2026-07-19"):
        assert status_today(resolution).status == Validity.IN_FORCE
    with at("2026-07-20"):
        result = status_today(resolution)
        assert result.status == Validity.PARTLY_EXPIRED
        assert result.reason == (
            "Một phần văn bản không còn hiệu lực: điểm đ khoản 2 Điều 3 bị sửa đổi, bổ sung bởi "
            "Nghị quyết số 15/2026/NQ-HĐND."
        )
        assert result.related == [amending]


def test_repealed_provision_is_partial_not_total(make_document):
    law = make_document("1/2010/QH12", issued_on=D(2010, 1, 1), effective_from=D(2010, 7, 1))
    make_document("2/2020/QH14", issued_on=D(2020, 1, 1), effective_from=D(2020, 7, 1),
                  relations=[relation("repeals", law, object_eid="dieu-5")])
    with at("2021-01-01"):
        result = status_today(law)
        assert result.status == Validity.PARTLY_EXPIRED
        assert "Điều 5 bị bãi bỏ bởi Luật số 2/2020/QH14" in result.reason


def test_suspension_without_end_date(make_document):
    decision = make_document("3/2023/QĐ-UBND", doc_type="Quyết định", issuer="uy-ban-nhan-dan-tinh",
                             issued_on=D(2023, 1, 1), effective_from=D(2023, 1, 15))
    suspender = make_document("7/2024/QĐ-TTg", doc_type="Quyết định", issuer="thu-tuong-chinh-phu",
                              issued_on=D(2024, 3, 1), effective_from=D(2024, 3, 1),
                              relations=[relation("suspends", decision)])
    with at("2024-02-29"):
        assert status_today(decision).status == Validity.IN_FORCE
    with at("2024-03-01"):
        result = status_today(decision)
        assert result.status == Validity.SUSPENDED
        assert result.reason == "Bị đình chỉ thi hành bởi Quyết định số 7/2024/QĐ-TTg từ ngày 01/03/2024."
        assert result.related == [suspender]


def test_temporary_suspension_ends_on_its_date(make_document):
    decision = make_document("4/2023/QĐ-UBND", doc_type="Quyết định", issuer="uy-ban-nhan-dan-tinh",
                             issued_on=D(2023, 1, 1), effective_from=D(2023, 1, 15))
    make_document("8/2024/QĐ-UBND", doc_type="Quyết định", issuer="uy-ban-nhan-dan-tinh",
                  issued_on=D(2024, 4, 1), effective_from=D(2024, 4, 1),
                  relations=[relation("suspends", decision, effective_on=D(2024, 4, 10), ends_on=D(2024, 10, 1))])
    with at("2024-04-09"):
        assert status_today(decision).status == Validity.IN_FORCE
    with at("2024-04-10"):
        result = status_today(decision)
        assert result.status == Validity.TEMPORARILY_SUSPENDED
        assert result.reason == (
            "Tạm ngưng hiệu lực theo Quyết định số 8/2024/QĐ-UBND từ ngày 10/04/2024 đến trước ngày 01/10/2024."
        )
    with at("2024-10-01"):
        assert status_today(decision).status == Validity.IN_FORCE


def test_editor_override_wins_and_needs_a_reason(make_document):
    law = make_document("6/2012/QH13", issued_on=D(2012, 1, 1), effective_from=D(2012, 7, 1))
    law.validity_override = Validity.NO_LONGER_SUITABLE
    law.validity_override_reason = ""
    with pytest.raises(ValidationError) as error:
        law.full_clean()
    assert "validity_override_reason" in error.value.message_dict

    law.validity_override_reason = "Không còn phù hợp với mô hình chính quyền địa phương hai cấp."
    law.validity_override_from = D(2025, 7, 1)
    from pbgdpl.legal.services import save_document

    save_document(law)
    with at("2025-06-30"):
        assert status_today(law).status == Validity.IN_FORCE
    with at("2025-07-01"):
        result = status_today(law)
        assert result.status == Validity.NO_LONGER_SUITABLE
        assert result.reason == "Không còn phù hợp với mô hình chính quyền địa phương hai cấp."


def test_relations_from_unpublished_documents_do_not_count(make_document):
    old = make_document("11/2012/QH13", issued_on=D(2012, 1, 1), effective_from=D(2012, 7, 1))
    make_document("12/2020/QH14", issued_on=D(2020, 1, 1), effective_from=D(2020, 7, 1),
                  relations=[relation("replaces", old)], publish=False)
    make_document("", title="Dự thảo luật thay thế", is_draft_for_comment=True,
                  comment_opens=D(2020, 1, 1), comment_closes=D(2020, 2, 1),
                  relations=[relation("replaces", old)])
    with at("2021-01-01"):
        assert status_today(old).status == Validity.IN_FORCE


def test_draft_for_comment_is_never_in_force(make_document):
    draft = make_document("", title="Dự thảo Nghị quyết", doc_type="Nghị quyết", issuer="hoi-dong-nhan-dan-tinh",
                          is_draft_for_comment=True, comment_opens=D(2026, 11, 10), comment_closes=D(2026, 12, 10))
    with at("2026-11-27"):
        result = status_today(draft)
        assert result.status == Validity.NOT_YET
        assert result.reason == "Dự thảo đang lấy ý kiến, chưa được ban hành."
        assert list(LegalDocument.objects.open_for_comment()) == [draft]
    with at("2026-12-11"):
        assert list(LegalDocument.objects.open_for_comment()) == []


def test_in_force_query_agrees_with_validity(make_document):
    old = make_document("10/2012/QH13", doc_type="Bộ luật", issued_on=D(2012, 6, 18), effective_from=D(2013, 5, 1))
    make_document("45/2019/QH14", doc_type="Bộ luật", issued_on=D(2019, 11, 20), effective_from=D(2021, 1, 1),
                  relations=[relation("replaces", old)])
    partly = make_document("1/2010/QH12", issued_on=D(2010, 1, 1), effective_from=D(2010, 7, 1))
    make_document("2/2020/QH14", issued_on=D(2020, 1, 1), effective_from=D(2020, 7, 1),
                  relations=[relation("amends", partly)])
    suspended = make_document("4/2023/QĐ-UBND", doc_type="Quyết định", issuer="uy-ban-nhan-dan-tinh",
                              issued_on=D(2023, 1, 1), effective_from=D(2023, 1, 15))
    make_document("8/2024/QĐ-UBND", doc_type="Quyết định", issuer="uy-ban-nhan-dan-tinh",
                  issued_on=D(2024, 4, 1), effective_from=D(2024, 4, 1),
                  relations=[relation("suspends", suspended, effective_on=D(2024, 4, 10), ends_on=D(2024, 10, 1))])
    make_document("145/KH-UBND", doc_type="Kế hoạch", issuer="uy-ban-nhan-dan-tinh",
                  issued_on=D(2026, 1, 20), effective_from=D(2026, 1, 20), effective_to=D(2027, 1, 1))
    overridden = make_document("6/2012/QH13", issued_on=D(2012, 1, 1), effective_from=D(2012, 7, 1))
    overridden.validity_override = Validity.NO_LONGER_SUITABLE
    overridden.validity_override_reason = "Lý do"
    overridden.save()

    for day in ["2012-12-31", "2013-05-01", "2021-01-01", "2024-04-10", "2024-10-01", "2027-01-01"]:
        on = D.fromisoformat(day)
        expected = {
            doc.pk for doc in LegalDocument.objects.all()
            if validity_on(doc, on).status in (Validity.IN_FORCE, Validity.PARTLY_EXPIRED)
        }
        assert set(LegalDocument.objects.in_force_on(on).values_list("pk", flat=True)) == expected, day
        assert expected  # every date has something in force, so the comparison means something


def test_which_relations_have_legal_effect_is_one_rule_in_sql_and_python(make_document):
    """``Relation.objects.with_legal_effect(on)`` and ``relation.has_legal_effect(on)`` agree: a
    relation bites from its own date, else its subject's effective date, and never from a draft
    for comment or an unpublished document."""
    target = make_document("1/2010/QH12", issued_on=D(2010, 1, 1), effective_from=D(2010, 7, 1))
    make_document("2/2020/QH14", issued_on=D(2020, 1, 1), effective_from=D(2020, 7, 1),
                  relations=[relation("amends", target)])
    make_document("3/2021/QH15", issued_on=D(2021, 1, 1), effective_from=D(2021, 7, 1),
                  relations=[relation("amends", target, effective_on=D(2022, 1, 1))])
    make_document("4/2021/QH15", issued_on=D(2021, 1, 1), is_draft_for_comment=True, comment_closes=D(2021, 2, 1),
                  relations=[relation("repeals", target)])
    make_document("5/2021/QH15", issued_on=D(2021, 1, 1), publish=False, relations=[relation("repeals", target)])
    relations = list(Relation.objects.filter(object=target).select_related("subject"))
    for on, expected in [(D(2020, 6, 30), set()), (D(2020, 7, 1), {"2/2020/QH14"}),
                         (D(2022, 1, 1), {"2/2020/QH14", "3/2021/QH15"})]:
        in_sql = set(Relation.objects.filter(object=target).with_legal_effect(on).values_list("subject__number", flat=True))
        in_python = {r.subject.number for r in relations if r.has_legal_effect(on)}
        assert in_sql == in_python == expected, on
    assert {r.subject.number for r in relations if r.has_legal_effect()} == {"2/2020/QH14", "3/2021/QH15"}
