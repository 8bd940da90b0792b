"""Parts of pages cached per content version (menu, footer, page bodies): every render reuses them,
staff and strangers alike, until a change purges exactly the parts that showed it."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from pbgdpl.core.models import PortalSettings
from pbgdpl.core.pagecache import fragments, invalidation, store
from pbgdpl.news.models import ArticleIndexPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def parts(settings, django_capture_on_commit_callbacks):
    """Fragments on, the page cache off: each request renders, from cached parts where it can."""
    settings.FRAGMENT_CACHE_ENABLED = True
    settings.PAGE_CACHE_ENABLED = False
    store.clear()
    yield django_capture_on_commit_callbacks
    store.clear()


def cached_fragments(field: str = "url") -> set[str]:
    """The cached fragments, by name (``url`` in the index) or by ``cache_key``."""
    from pbgdpl.core.pagecache.models import CachedPageDependency

    return set(CachedPageDependency.objects.filter(url__startswith=fragments.URL_PREFIX)
               .values_list(field, flat=True))


def purged_fragments(capture, change) -> set[str]:
    invalidation.purge_log.clear()  # it keeps the last 200 purges: a length would not say which are new
    with capture(execute=True):
        change()
    return {url for _tags, urls in invalidation.purge_log for url in urls if fragments.is_fragment(url)}


def test_renders_reuse_parts_and_see_every_change_at_once(seeded_site, parts, client, admin_client,
                                                          django_assert_max_num_queries):
    index = ArticleIndexPage.objects.get(slug="tin-tuc")
    newest = index.articles().first().specific
    client.get("/"), client.get(newest.url)
    assert {"fragment:tpl:home", "fragment:main-menu", "fragment:tpl:footer", "fragment:tpl:article"} <= cached_fragments()
    with django_assert_max_num_queries(8):  # routing, view restrictions and settings; the body is reused
        assert client.get("/").status_code == 200

    def retitle():
        newest.title = "Tiêu đề đã sửa của tin mới nhất"
        newest.save_revision().publish()

    purged = purged_fragments(parts, retitle)
    # The article's own parts and the home page's news list; the menu and footer do not show it.
    assert {"fragment:tpl:home", "fragment:tpl:article", "fragment:tpl:seo"} <= purged
    assert not {"fragment:main-menu", "fragment:tpl:footer"} & purged
    for visitor in (client, admin_client):
        assert "Tiêu đề đã sửa của tin mới nhất" in visitor.get("/").content.decode()
        assert "Tiêu đề đã sửa của tin mới nhất" in visitor.get(newest.url).content.decode()

    def rename_department():
        portal = PortalSettings.objects.get()
        portal.department_name = "Sở Tư pháp tỉnh Thử Nghiệm"
        portal.save()

    assert "fragment:tpl:footer" in purged_fragments(parts, rename_department)
    assert "© Sở Tư pháp tỉnh Thử Nghiệm" in client.get(newest.url).content.decode()

    section = index.get_parent().get_children().get(slug="gioi-thieu").specific

    def rename_section():
        section.title = "Giới thiệu chung về Sở"
        section.save_revision().publish()

    assert "fragment:main-menu" in purged_fragments(parts, rename_section)
    assert "Giới thiệu chung về Sở" in client.get("/van-ban/").content.decode()


def test_a_part_with_a_csrf_token_or_the_csp_nonce_is_never_shared(parts, rf: RequestFactory):
    from django.middleware.csrf import get_token

    template = Template('{% load fragment_tags %}{% fragment "probe" kind %}{{ secret }}{% endfragment %}')
    request = rf.get("/")
    request.csp_nonce = "nonce-of-this-request"
    template.render(Context({"request": request, "kind": "nonce", "secret": request.csp_nonce}))
    form = f'<input name="csrfmiddlewaretoken" value="{get_token(request)}">'
    template.render(Context({"request": request, "kind": "csrf", "secret": form}))
    # Nothing was recorded either way, and the next visitor gets a fresh render.
    assert "nonce-of-this-request" not in template.render(
        Context({"request": rf.get("/"), "kind": "nonce", "secret": "mine"}))
    assert not cached_fragments()


def test_a_preview_shows_the_draft_and_is_never_stored_as_the_page(seeded_site, parts, client, rf):
    index = ArticleIndexPage.objects.get(slug="tin-tuc")
    article = index.articles().first().specific
    client.get(article.url)  # the published body is cached
    article.title = "Bản nháp chưa duyệt"
    draft = article.save_revision().as_object()  # saved, not published
    stored = cached_fragments("cache_key")
    preview = draft.make_preview_request(original_request=rf.get("/"))
    preview.render()
    assert cached_fragments("cache_key") == stored  # read nothing from the cache, wrote nothing to it
    assert "<h1>Bản nháp chưa duyệt</h1>" in preview.content.decode()  # the body, not only <title>
    assert "Bản nháp chưa duyệt" not in client.get(article.url).content.decode()


def test_remembered_page_routes_follow_renames_moves_and_unpublishing(seeded_site, parts, client,
                                                                     django_assert_max_num_queries):
    index = ArticleIndexPage.objects.get(slug="tin-tuc")
    article = index.articles().first().specific
    old_url = article.url
    assert client.get(old_url).status_code == 200
    with django_assert_max_num_queries(6):  # the page by id, its view restrictions, the settings
        assert client.get(old_url).status_code == 200

    with parts(execute=True):
        article.slug = "duong-dan-moi-cua-tin"
        article.save_revision().publish()
    new_url = ArticleIndexPage.objects.get(pk=index.pk).url + "duong-dan-moi-cua-tin/"
    # The old address no longer finds the page (Wagtail's redirects then point to the new one).
    gone = client.get(old_url)
    assert gone.status_code == 301 and gone["Location"] == new_url
    assert client.get(new_url).status_code == 200

    other_section = ArticleIndexPage.objects.exclude(pk=index.pk).first()
    with parts(execute=True):
        article.refresh_from_db()
        article.move(other_section, pos="last-child")
    moved = article.__class__.objects.get(pk=article.pk)
    assert client.get(new_url).status_code in (301, 404)
    assert client.get(moved.url).status_code == 200

    with parts(execute=True):
        moved.unpublish()
    assert client.get(moved.url).status_code == 404


def test_a_new_release_never_serves_what_the_previous_code_built(seeded_site, page_cache, settings):
    from pbgdpl.core.pagecache import store

    try:
        settings.CACHE_RELEASE = "release-1"
        store.release.cache_clear()
        page_cache.warm(["/gioi-thieu/"])
        settings.CACHE_RELEASE = "release-2"  # deployed: new templates
        store.release.cache_clear()
        assert page_cache.get("/gioi-thieu/")["X-Page-Cache"] == "miss"
    finally:
        store.release.cache_clear()


def test_a_page_made_private_leaves_the_public_caches_with_its_subtree(seeded_site, page_cache):
    from wagtail.models import PageViewRestriction

    index = ArticleIndexPage.objects.get(slug="tin-tuc")
    article = index.articles().first().specific
    page_cache.warm([article.url, index.url])
    with page_cache.capture_on_commit(execute=True):
        PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau")
    for url in (article.url, index.url):  # the section and the article below it
        response = page_cache.get(url)
        assert article.title not in response.content.decode()
        assert "mat-khau" not in response.content.decode() and response.get("X-Page-Cache") != "hit"
    with page_cache.capture_on_commit(execute=True):
        PageViewRestriction.objects.filter(page=index).delete()
    assert article.title in page_cache.get(article.url).content.decode()


def test_parts_come_from_the_process_memory_until_a_purge_anywhere(seeded_site, parts, client, monkeypatch):
    """After the first render a page's parts cost no trip to the shared cache; a purge made by
    another process (it bumps the shared generation) sends the next request back to it."""
    assert client.get("/gioi-thieu/").status_code == 200
    shared_reads = []
    real_get = store.get
    monkeypatch.setattr(store, "get", lambda key: shared_reads.append(key) or real_get(key))
    again = client.get("/gioi-thieu/")
    assert again.status_code == 200 and shared_reads == []
    store.bump_generation()  # what a purge on another node does to the shared cache
    assert client.get("/gioi-thieu/").status_code == 200
    assert shared_reads  # read afresh: the copy in memory was dropped
