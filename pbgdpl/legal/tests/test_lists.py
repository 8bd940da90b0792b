"""/van-ban/ (filters, facet counts, sort, pagination, bad input) and the named lists, which must
agree with the validity computed by ``validity.validity_on`` at the same date."""

import datetime
import re

import pytest

from pbgdpl.legal.models import IN_FORCE_STATUSES, LegalDocument, Validity
from pbgdpl.legal.validity import validity_on

from .factories import D, at, create_document, relation

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry():
    """A small registry with every status, several types, issuers, years and scopes.

    Dates are chosen around 27/11/2026 (the frozen "today" of these tests).
    """
    docs = {}
    docs["old_code"] = create_document("10/2012/QH13", doc_type="Bộ luật", issued_on=D(2012, 6, 18),
                                       effective_from=D(2013, 5, 1), fields=["Lao động"])
    docs["new_code"] = create_document("45/2019/QH14", doc_type="Bộ luật", issued_on=D(2019, 11, 20),
                                       effective_from=D(2021, 1, 1), relations=[relation("replaces", docs["old_code"])],
                                       fields=["Lao động"])
    docs["amended"] = create_document("08/2025/NQ-HĐND", doc_type="Nghị quyết", issuer="hoi-dong-nhan-dan-tinh",
                                      issued_on=D(2025, 7, 10), effective_from=D(2025, 7, 21), scope="provincial",
                                      fields=["Hòa giải ở cơ sở", "Tài chính, ngân hàng"])
    docs["amending"] = create_document("15/2026/NQ-HĐND", doc_type="Nghị quyết", issuer="hoi-dong-nhan-dan-tinh",
                                       issued_on=D(2026, 11, 5), effective_from=D(2026, 11, 27), scope="provincial",
                                       relations=[relation("amends", docs["amended"], object_eid="dieu-2-khoan-2",
                                                           effective_on=D(2026, 11, 27))])
    docs["coming"] = create_document("30/2026/QĐ-UBND", doc_type="Quyết định", issuer="uy-ban-nhan-dan-tinh",
                                     issued_on=D(2026, 11, 20), effective_from=D(2026, 12, 5), scope="provincial")
    docs["coming_but_repealed"] = create_document(
        "31/2026/QĐ-UBND", doc_type="Quyết định", issuer="uy-ban-nhan-dan-tinh", issued_on=D(2026, 11, 1),
        effective_from=D(2026, 12, 10), scope="provincial",
        validity_override=Validity.NO_LONGER_SUITABLE.value, validity_override_reason="Không còn phù hợp.",
    )
    docs["expiring"] = create_document("18/2025/QĐ-UBND", doc_type="Quyết định", issuer="uy-ban-nhan-dan-tinh",
                                       issued_on=D(2025, 7, 25), effective_from=D(2025, 8, 5),
                                       effective_to=D(2026, 12, 20), scope="provincial")
    docs["expired"] = create_document("145/KH-UBND", doc_type="Kế hoạch", issuer="uy-ban-nhan-dan-tinh",
                                      issued_on=D(2025, 1, 20), effective_from=D(2025, 1, 20),
                                      effective_to=D(2026, 1, 1), scope="provincial")
    docs["draft"] = create_document("", title="Dự thảo Nghị quyết", doc_type="Nghị quyết",
                                    issuer="hoi-dong-nhan-dan-tinh", is_draft_for_comment=True, scope="provincial",
                                    comment_opens=D(2026, 11, 10), comment_closes=D(2026, 12, 10))
    docs["unpublished"] = create_document("99/2026/QĐ-UBND", title="Quyết định chưa công bố", doc_type="Quyết định",
                                          issuer="uy-ban-nhan-dan-tinh", issued_on=D(2026, 11, 25),
                                          effective_from=D(2026, 12, 1), scope="provincial", publish=False)
    return docs


def listed_numbers(html: str) -> list[str]:
    return re.findall(r'<span class="lg-doc-number">([^<]+)</span>', html)


def facet(html: str, key: str) -> dict[str, int]:
    """{value: count} of one facet group as the page shows it."""
    found = re.findall(
        rf'name="{key}" value="([^"]+)"[^>]*>\s*<label[^>]*>[^<]*<span class="lg-n">\((\d+)\)</span>', html
    )
    return {value: int(count) for value, count in found}


