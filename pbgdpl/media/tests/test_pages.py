"""Public pages of the media app: infographics, lectures, the programme registry, API, sitemap,
alt text on every image and the weight of a page before its media."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from pbgdpl.media.models import Material, Processing
from pbgdpl.media.programme import ProgrammeItem, _kinds, register_programme_kind

pytestmark = pytest.mark.django_db


def _pages(objs) -> list[str]:
    return ["/tai-lieu-tuyen-truyen/", objs["material"].get_absolute_url(), "/infographic/",
            objs["infographic"].get_absolute_url(), objs["video"].get_absolute_url(),
            "/tinh-huong-phap-luat/chuong-trinh-nghe-nhin/", "/bai-giang/", "/bai-giang/lao-dong/",
            "/bai-giang/lao-dong/bai-1/", "/bai-giang/lao-dong/bai-2/"]


def test_every_image_has_alt_text_and_pages_weigh_under_200_kb(client, published, settings):
    for url in _pages(published):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        # Every image has an alt attribute; the content's images (not the header's emblem beside the
        # site name, decorative on purpose) describe what they show.
        assert all(re.search(r'\balt="', tag) for tag in re.findall(r"<img\b[^>]*>", html)), url
        content = html[html.index("<main"):html.index("</main>")]
        images = re.findall(r"<img\b[^>]*>", content)
        assert all(re.search(r'\balt="[^"]+"', tag) for tag in images), (url, images)
        weight = len(response.content)
        for asset in re.findall(r'<(?:link[^>]+href|script[^>]+src)="(/static/[^"]+)"', html):
            weight += Path(finders.find(asset.removeprefix("/static/").split("?")[0])).stat().st_size
        for src in re.findall(r'<img\b[^>]*\bsrc="([^"]+)"', html):
            if src.startswith("/static/"):
                weight += Path(finders.find(src.removeprefix("/static/"))).stat().st_size
            elif src.startswith(settings.MEDIA_URL):
                weight += (Path(settings.MEDIA_ROOT) / src.removeprefix(settings.MEDIA_URL)).stat().st_size
            else:
                image = client.get(src)
                assert image.status_code == 200, (url, src)
                weight += len(b"".join(image.streaming_content))
        assert weight < 200 * 1024, (url, weight)


def test_infographic_download_is_the_print_size_original(client, published):
    item = published["infographic"]
    html = client.get(item.get_absolute_url()).content.decode()
    assert "Bước 2: hòa giải tại xã" in html and "640×900 px" in html
    download = client.get(f"/infographic/{item.pk}/tai-ve/")
    assert download["Content-Disposition"].startswith("attachment")
    assert client.get("/infographic/", {"q": "hoa giai"}).content.decode().count(item.title) >= 1
    assert item.title not in client.get("/infographic/", {"q": "ly hon"}).content.decode()


def test_lessons_link_their_quiz_slides_and_progress_script(client, published):
    from pbgdpl.quizzes.models import PracticeQuiz

    quiz = PracticeQuiz.objects.create(title="Luyện tập hợp đồng", slug="hop-dong")
    published["course"].lessons.update(practice_quiz=quiz)
    first = client.get("/bai-giang/lao-dong/bai-1/").content.decode()
    assert "/luyen-tap/hop-dong/" in first and "media/progress" in first and 'data-total="2"' in first
    second = client.get("/bai-giang/lao-dong/bai-2/").content.decode()
    assert "Xem trình chiếu (PDF, 1 trang)" in second and 'rel="prev"' in second
    assert client.get("/bai-giang/lao-dong/bai-3/").status_code == 404


def test_another_app_can_add_its_kind_to_the_programme(client, published):
    import datetime

    def episodes(limit):
        return [ProgrammeItem(title="Podcast: Quyền của người thuê nhà", url="/podcast/1/", kind="sample",
                              date=datetime.date(2099, 1, 1))]

    registered = dict(_kinds)  # the bookshelf app's own kinds come back afterwards
    register_programme_kind("sample", "Podcast mẫu", episodes)
    try:
        html = client.get("/tinh-huong-phap-luat/chuong-trinh-nghe-nhin/").content.decode()
        assert html.index("Quyền của người thuê nhà") < html.index("Nghỉ phép năm")  # newest first, mixed
        only = client.get("/tinh-huong-phap-luat/chuong-trinh-nghe-nhin/", {"loai": "sample"}).content.decode()
        assert "Nghỉ phép năm" not in only and "Quyền của người thuê nhà" in only
    finally:
        _kinds.clear()
        _kinds.update(registered)


def test_api_sitemap_and_search_source_show_only_public_items(client, published):
    material = published["material"]
    hidden = Material.objects.create(title="Bản nháp", kind="to-roi", year=2025, issuer="Sở", live=False,
                                     processing=Processing.DONE)
    body = client.get("/api/v1/media/materials").json()
    assert [item["id"] for item in body["items"]] == [material.pk]
    assert client.get(f"/api/v1/media/materials/{hidden.pk}").status_code == 404
    assert client.get("/api/v1/media/videos").json()["items"][0]["external_url"].startswith("https://youtu.be/")
    assert client.get("/api/v1/media/infographics").json()["items"][0]["alt_text"]
    for plural, item in (("materials", material), ("videos", published["video"]),
                         ("infographics", published["infographic"])):
        assert client.get(f"/api/v1/media/{plural}/{item.pk}").json()["id"] == item.pk
    paged = client.get("/api/v1/media/materials", {"limit": 1, "cursor": material.pk}).json()
    assert paged == {"items": [], "next_cursor": None}
    sitemap = client.get("/sitemap.xml").content.decode()
    assert material.get_absolute_url() in sitemap and "/bai-giang/lao-dong/" in sitemap

    from pbgdpl.search.registry import get_source

    entry = get_source("media.Material").entries_for(material.pk)[0]
    assert entry.kind == "material" and "Giấy chứng nhận" in entry.body
    assert get_source("media.Material").entries_for(hidden.pk) == []
