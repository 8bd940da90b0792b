"""The menu in two levels (at most seven top entries), the phone home page's order, and the
developer links labelled for people on a "Dữ liệu mở" page."""

from __future__ import annotations

import re

from pbgdpl.core.menu import build_menu


def _top_entries(html: str) -> list[str]:
    nav = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    nav = re.sub(r'<ul class="nav-submenu">.*?</ul>', "", nav, flags=re.S)
    top = re.findall(r'<li(?: class="nav-group")?>(?:<a href="[^"]*"[^>]*>([^<]+)</a>|<details class="nav-group-menu">\s*'
                     r'<summary[^>]*>([^<]+)</summary>)', nav)
    return [a or b for a, b in top]


def test_desktop_menu_has_at_most_seven_top_entries_and_every_section_below(seeded_site, db, client):
    html = client.get("/").content.decode()
    top = _top_entries(html)
    assert top == ["Trang chủ", "Văn bản pháp luật", "Hỏi đáp pháp luật", "Tin tức", "Cuộc thi, luyện tập",
                   "Phổ biến pháp luật", "Giới thiệu"]
    nav = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    for section in seeded_site.get_children().live().in_menu():
        assert f'href="{section.url}"' in nav, section.title
    for area in ("/luyen-tap/", "/bai-giang/", "/lop-hoc/", "/doi-thoai-chinh-sach/", "/van-ban/du-thao/", "/tro-giup-phap-ly/",
                 "/dien-dan/"):
        assert f'href="{area}"' in nav, area


def test_a_new_section_outside_the_groups_stays_in_the_menu():
    class Section:
        def __init__(self, slug, title):
            self.slug, self.title, self.url = slug, title, f"/{slug}/"

    entries = build_menu([Section("tin-tuc", "Tin tức"), Section("tinh-huong-phap-luat", "Tình huống"),
                          Section("chuyen-muc-moi", "Chuyên mục mới"), Section("gioi-thieu", "Giới thiệu")],
                         "/tinh-huong-phap-luat/abc/")
    titles = [entry.title for entry in entries]
    # The groups keep their fixed areas (practice, lectures; dialogues, drafts, legal aid, forum) even
    # without their sections.
    assert titles == ["Văn bản pháp luật", "Tin tức", "Cuộc thi, luyện tập", "Phổ biến pháp luật", "Chuyên mục mới",
                      "Giới thiệu"]
    news = next(entry for entry in entries if entry.title == "Tin tức")
    assert news.current and [c.title for c in news.children] == ["Tin tức", "Tình huống", "Tra cứu xử phạt, giá đất, bản án"]


def test_home_page_puts_search_three_services_and_latest_news_first(seeded_site, db, client):
    html = client.get("/").content.decode()
    main = html[html.index('<main'):]
    search, services, news = main.index('id="q-home"'), main.index('class="services"'), main.index('id="latest-title"')
    assert search < services < news < main.index('id="sections-title"')
    assert len(re.findall(r'<span class="service-title">', main)) == 3


def test_developer_jargon_lives_on_the_open_data_page(seeded_site, db, client):
    footer = re.search(r'<footer.*?</footer>', client.get("/").content.decode(), re.S).group(0)
    for jargon in ("RSS", "XML", "JSON", "Atom"):
        assert jargon not in footer
    assert 'href="/du-lieu-mo/"' in footer
    page = client.get("/du-lieu-mo/").content.decode()
    for url in ("/tin-tuc/rss/", "/van-ban/rss/", "/van-ban/atom/", "/hoi-dap/rss/", "/sitemap.xml", ".json"):
        assert url in page
    assert "Nhận tin mới tự động" in page
    listing = client.get("/van-ban/").content.decode()
    assert ">RSS</a>" not in listing and 'href="/du-lieu-mo/#nhan-tin"' in listing
