"""Rich text is cleaned on save without breaking Wagtail's links and embeds."""

from __future__ import annotations

from pbgdpl.core.sanitize import clean_rich_text

WAGTAIL_HTML = ('<h2>Điều 1</h2><p>Xem <a linktype="page" id="3">trang</a>, <a href="https://vbpl.vn/x">văn bản</a>'
                ' và <b>in đậm</b>.</p><embed alt="Ảnh hội nghị" embedtype="image" format="fullwidth" id="7"/>'
                '<ul><li>một</li></ul>')


def test_wagtail_rich_text_is_kept_as_is():
    assert clean_rich_text(WAGTAIL_HTML) == WAGTAIL_HTML
    assert clean_rich_text(clean_rich_text(WAGTAIL_HTML)) == WAGTAIL_HTML


def test_active_content_is_removed():
    dirty = ('<p onclick="steal()">Chào<script>alert(1)</script><img src=x onerror=alert(1)>'
             '<a href="javascript:alert(1)">bấm</a><iframe src="https://evil.example"></iframe>'
             '<style>body{display:none}</style><span style="position:fixed">x</span></p>')
    cleaned = clean_rich_text(dirty)
    for bad in ("onclick", "<script", "alert(1)", "onerror", "javascript:", "<iframe", "<style", "style=", "<img"):
        assert bad not in cleaned, bad
    assert "Chào" in cleaned and "bấm" in cleaned


def test_rich_text_field_is_cleaned_on_save(db):
    from wagtail.models import Page

    from pbgdpl.core.models import SectionPage

    root = Page.get_first_root_node()
    page = root.add_child(instance=SectionPage(title="Giới thiệu", slug="gioi-thieu-sec",
                                               body='<p>Xin chào<script>alert("x")</script></p>'))
    page.refresh_from_db()
    assert page.body == "<p>Xin chào</p>"


def test_rich_text_inside_an_article_body_is_cleaned_on_save(db):
    """StreamField paragraphs (news, guidance, legal situations) are cleaned too."""
    from wagtail.models import Page

    from pbgdpl.news.models import ArticlePage

    root = Page.get_first_root_node()
    article = ArticlePage(
        title="Tin có mã độc", slug="tin-co-ma-doc",
        body=[("paragraph", '<p onclick="x()">Nội dung<script>alert(1)</script></p>')],
    )
    root.add_child(instance=article)
    stored = ArticlePage.objects.get(pk=article.pk).body.raw_data[0]["value"]
    assert stored == "<p>Nội dung</p>"
