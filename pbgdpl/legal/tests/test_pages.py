"""The public document page /van-ban/<slug>/: validity badge and reason, anchors, TOC,
relations both ways, versions, attachments, drafts, print view and bad input."""

import re

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from pbgdpl.legal.models import DocumentAttachment
from pbgdpl.legal.services import save_document
from pbgdpl.legal.templatetags.legal_tags import vi_long_date

from .factories import D, at, create_document, relation

pytestmark = pytest.mark.django_db


def page(client, document, query=""):
    response = client.get(document.get_absolute_url() + query)
    assert response.status_code == 200
    return response.content.decode()


def test_in_force_document_shows_badge_with_text_and_icon_class_and_metadata(client):
    law = create_document("45/2019/QH14", title="Bộ luật Lao động", doc_type="Bộ luật", issued_on=D(2019, 11, 20),
                          effective_from=D(2021, 1, 1), signer="Nguyễn Thị Kim Ngân", signer_title="Chủ tịch Quốc hội",
                          gazette_number="1011+1012", fields=["Lao động"])
    with at("2026-11-27"):
        html = page(client, law)
    assert '<span class="badge badge-valid">Còn hiệu lực</span>' in html
    assert "Có hiệu lực từ ngày 01/01/2021." in html
    assert "<h1 class=\"lg-title\">Bộ luật Lao động</h1>" in html
    # Dates are written out the Vietnamese way, with machine-readable values.
    assert '<time datetime="2019-11-20">Ngày 20 tháng 11 năm 2019</time>' in html
    assert '<time datetime="2021-01-01">Ngày 01 tháng 01 năm 2021</time>' in html
    for text in ("Nguyễn Thị Kim Ngân", "Chủ tịch Quốc hội", "Lao động", "Số 1011+1012", "Trung ương", "Bộ luật"):
        assert text in html


def test_replaced_document_explains_why_and_links_to_the_replacement(client):
    old = create_document("10/2012/QH13", doc_type="Bộ luật", issued_on=D(2012, 6, 18), effective_from=D(2013, 5, 1))
    new = create_document("45/2019/QH14", doc_type="Bộ luật", issued_on=D(2019, 11, 20),
                          effective_from=D(2021, 1, 1), relations=[relation("replaces", old)])
    with at("2020-12-31"):
        assert "badge-valid" in page(client, old)
    with at("2021-01-02"):
        html = page(client, old)
        new_html = page(client, new)
    assert '<span class="badge badge-expired">Hết hiệu lực toàn bộ</span>' in html
    assert "Bị thay thế bởi Bộ luật số 45/2019/QH14 từ ngày 01/01/2021." in html
    assert f'<a href="{new.get_absolute_url()}">Bộ luật số 45/2019/QH14</a>' in html
    # Both directions of the relation, with the verb on one page and the reverse verb on the other.
    assert '<h3 class="lg-rel-verb">Bị thay thế bởi</h3>' in html
    assert '<h3 class="lg-rel-verb">Thay thế</h3>' in new_html
    assert f'<a href="{old.get_absolute_url()}">Bộ luật số 10/2012/QH13</a>' in new_html


def test_partly_amended_provision_is_explained_and_annotated_in_the_text(client):
    resolution = create_document("08/2025/NQ-HĐND", doc_type="Nghị quyết", issuer="hoi-dong-nhan-dan-tinh",
                                 issued_on=D(2025, 7, 10), effective_from=D(2025, 7, 21))
    amending = create_document("15/2026/NQ-HĐND", doc_type="Nghị quyết", issuer="hoi-dong-nhan-dan-tinh",
                               issued_on=D(2026, 7, 8), effective_from=D(2026, 7, 20),
                               relations=[relation("amends", resolution, object_eid="dieu-2-khoan-2", subject_eid="dieu-1")])
    with at("2026-11-27"):
        html = page(client, resolution)
    assert '<span class="badge badge-partial">Hết hiệu lực một phần</span>' in html
    assert "khoản 2 Điều 2 bị sửa đổi, bổ sung bởi Nghị quyết số 15/2026/NQ-HĐND" in html
    # The note sits inside the amended clause and links to the amending article.
    clause = html[html.index('id="dieu-2-khoan-2"'):]
    clause = clause[: clause.index("</li>")]
    assert f'<a href="{amending.get_absolute_url()}#dieu-1">Điều 1 Nghị quyết số 15/2026/NQ-HĐND</a>' in clause
    assert "Bị sửa đổi, bổ sung bởi" in clause
    # The text is kept in memory between views; the note is added to each view, not to the kept text.
    with at("2026-11-27"):
        again = page(client, resolution)
    assert again.count('class="lg-note"') == html.count('class="lg-note"') == 1