def total(html: str) -> int:
    return int(re.search(r'<p class="lg-summary">(\d+) văn bản</p>', html).group(1))


def get(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return response.content.decode()


# -- SQL validity agrees with the Python rules ------------------------------------------------------


def test_validity_in_sql_agrees_with_validity_on(registry):
    for day in ("2013-05-01", "2021-01-01", "2025-12-31", "2026-11-26", "2026-11-27", "2026-12-05", "2026-12-20"):
        on = datetime.date.fromisoformat(day)
        computed = {doc.pk: validity_on(doc, on).status.value for doc in LegalDocument.objects.all()}
        in_sql = dict(LegalDocument.objects.with_validity_at(on).values_list("pk", "validity_at"))
        assert in_sql == computed, day


def test_validity_in_sql_agrees_for_suspensions(client):
    target = create_document("4/2023/QĐ-UBND", doc_type="Quyết định", issuer="uy-ban-nhan-dan-tinh",
                             issued_on=D(2023, 1, 1), effective_from=D(2023, 1, 15))
    create_document("8/2024/QĐ-UBND", doc_type="Quyết định", issuer="uy-ban-nhan-dan-tinh",
                    issued_on=D(2024, 4, 1), effective_from=D(2024, 4, 1),
                    relations=[relation("suspends", target, effective_on=D(2024, 4, 10), ends_on=D(2024, 10, 1))])
    create_document("9/2025/QĐ-UBND", doc_type="Quyết định", issuer="uy-ban-nhan-dan-tinh",
                    issued_on=D(2025, 1, 1), effective_from=D(2025, 1, 1), relations=[relation("suspends", target)])
    other = create_document("5/2023/QĐ-UBND", doc_type="Quyết định", issuer="uy-ban-nhan-dan-tinh",
                            issued_on=D(2023, 1, 1), effective_from=D(2023, 1, 15),
                            validity_override=Validity.NO_LONGER_SUITABLE.value,
                            validity_override_reason="Không còn phù hợp.", validity_override_from=D(2025, 7, 1))
    # A suspended provision (not the whole document) changes nothing; an amendment does.
    create_document("10/2024/QĐ-UBND", doc_type="Quyết định", issuer="uy-ban-nhan-dan-tinh",
                    issued_on=D(2024, 2, 1), effective_from=D(2024, 2, 1),
                    relations=[relation("suspends", other, object_eid="dieu-1"),
                               relation("amends", other, object_eid="dieu-2", effective_on=D(2024, 6, 1))])
    documents = LegalDocument.objects.filter(pk__in=[target.pk, other.pk])
    for day in (D(2024, 3, 1), D(2024, 4, 9), D(2024, 5, 1), D(2024, 6, 1), D(2024, 10, 1), D(2025, 6, 1), D(2025, 7, 1)):
        expected = {doc.pk: validity_on(doc, day).status.value for doc in documents}
        assert dict(documents.with_validity_at(day).values_list("pk", "validity_at")) == expected, day
    assert len({validity_on(target, day).status for day in (D(2024, 3, 1), D(2024, 5, 1), D(2025, 6, 1))}) == 3


# -- /van-ban/: filters and facets --------------------------------------------------------------------


def test_listing_shows_enacted_public_documents_only(client, registry):
    with at("2026-11-27"):
        html = get(client, "/van-ban/")
    numbers = listed_numbers(html)
    assert "99/2026/QĐ-UBND" not in numbers  # unpublished
    assert "Dự thảo Nghị quyết" not in html  # drafts have their own list
    assert total(html) == len(numbers) == 8


def test_each_facet_applies_every_filter_but_its_own(client, registry):
    with at("2026-11-27"):
        html = get(client, "/van-ban/?loai=quyet-dinh&pham_vi=provincial")
        assert total(html) == 3
        # The type facet ignores the type filter (other types stay visible with their counts) …
        # (codes are central, so the scope filter leaves them out of the type facet).
        assert facet(html, "loai") == {"nghi-quyet": 2, "quyet-dinh": 3, "ke-hoach": 1}
        # The issuer facet applies the type filter.
        assert facet(html, "co_quan") == {"uy-ban-nhan-dan-tinh": 3}
        # Ticking one more value of another facet gives exactly the count that facet showed.
        for key, values in (("hieu_luc", facet(html, "hieu_luc")), ("nam", facet(html, "nam"))):
            for value, count in values.items():
                narrowed = get(client, f"/van-ban/?loai=quyet-dinh&pham_vi=provincial&{key}={value}")
                assert total(narrowed) == count, (key, value)


def test_facet_counts_without_filters_add_up_to_the_total(client, registry):
    with at("2026-11-27"):
        html = get(client, "/van-ban/")
    assert sum(facet(html, "hieu_luc").values()) == total(html)
    assert sum(facet(html, "loai").values()) == total(html)
    assert sum(facet(html, "pham_vi").values()) == total(html)


def test_validity_filter_uses_the_chosen_date(client, registry):
    with at("2026-11-27"):
        today = get(client, "/van-ban/?hieu_luc=not_yet")
        later = get(client, "/van-ban/?hieu_luc=not_yet&ngay=06/12/2026")
        expired_later = get(client, "/van-ban/?hieu_luc=expired&ngay=2026-12-21")
    assert set(listed_numbers(today)) == {"30/2026/QĐ-UBND"}
    assert listed_numbers(later) == []
    assert "Đang tính tại ngày 06/12/2026" in later
    assert {"18/2025/QĐ-UBND", "145/KH-UBND", "10/2012/QH13"} == set(listed_numbers(expired_later))


def test_field_filter_counts_a_document_in_two_fields_once(client, registry):
    with at("2026-11-27"):
        html = get(client, "/van-ban/?linh_vuc=hoa-giai-o-co-so&linh_vuc=tai-chinh-ngan-hang")
    assert listed_numbers(html) == ["08/2025/NQ-HĐND"]
    assert total(html) == 1


def test_sort_by_title_and_by_date(client, registry):
    with at("2026-11-27"):
        newest = listed_numbers(get(client, "/van-ban/"))
        oldest = listed_numbers(get(client, "/van-ban/?sap_xep=cu-nhat"))
    assert newest[0] == "30/2026/QĐ-UBND"
    assert oldest == list(reversed(newest))
    LegalDocument.objects.filter(number="145/KH-UBND").update(title="A Kế hoạch")
    with at("2026-11-27"):
        assert listed_numbers(get(client, "/van-ban/?sap_xep=ten"))[0] == "145/KH-UBND"


def test_htmx_request_gets_the_results_fragment_only(client, registry):
    with at("2026-11-27"):
        fragment = get(client, "/van-ban/?loai=bo-luat", HTTP_HX_REQUEST="true")
        full = get(client, "/van-ban/?loai=bo-luat")
    assert "<html" not in fragment and "<html" in full
    assert set(listed_numbers(fragment)) == {"10/2012/QH13", "45/2019/QH14"}


def test_filters_work_without_javascript(client, registry):
    with at("2026-11-27"):
        html = get(client, "/van-ban/")
    form = html[html.index('<form id="lg-form"'):]
    assert 'method="get"' in form[:300] and 'action="/van-ban/"' in form[:300]
    assert '<button type="submit" class="button lg-apply">Áp dụng bộ lọc</button>' in form
    assert '<label for="f-loai-bo-luat">' in form


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("ngay=abc", "Ngày “abc” không hợp lệ."),
        ("page=zzz", "Số trang “zzz” không hợp lệ; đang hiển thị trang 1."),
        ("page=999", "Không có trang 999; đang hiển thị trang cuối (1)."),
        ("loai=khong-ton-tai", "Bỏ qua giá trị không có trong bộ lọc “Loại văn bản”: khong-ton-tai."),
        ("nam=abcd", "Bỏ qua giá trị không có trong bộ lọc “Năm ban hành”: abcd."),
        ("hieu_luc=bogus", "Bỏ qua giá trị không có trong bộ lọc “Tình trạng hiệu lực”: bogus."),
        ("sap_xep=xyz", "Cách sắp xếp “xyz” không có"),
    ],
)
def test_bad_query_parameters_give_a_clear_message_not_an_error(client, registry, query, message):
    with at("2026-11-27"):
        html = get(client, f"/van-ban/?{query}")
    assert message in html
    assert total(html) == 8  # the bad value is ignored, the listing still works


