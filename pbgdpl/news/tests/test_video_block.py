"""The article video block loads nothing from YouTube/Facebook until the visitor presses its button."""

from __future__ import annotations

import datetime
import json
import re

import pytest
from wagtail.models import Page, Site

from pbgdpl.core.models import HomePage
from pbgdpl.news.models import ArticleIndexPage, ArticlePage

YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
FACEBOOK = "https://www.facebook.com/sotuphap/videos/123456789/"


@pytest.fixture
def article(db):
    home = Page.get_first_root_node().add_child(instance=HomePage(title="Trang chủ", slug="trang-chu"))
    Site.objects.update(root_page=home)
    news = home.add_child(instance=ArticleIndexPage(title="Tin tức", slug="tin-tuc"))
    body = [{"type": "video", "value": {"video": YOUTUBE, "caption": "Hỏi đáp Luật Đất đai"}},
            {"type": "video", "value": {"video": FACEBOOK, "caption": ""}},
            {"type": "video", "value": {"video": "https://vimeo.com/76979871", "caption": ""}}]
    return news.add_child(instance=ArticlePage(title="Tọa đàm pháp luật", slug="toa-dam", date=datetime.date(2026, 3, 1),
                                               body=json.dumps(body)))


def test_article_videos_are_placeholders_with_a_button_until_activated(client, article):
    html = client.get(article.url).content.decode()
    assert "<iframe" not in html
    addresses = re.findall(r'\b(?:src|href|poster)="([^"]+)"', html)
    # Only plain links (the videos' own pages, the article's share link); no player, script or image from them.
    platform = [url for url in addresses if ("youtube" in url or "facebook" in url) and "/sharer/" not in url]
    assert platform == [YOUTUBE, FACEBOOK]
    assert 'data-embed="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"' in html
    assert 'data-embed="https://www.facebook.com/plugins/video.php?href=' in html
    buttons = re.findall(r'<button type="button" class="button md-embed-button" hidden>([^<]+)</button>', html)
    assert buttons == ["Xem video trên YouTube", "Xem video trên Facebook"]  # named buttons, shown by embed.js
    assert 'data-title="Hỏi đáp Luật Đất đai"' in html and "/static/media/embed.js" in html
    assert 'href="https://vimeo.com/76979871"' in html  # another platform: only a link (the CSP allows no frame)