@pytest.mark.parametrize(
    ("ends_on", "badge", "label"),
    [(None, "badge-suspended", "Ngưng hiệu lực"), (D(2027, 1, 1), "badge-suspended", "Tạm ngưng hiệu lực")],
)
def test_suspended_documents_show_their_status(client, ends_on, badge, label):
    target = create_document("4/2023/QĐ-UBND", doc_type="Quyết định", issuer="uy-ban-nhan-dan-tinh",
                             issued_on=D(2023, 1, 1), effective_from=D(2023, 1, 15))
    create_document("8/2026/QĐ-UBND", doc_type="Quyết định", issuer="uy-ban-nhan-dan-tinh",
                    issued_on=D(2026, 4, 1), effective_from=D(2026, 4, 1),
                    relations=[relation("suspends", target, ends_on=ends_on)])
    with at("2026-11-27"):
        html = page(client, target)
    assert f'<span class="badge {badge}">{label}</span>' in html


def test_not_yet_in_force(client):
    law = create_document(issued_on=D(2026, 11, 20), effective_from=D(2026, 12, 5))
    with at("2026-11-27"):
        html = page(client, law)
    assert '<span class="badge badge-pending">Chưa có hiệu lực</span>' in html
    assert "Có hiệu lực từ ngày 05/12/2026." in html


def test_articles_clauses_and_points_have_eid_anchors_that_link_to_themselves(client):
    law = create_document(issued_on=D(2020, 1, 1))
    html = page(client, law)
    assert '<article class="lg-article" id="dieu-2"' in html
    assert '<a class="lg-self" href="#dieu-2">Điều 2.</a>' in html
    assert 'id="dieu-2-khoan-1"' in html
    assert 'href="#dieu-2-khoan-2" aria-label="khoản 2 Điều 2">2.</a>' in html
    assert 'id="dieu-2-khoan-2-diem-a"' in html
    assert 'href="#dieu-2-khoan-2-diem-dd" aria-label="điểm đ khoản 2 Điều 2">đ)</a>' in html
    # Every id on the page is unique (anchors must be unambiguous).
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids))


def test_table_of_contents_lists_chapters_and_articles(client):
    text = "Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\nNội dung.\nChương II\nTHI HÀNH\nĐiều 2. Hiệu lực\nNội dung."
    law = create_document(text=text, issued_on=D(2020, 1, 1))
    html = page(client, law)
    toc = html[html.index('<details class="lg-toc"'):html.index("</details>", html.index('<details class="lg-toc"'))]
    assert "<summary>Mục lục" in toc
    assert '<a href="#chuong-i">Chương I – QUY ĐỊNH CHUNG</a>' in toc
    assert '<a href="#dieu-2">Điều 2. Hiệu lực</a>' in toc
    assert '<section class="lg-div lg-chapter" id="chuong-ii"' in html


def test_unpublished_document_is_404_and_not_linked_from_published_ones(client):
    target = create_document("1/2010/QH12", issued_on=D(2010, 1, 1))
    hidden = create_document("2/2026/QH15", title="Luật chưa công bố", issued_on=D(2026, 1, 1),
                             relations=[relation("amends", target)], publish=False)
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert client.get(f"/van-ban/{hidden.slug}.json").status_code == 404
    assert client.get(hidden.get_absolute_url() + "?in=1").status_code == 404
    html = page(client, target)
    assert hidden.get_absolute_url() not in html
    assert "Luật chưa công bố" not in html
    assert "badge-valid" in html  # an unpublished amendment has no effect


def test_silent_text_change_is_a_new_dated_version_and_old_text_stays_readable(client):
    with at("2024-01-10"):
        law = create_document(text="Điều 1. Phạm vi\nNội dung cũ.", issued_on=D(2024, 1, 1))
    first = law.current_version
    with at("2025-03-05"):
        save_document(law, text="Điều 1. Phạm vi\nNội dung mới.")
    law.refresh_from_db()
    html = page(client, law)
    assert "Nội dung mới." in html and "Nội dung cũ." not in html
    assert "đã có 2 phiên bản" in html
    assert "Phiên bản ngày 05/03/2025</a>" in html and "Phiên bản ngày 01/01/2024</a>" in html
    old = page(client, law, f"?phien-ban={first.pk}")
    assert "Nội dung cũ." in old
    assert "Bạn đang xem phiên bản ngày 01/01/2024, không phải nội dung hiện hành." in old
    assert '<meta name="robots" content="noindex, follow">' in old


def test_unknown_version_parameter_gives_a_message_not_an_error(client):
    law = create_document(issued_on=D(2020, 1, 1))
    html = page(client, law, "?phien-ban=abc")
    assert "Không có phiên bản “abc” của văn bản này; đang hiển thị phiên bản hiện hành." in html
    assert 'id="dieu-1"' in html


