"""The widget's weight and its page hook: small, no inline script, a plain link without JavaScript."""

from __future__ import annotations

import gzip

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def test_widget_script_and_styles_stay_under_15_kb_gzipped():
    static = settings.BASE_DIR / "static" / "chat"
    total = sum(len(gzip.compress((static / name).read_bytes(), 9)) for name in ("widget.js", "widget.css"))
    assert total < 15 * 1024


def test_every_page_links_to_the_qa_form_and_loads_the_widget_from_a_file(client):
    html = client.get("/van-ban/").content.decode()
    assert 'id="chat-launcher"' in html and 'href="/hoi-dap/gui-cau-hoi/"' in html
    assert "chat/widget.js" in html
    launcher = html[html.index('id="chat-launcher"') - 200: html.index("chat/widget.js") + 40]
    assert "<script>" not in launcher  # the CSP forbids inline scripts


def test_several_workers_without_redis_get_a_warning(settings):
    from pbgdpl.chat.checks import check_channel_layer

    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    settings.WEB_CONCURRENCY = 3
    assert [w.id for w in check_channel_layer(None)] == ["chat.W001"]
    settings.WEB_CONCURRENCY = 1
    assert check_channel_layer(None) == []
