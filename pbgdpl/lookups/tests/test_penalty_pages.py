"""What a citizen meets at /tra-cuu/xu-phat/: the fine, its extras and its source, for the date asked."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from pbgdpl.lookups.evaluation import evaluate, load_questions
from pbgdpl.lookups.models import Violation
from pbgdpl.lookups.search_source import ViolationSource

URL = "/tra-cuu/xu-phat/"


@pytest.mark.django_db
def test_everyday_question_without_diacritics_answers_with_the_fine_and_its_source(client, sample_decrees):
    html = client.get(URL, {"q": "xe may vuot den do phat bao nhieu"}).content.decode()
    first_card = html.split('class="card lk-card"')[1]
    assert "Không chấp hành hiệu lệnh của đèn tín hiệu giao thông" in first_card
    assert "Phạt tiền từ 4.000.000 đồng đến 6.000.000 đồng" in first_card
    assert "Phạt tiền từ 8.000.000 đồng đến 12.000.000 đồng" in first_card  # organisations pay double
    assert "Tước quyền sử dụng giấy phép lái xe từ 01 tháng đến 03 tháng" in first_card
    assert "Điểm a khoản 3 Điều 6 Nghị định số 901/2026/NĐ-CP" in first_card
    assert "#dieu-6-khoan-3-diem-a" in first_card
    assert "Dữ liệu mẫu" in first_card


@pytest.mark.django_db
def test_the_vehicle_filter_and_the_date_asked(client, sample_decrees):
    html = client.get(URL, {"q": "vuot den do", "phuong_tien": "xe-dap"}).content.decode()
    assert "Phạt tiền từ 100.000 đồng đến 200.000 đồng" in html
    assert "18.000.000" not in html
    # Before the sample decree came into force (01/03/2026) there is nothing to apply.
    html = client.get(URL, {"q": "vuot den do", "ngay": "15/02/2026"}).content.decode()
    assert "Chưa tìm thấy hành vi phù hợp" in html


@pytest.mark.django_db
def test_a_bad_date_is_explained_and_the_question_kept(client, sample_decrees):
    response = client.get(URL, {"q": "đánh nhau", "ngay": "31/02/2026"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ngày phải viết theo dạng ngày/tháng/năm" in html
    assert 'value="đánh nhau"' in html and 'value="31/02/2026"' in html


@pytest.mark.django_db
def test_htmx_gets_only_the_results(client, sample_decrees):
    html = client.get(URL, {"q": "danh nhau"}, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in html and "Đánh nhau hoặc xúi giục người khác đánh nhau" in html


@pytest.mark.django_db
def test_violation_page_and_unpublished_decrees(client, sample_decrees):
    violation = Violation.objects.get(eid="dieu-4-khoan-2-diem-c", decree__document__number="902/2026/NĐ-CP")
    html = client.get(violation.get_absolute_url()).content.decode()
    assert "Sử dụng pháo nổ, thuốc pháo trái phép" in html
    assert "Tịch thu tang vật, phương tiện được sử dụng để vi phạm hành chính" in html
    assert ViolationSource().entries_for(violation.pk)[0].kind == "violation"
    violation.decree.document.unpublish()
    assert client.get(violation.get_absolute_url()).status_code == 404
    assert ViolationSource().entries_for(violation.pk) == []
    assert "Sử dụng pháo nổ" not in client.get(URL, {"q": "dot phao"}).content.decode()


@pytest.mark.django_db
def test_everyday_questions_find_the_violation_in_the_top_three(sample_decrees):
    # The 30 questions were written before the parser and its phrase table (see the file's header).
    report = evaluate(load_questions(), on=timezone.localdate())
    assert report["top3"] >= 27, report["misses"]


@pytest.mark.django_db
def test_questions_can_be_asked_for_a_past_or_future_date(sample_decrees):
    later = datetime.date(2026, 5, 1)
    assert evaluate(load_questions(), on=later)["top3"] >= 27
    assert evaluate(load_questions(), on=datetime.date(2025, 1, 1))["top3"] == 0


@pytest.mark.django_db
def test_site_search_puts_the_fine_above_the_results(client, sample_decrees, settings, tmp_path):
    settings.SEARCH_INDEX_DIR = tmp_path / "search"
    html = client.get("/tim-kiem/", {"q": "xe may vuot den do phat bao nhieu"}).content.decode()
    card = html.split('aria-labelledby="penalty-answer-title"')[1].split("</section>")[0]
    assert "Không chấp hành hiệu lệnh của đèn tín hiệu giao thông" in card
    assert "Phạt tiền từ 4.000.000 đồng đến 6.000.000 đồng" in card
    # A question that does not ask about a fine gets no penalty card.
    html = client.get("/tim-kiem/", {"q": "đèn tín hiệu giao thông là gì"}).content.decode()
    assert "penalty-answer-title" not in html


@pytest.mark.django_db
def test_field_filter_keeps_the_decrees_of_that_field(client, sample_decrees):
    html = client.get(URL, {"q": "phat bao nhieu vut rac", "linh_vuc": "giao-thong-van-tai"}).content.decode()
    assert "Vứt, thải" not in html
    html = client.get(URL, {"q": "phat bao nhieu vut rac", "linh_vuc": "tai-nguyen-moi-truong"}).content.decode()
    assert "Vứt, thải rác thải sinh hoạt trên vỉa hè" in html


@pytest.mark.django_db
def test_a_later_decree_that_amends_or_repeals_a_point(client, sample_decrees):
    from pbgdpl.legal.tests.factories import LegalDocumentFactory, relation

    traffic = sample_decrees["901/2026/NĐ-CP"].document
    LegalDocumentFactory(
        number="950/2026/NĐ-CP", title="Sửa đổi, bổ sung một số điều của Nghị định 901/2026/NĐ-CP", doc_type="Nghị định",
        issuer="chinh-phu", text="Điều 1. Sửa đổi điểm a khoản 3 Điều 6\nNội dung mẫu.",
        issued_on=datetime.date(2026, 6, 1), effective_from=datetime.date(2026, 7, 1),
        relations=[relation("amends", traffic, object_eid="dieu-6-khoan-3-diem-a"),
                   relation("repeals", traffic, object_eid="dieu-8")],
    )
    html = client.get(URL, {"q": "xe may vuot den do", "ngay": "01/08/2026"}).content.decode()
    first_card = html.split('class="card lk-card"')[1]
    assert "Bị sửa đổi, bổ sung bởi Nghị định số 950/2026/NĐ-CP từ ngày 01/07/2026" in first_card
    # The pedestrian article is repealed from 01/07/2026: an answer before, none after.
    assert "Vượt qua dải phân cách" in client.get(URL, {"q": "di bo vuot dai phan cach", "ngay": "30/06/2026"}).content.decode()
    assert "Vượt qua dải phân cách" not in client.get(URL, {"q": "di bo vuot dai phan cach", "ngay": "02/07/2026"}).content.decode()
