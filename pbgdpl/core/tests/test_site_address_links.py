"""Links for outside the page come from BASE_URL; a link a page shows comes from the address in use."""

from __future__ import annotations

from django.test import RequestFactory

from pbgdpl.core.site_address import absolute_url, site_base


def test_links_for_mail_use_base_url_and_links_on_a_page_use_its_host(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://pbgdpl.example.vn/"
    assert site_base() == "https://pbgdpl.example.vn"
    assert absolute_url("/hoi-dap/theo-doi/abc/") == "https://pbgdpl.example.vn/hoi-dap/theo-doi/abc/"
    request = RequestFactory().get("/hoi-dap/", HTTP_HOST="10.0.0.5:8123")
    assert absolute_url("/hoi-dap/theo-doi/abc/", request) == "http://10.0.0.5:8123/hoi-dap/theo-doi/abc/"
