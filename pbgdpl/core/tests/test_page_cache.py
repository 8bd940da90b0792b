"""The anonymous page cache: who is served from it, its HTTP validators, and what page changes purge."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from pbgdpl.core.models import PortalSettings
from pbgdpl.news.models import ArticleIndexPage, ArticlePage

pytestmark = pytest.mark.django_db


def _shares_no_tag(article: ArticlePage, other: ArticlePage) -> bool:
    return not set(article.tags.values_list("pk", flat=True)) & set(other.tags.values_list("pk", flat=True))


@pytest.fixture
def news(seeded_site):
    """The newest article of "Tin tức" (on the home page) and an unrelated article of another section."""
    index = ArticleIndexPage.objects.get(slug="tin-tuc")
    newest = index.articles().first()
    other = next(a for a in ArticlePage.objects.live().not_child_of(index).specific()
                 if _shares_no_tag(newest, a) and a.get_parent().slug != "tin-tuc")
    return {"index": index, "newest": newest, "other": other}


def test_strangers_get_cached_pages_with_validators_and_304(seeded_site, page_cache):
    first = page_cache.get("/")
    assert first["X-Page-Cache"] == "miss"
    second = page_cache.get("/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert "Last-Modified" in second
    assert "public" in second["Cache-Control"] and "max-age=0" in second["Cache-Control"]
    # Security headers come with every answer; a stored page used no nonce, so its policy allows none:
    # no inline code can run on a cached page (the first answer is already the stored one).
    assert first["Content-Security-Policy"] == second["Content-Security-Policy"]
    assert "nonce-" not in second["Content-Security-Policy"] and "script-src 'self'" in second["Content-Security-Policy"]
    assert second["X-Frame-Options"] == "DENY" and "Permissions-Policy" in second
    again = page_cache.get("/", If_None_Match=second["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    # Browsers that accept gzip get the body compressed once at store time, with its own ETag.
    import gzip

    zipped = page_cache.get("/", Accept_Encoding="gzip, deflate, br")
    assert zipped["Content-Encoding"] == "gzip" and "Accept-Encoding" in zipped["Vary"]
    assert gzip.decompress(zipped.content) == first.content
    assert zipped["ETag"] != second["ETag"]
    head = page_cache.client.head("/")
    assert head.status_code == 200 and head.content == b""


def test_the_first_answer_is_compressed_like_the_hits_after_it(seeded_site, page_cache):
    """A frontend cache (nginx) keeps the answer to the request that filled the page cache: it must
    be the compressed copy, or nginx would hold and send the page uncompressed."""
    import gzip

    first = page_cache.get("/gioi-thieu/", Accept_Encoding="gzip")
    assert first["X-Page-Cache"] == "miss" and first["Content-Encoding"] == "gzip"
    hit = page_cache.get("/gioi-thieu/", Accept_Encoding="gzip")
    assert hit["X-Page-Cache"] == "hit" and hit["ETag"] == first["ETag"] and hit.content == first.content
    assert b"</html>" in gzip.decompress(first.content)


def test_staff_sessions_and_csrf_forms_never_touch_the_shared_cache(seeded_site, page_cache, admin_client):
    page_cache.warm(["/"])
    staff = admin_client.get("/")
    assert "X-Page-Cache" not in staff
    assert "private" in staff["Cache-Control"]
    # The Q&A form carries a CSRF token: it is rendered for each visitor and never stored.
    for _ in range(2):
        form = page_cache.get("/hoi-dap/gui-cau-hoi/")
        assert form.status_code == 200
        assert form.get("X-Page-Cache") != "hit"
        assert "csrftoken" in form.cookies


def test_publishing_an_article_purges_its_page_its_lists_and_nothing_else(news, page_cache):
    newest, other = news["newest"], news["other"]
    related = {a.url for a in ArticlePage.objects.live().exclude(pk=newest.pk) if not _shares_no_tag(newest, a)}
    unrelated = ["/gioi-thieu/", other.url, "/van-ban/", "/hoi-dap/", other.get_parent().url]
    urls = ["/", "/tin-tuc/", newest.url, *unrelated]

    def publish_new_title():
        newest.title = "Tiêu đề mới của bài viết"
        newest.save_revision().publish()

    purged = page_cache.purged_by(publish_new_title, urls)
    assert {"/", "/tin-tuc/", newest.url} <= purged
    assert purged <= {"/", "/tin-tuc/", newest.url} | related
    assert "Tiêu đề mới của bài viết" in page_cache.get(newest.url).content.decode()
    assert "Tiêu đề mới của bài viết" in page_cache.get("/").content.decode()


def test_unpublishing_an_article_takes_it_off_every_page_that_listed_it(news, page_cache):
    newest, other = news["newest"], news["other"]
    purged = page_cache.purged_by(newest.unpublish, ["/", "/tin-tuc/", newest.url, other.url, "/gioi-thieu/"])
    assert {"/", "/tin-tuc/"} <= purged
    assert not {other.url, "/gioi-thieu/"} & purged
    assert page_cache.get(newest.url).status_code == 404
    assert newest.title not in page_cache.get("/tin-tuc/").content.decode()


def test_scheduled_publication_purges_the_section_and_home_only(news, page_cache, django_capture_on_commit_callbacks):
    index, other = news["index"], news["other"]
    draft = ArticlePage(title="Bài hẹn giờ đăng", slug="bai-hen-gio", summary="Tóm tắt", live=False,
                        date=timezone.localdate())
    index.add_child(instance=draft)
    draft.go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    draft.save_revision(approved_go_live_at=draft.go_live_at)

    purged = page_cache.purged_by(lambda: call_command("publish_scheduled"),
                                  ["/", "/tin-tuc/", other.url, "/gioi-thieu/", "/sitemap.xml", "/tin-tuc/rss/"])
    assert purged == {"/", "/tin-tuc/", "/sitemap.xml", "/tin-tuc/rss/"}
    assert "Bài hẹn giờ đăng" in page_cache.get("/tin-tuc/").content.decode()


def test_menu_and_settings_changes_purge_every_page_that_shows_them_but_not_feeds(news, page_cache):
    html_pages = ["/", "/tin-tuc/", news["newest"].url, news["other"].url, "/gioi-thieu/", "/van-ban/"]
    feeds = ["/tin-tuc/rss/"]

    def rename_department():
        portal = PortalSettings.objects.get()
        portal.department_name = "Sở Tư pháp tỉnh Thử Nghiệm"
        portal.save()

    assert page_cache.purged_by(rename_department, html_pages + feeds) == set(html_pages)
    assert "Sở Tư pháp tỉnh Thử Nghiệm" in page_cache.get(news["other"].url).content.decode()

    section = news["index"].get_parent().get_children().get(slug="gioi-thieu").specific

    def rename_menu_item():
        section.title = "Giới thiệu chung"
        section.save_revision().publish()

    assert page_cache.purged_by(rename_menu_item, html_pages + feeds) == set(html_pages)
    assert "Giới thiệu chung" in page_cache.get("/van-ban/").content.decode()


def test_under_asgi_a_hit_is_answered_before_django(seeded_site, page_cache):
    import asyncio

    from pbgdpl.core.pagecache.asgi import PageCacheASGI

    stored = page_cache.get("/gioi-thieu/")
    assert stored["X-Page-Cache"] == "miss"

    async def django_must_not_run(scope, receive, send):
        raise AssertionError("the cached page went to Django")

    async def call(headers):
        sent = []

        async def send(message):
            sent.append(message)

        scope = {"type": "http", "method": "GET", "path": "/gioi-thieu/", "query_string": b"", "scheme": "http",
                 "headers": [(b"host", b"testserver"), *headers]}
        await PageCacheASGI(django_must_not_run)(scope, None, send)
        return sent[0]["status"], dict(sent[0]["headers"]), sent[1]["body"]

    status, headers, body = asyncio.run(call([]))
    assert status == 200 and body == stored.content
    assert headers[b"x-page-cache"] == b"hit" and b"nonce-" not in headers[b"content-security-policy"]
    assert headers[b"content-security-policy"].startswith(b"default-src")
    assert asyncio.run(call([(b"if-none-match", stored["ETag"].encode())]))[0] == 304

    async def django(scope, receive, send):
        await send({"type": "http.response.start", "status": 299, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    async def with_session():
        sent = []

        async def send(message):
            sent.append(message)

        scope = {"type": "http", "method": "GET", "path": "/gioi-thieu/", "query_string": b"", "scheme": "http",
                 "headers": [(b"host", b"testserver"), (b"cookie", b"sessionid=abc")]}
        await PageCacheASGI(django)(scope, None, send)
        return sent[0]["status"]

    assert asyncio.run(with_session()) == 299  # a session goes to Django