def test_unreadable_date_is_kept_in_the_field(client, registry):
    with at("2026-11-27"):
        html = get(client, "/van-ban/?ngay=31/02/2026")
    assert 'value="31/02/2026"' in html
    assert "field-error" in html


# -- The named lists agree with validity at the same date -----------------------------------------


def list_docs(client, slug, query=""):
    html = get(client, f"/van-ban/{slug}/{query}")
    return [LegalDocument.objects.get(number=number) for number in listed_numbers(html)], html


def test_coming_into_force_list_agrees_with_validity(client, registry):
    with at("2026-11-27"):
        docs, _html = list_docs(client, "sap-co-hieu-luc")
    today = D(2026, 11, 27)
    assert [d.number for d in docs] == ["30/2026/QĐ-UBND"]
    for doc in docs:
        assert validity_on(doc, today).status == Validity.NOT_YET
        assert validity_on(doc, doc.effective_from).status in IN_FORCE_STATUSES
    # Effective soon by its dates, but an editor found it no longer suitable: not "coming into force".
    assert registry["coming_but_repealed"] not in docs


def test_in_force_from_today_list_agrees_with_validity(client, registry):
    with at("2026-11-27"):
        docs, _html = list_docs(client, "co-hieu-luc-tu-hom-nay")
    assert [d.number for d in docs] == ["15/2026/NQ-HĐND"]
    for doc in docs:
        assert validity_on(doc, D(2026, 11, 26)).status == Validity.NOT_YET
        assert validity_on(doc, D(2026, 11, 27)).status in IN_FORCE_STATUSES


