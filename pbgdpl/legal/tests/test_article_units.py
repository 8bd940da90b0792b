"""One article of a long law on its own: its bar (copy, share, print), the pinned header, and the
print view of that article alone (the way it works without JavaScript)."""

import re

import pytest

from .factories import D, big_law_text, create_document

pytestmark = pytest.mark.django_db


def _law():
    return create_document("91/2015/QH13", title="Bộ luật Dân sự", doc_type="Bộ luật", issued_on=D(2015, 11, 24),
                           text=big_law_text(12, clauses=2, points=1))


def test_every_article_has_a_bar_and_the_page_a_pinned_header_with_name_validity_and_contents(client):
    law = _law()
    html = client.get(law.get_absolute_url()).content.decode()
    assert html.count('class="lg-art-bar"') == 12
    assert '<a class="lg-art-btn" href="?in=1&amp;dieu=dieu-7" rel="nofollow" data-art="print">In điều này</a>' in html
    pinned = re.search(r'<div class="lg-pinned".*?</div>', html, re.S).group(0)
    assert "Bộ luật Dân sự" in pinned and "91/2015/QH13" in pinned
    assert "Còn hiệu lực" in pinned
    assert 'href="#muc-luc"' in pinned and 'id="muc-luc"' in html


def test_print_view_of_one_article_holds_that_article_and_says_where_it_comes_from(client):
    law = _law()
    html = client.get(law.get_absolute_url() + "?in=1&dieu=dieu-7").content.decode()
    assert 'id="dieu-7"' in html and 'id="dieu-7-khoan-2"' in html
    assert 'id="dieu-6"' not in html and 'id="dieu-8"' not in html
    assert "<title>Bản in: Điều 7 – 91/2015/QH13" in html
    assert f"{law.get_absolute_url()}#dieu-7 – in ngày" in html
    assert "Xem tình trạng hiệu lực tại ngày" not in html
    whole = client.get(law.get_absolute_url() + "?in=1").content.decode()
    assert 'id="dieu-6"' in whole and 'id="dieu-8"' in whole


def test_print_view_of_an_unknown_article_prints_the_whole_text_and_says_so(client):
    law = _law()
    html = client.get(law.get_absolute_url() + "?in=1&dieu=dieu-99").content.decode()
    assert "Văn bản không có “dieu-99”; đang in toàn văn." in html
    assert 'id="dieu-1"' in html and 'id="dieu-12"' in html