def test_attachments_are_listed_with_their_size(client):
    law = create_document(issued_on=D(2020, 1, 1))
    file = Document(title="Bản ký số")
    file.file.save("ban-ky-so.pdf", ContentFile(b"%PDF-1.4\n" + b"0" * 2048), save=False)
    file.save()
    DocumentAttachment.objects.create(document=law, file=file, title="Bản ký số (PDF)")
    html = page(client, law)
    assert "Bản ký số (PDF)</a>" in html
    assert "(PDF, 2,0\xa0KB)" in html or "(PDF, 2.0\xa0KB)" in html


def test_draft_for_comment_shows_its_comment_period(client):
    draft = create_document("", title="Dự thảo Nghị quyết hỗ trợ hòa giải", doc_type="Nghị quyết",
                            issuer="hoi-dong-nhan-dan-tinh", is_draft_for_comment=True,
                            comment_opens=D(2026, 11, 10), comment_closes=D(2026, 12, 10))
    with at("2026-11-27"):
        html = page(client, draft)
    assert "đang lấy ý kiến" in html
    assert "từ ngày 10 tháng 11 năm 2026" in html and "đến hết ngày 10 tháng 12 năm 2026" in html
    with at("2026-12-11"):
        assert "đã hết thời gian lấy ý kiến" in page(client, draft)


def test_print_view_and_share_links(client):
    law = create_document("91/2015/QH13", title="Bộ luật Dân sự", doc_type="Bộ luật", issued_on=D(2015, 11, 24))
    html = page(client, law)
    assert 'href="?in=1"' in html
    assert "https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2Ftestserver%2Fvan-ban%2F91-2015-qh13%2F" in html
    assert "https://sp.zalo.me/plugins/share?url=http%3A%2F%2Ftestserver%2Fvan-ban%2F91-2015-qh13%2F" in html
    assert "<script src=\"http" not in html  # no third-party script
    printed = page(client, law, "?in=1")
    assert 'class="site-header"' not in printed
    assert 'id="dieu-1"' in printed
    assert "Nguồn: http://testserver/van-ban/91-2015-qh13/" in printed


def test_vietnamese_long_dates_follow_the_official_style():
    assert vi_long_date(D(2016, 7, 1)) == "ngày 01 tháng 7 năm 2016"
    assert vi_long_date(D(2015, 2, 24)) == "ngày 24 tháng 02 năm 2015"
    assert vi_long_date(None) == ""


def test_validity_at_another_date_and_an_unreadable_date(client):
    old = create_document("10/2012/QH13", doc_type="Bộ luật", issued_on=D(2012, 6, 18), effective_from=D(2013, 5, 1))
    create_document("45/2019/QH14", doc_type="Bộ luật", issued_on=D(2019, 11, 20), effective_from=D(2021, 1, 1),
                    relations=[relation("replaces", old)])
    with at("2026-11-27"):
        before = page(client, old, "?ngay=31/12/2020")
        bad = page(client, old, "?ngay=abc")
    assert '<span class="badge badge-valid">Còn hiệu lực</span>' in before
    assert "tại ngày 31/12/2020" in before
    assert "Ngày “abc” không hợp lệ." in bad
    assert 'value="abc" aria-invalid="true"' in bad
    assert '<span class="badge badge-expired">Hết hiệu lực toàn bộ</span>' in bad  # today's status instead


def test_document_without_text_shows_metadata_and_says_the_text_is_missing(client):
    law = create_document("52/2019/QH14", text=None, issued_on=D(2019, 11, 25), effective_from=D(2020, 7, 1))
    assert law.current_version is None
    html = page(client, law)
    assert "Chưa có toàn văn" in html
    assert "<summary>Mục lục" not in html
    assert "Ngày 01 tháng 7 năm 2020" in html
    printed = page(client, law, "?in=1")
    assert "<strong>52/2019/QH14</strong>" in printed and "Ngày có hiệu lực" in printed
    assert client.get(f"/van-ban/{law.slug}.json").json()["provisions"] == []


def test_pending_draft_changes_of_a_published_document_stay_private(client):
    law = create_document("7/2020/QH14", title="Tiêu đề đã công bố", issued_on=D(2020, 1, 1))
    law.title = "Tiêu đề bản nháp chưa duyệt"
    save_document(law, text="Điều 1. Nội dung nháp\nChưa được duyệt.", publish=False)
    html = page(client, law)
    assert "Tiêu đề đã công bố" in html
    assert "bản nháp chưa duyệt" not in html and "Chưa được duyệt." not in html
    assert "bản nháp chưa duyệt" not in client.get(f"/van-ban/{law.slug}.json").content.decode()