def test_expiring_list_agrees_with_validity(client, registry):
    with at("2026-11-27"):
        docs, _html = list_docs(client, "sap-het-hieu-luc")
    assert [d.number for d in docs] == ["18/2025/QĐ-UBND"]
    for doc in docs:
        assert validity_on(doc, D(2026, 11, 27)).status in IN_FORCE_STATUSES
        assert validity_on(doc, doc.effective_to).status == Validity.EXPIRED
    with at("2026-12-20"):
        docs, _html = list_docs(client, "sap-het-hieu-luc")
    assert docs == []


def test_new_documents_list_is_by_issue_date_and_excludes_unpublished(client, registry):
    with at("2026-11-27"):
        docs, _html = list_docs(client, "moi-ban-hanh")
    assert [d.number for d in docs] == ["30/2026/QĐ-UBND", "15/2026/NQ-HĐND", "31/2026/QĐ-UBND"]
    assert registry["unpublished"] not in docs


def test_drafts_list_shows_drafts_open_for_comment(client, registry):
    with at("2026-11-27"):
        html = get(client, "/van-ban/du-thao/")
    assert "Dự thảo Nghị quyết" in html and "Lấy ý kiến đến" in html
    with at("2026-12-11"):
        html = get(client, "/van-ban/du-thao/")
    assert "Dự thảo Nghị quyết" not in html
    assert "Hiện chưa có văn bản nào trong danh sách này" in html


def test_provincial_list_and_date_parameter(client, registry):
    with at("2026-11-27"):
        docs, _html = list_docs(client, "van-ban-cua-tinh")
        earlier, html = list_docs(client, "sap-co-hieu-luc", "?ngay=10/11/2026")
        bad_docs, bad = list_docs(client, "sap-co-hieu-luc", "?ngay=hom-qua&page=x")
    assert {d.scope for d in docs} == {"provincial"}
    assert registry["draft"] not in docs and registry["unpublished"] not in docs
    assert {d.number for d in earlier} == {"15/2026/NQ-HĐND", "30/2026/QĐ-UBND"}
    assert "Tính tại ngày 10 tháng 11 năm 2026." in html
    assert "Ngày “hom-qua” không hợp lệ." in bad and "Số trang “x” không hợp lệ" in bad
    assert [d.number for d in bad_docs] == ["30/2026/QĐ-UBND"]


def test_unknown_list_is_404(client):
    assert client.get("/van-ban/danh-sach-khong-co/").status_code == 404
