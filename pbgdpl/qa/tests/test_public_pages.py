"""Public list with search and filters, detail page with linked citations, bad filter input."""

from __future__ import annotations

from django.utils import timezone

from pbgdpl.qa.models import Question


def test_list_shows_published_answers_newest_first_with_paging(client, db, demo_module):
    html = client.get("/hoi-dap/").content.decode()
    assert "49 câu hỏi" in html
    assert "Gửi câu hỏi" in html
    # Newest first, 15 a page: the last demo answer is on page 1, the first one is not.
    assert "Biết người khác phạm tội mà không báo có bị xử lý?" in html
    assert "Cho vay tiền có được thỏa thuận lãi suất 5%/tháng không?" not in html
    assert "page=2" in html
    page_two = client.get("/hoi-dap/", {"page": "2"}).content.decode()
    assert "Biết người khác phạm tội mà không báo có bị xử lý?" not in page_two


def test_search_without_diacritics_finds_the_answer(client, db, demo_module):
    html = client.get("/hoi-dap/", {"q": "con duoi 3 tuoi o voi ai khi ly hon"}).content.decode()
    assert "Ly hôn thì con dưới 3 tuổi ở với ai?" in html


def test_filter_by_field_and_dates(client, db, demo_module):
    html = client.get("/hoi-dap/", {"field": "lao-dong"}).content.decode()
    assert "Muốn nghỉ việc thì phải báo trước bao nhiêu ngày?" in html
    assert "Con gái 17 tuổi có được đăng ký kết hôn không?" not in html
    latest, oldest = Question.objects.published().order_by("-published_at")[0], Question.objects.published().order_by("published_at")[0]
    day = timezone.localdate(latest.published_at).isoformat()
    html = client.get("/hoi-dap/", {"tu_ngay": day, "den_ngay": day}).content.decode()
    assert latest.display_title in html and oldest.display_title not in html


def test_bad_filters_give_a_vietnamese_message_not_an_error(client, db, demo_module):
    response = client.get("/hoi-dap/", {"tu_ngay": "31/02/2025", "field": "khong-co", "den_ngay": "abc"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ngày không hợp lệ." in html and "Lĩnh vực không có trong danh sách." in html
    swapped = client.get("/hoi-dap/", {"tu_ngay": "2025-05-01", "den_ngay": "2025-01-01"}).content.decode()
    assert "“Đến ngày” phải sau “Từ ngày”." in swapped


def test_detail_page_links_each_citation_to_the_provision(client, db, demo_module):
    question = Question.objects.get(tracking_code="HD-DEMO-001")
    response = client.get(question.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="/van-ban/91-2015-qh13/#dieu-468"' in html and "Điều 468 Bộ luật Dân sự 91/2015/QH13" in html
    assert "Căn cứ pháp lý" in html
    # The answer is shared and printed on its own: copy, share sheet, Zalo with its own address.
    assert 'data-share-url="http://testserver' + question.get_absolute_url() + '"' in html
    assert "Sao chép liên kết" in html and "In bài này" in html
    assert "sp.zalo.me/plugins/share?url=http%3A%2F%2Ftestserver%2Fhoi-dap%2F" in html
    # Old or short URLs lead to the canonical one.
    short = client.get(f"/hoi-dap/{question.pk}/")
    assert short.status_code == 301 and short["Location"] == question.get_absolute_url()


def test_rss_lists_answers(client, db, demo_module):
    xml = client.get("/hoi-dap/rss/").content.decode()
    newest = Question.objects.published().order_by("-published_at").first()
    assert "<rss" in xml and newest.display_title in xml
    assert "<category>" in xml
