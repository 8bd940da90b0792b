"""Publishing with "Đăng lên Facebook / Zalo OA" ticked posts once through the platforms' APIs
(fake servers on loopback), retries a 5xx with backoff, and reports an expired token in the admin."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page, Site

from pbgdpl.accounts.roles import EDITOR
from pbgdpl.accounts.services import ensure_editorial_setup
from pbgdpl.core.models import HomePage
from pbgdpl.core.testing.fake_platforms import FakePlatform
from pbgdpl.legal.tests.factories import create_document
from pbgdpl.news.models import ArticleIndexPage, ArticlePage
from pbgdpl.outreach import services
from pbgdpl.outreach.models import SocialPost

FEED = "/v21.0/page-42/feed"
EXPIRED = (400, {"error": {"message": "Error validating access token: Session has expired", "type": "OAuthException",
                           "code": 190}})


@pytest.fixture
def platforms(settings):
    with FakePlatform() as fake:
        settings.FACEBOOK_GRAPH_BASE = fake.url + "/v21.0"
        settings.FACEBOOK_PAGE_ID, settings.FACEBOOK_PAGE_TOKEN = "page-42", "page-token"
        settings.ZALO_API_BASE = settings.ZALO_OAUTH_BASE = fake.url
        settings.ZALO_ACCESS_TOKEN, settings.ZALO_REFRESH_TOKEN = "zalo-access", "zalo-refresh"
        settings.WAGTAILADMIN_BASE_URL = "https://pbgdpl.example.vn"
        yield fake


@pytest.fixture
def news(db):
    home = Page.get_first_root_node().add_child(instance=HomePage(title="Trang chủ", slug="trang-chu"))
    Site.objects.update(root_page=home)
    return home.add_child(instance=ArticleIndexPage(title="Tin tức", slug="tin-tuc"))


def _publish_article(news, share: dict, capture) -> ArticlePage:
    article = news.add_child(instance=ArticlePage(title="Tập huấn Luật Hòa giải", slug="tap-huan", live=False,
                                                  summary="Hơn 200 hòa giải viên tham dự."))
    article._outreach_share = share  # what the admin form's ticks set
    with capture(execute=True):
        article.save_revision().publish()
    return article


def test_ticked_article_is_posted_once_to_facebook(platforms, news, django_capture_on_commit_callbacks, client,
                                                   django_user_model):
    platforms.answers[FEED] = [(200, {"id": "42_777"})]
    article = _publish_article(news, {"facebook": True, "zalo": False}, django_capture_on_commit_callbacks)
    [request] = platforms.sent_to(FEED)
    assert request["body"]["link"] == "https://pbgdpl.example.vn/tin-tuc/tap-huan/"
    assert "Tập huấn Luật Hòa giải" in request["body"]["message"] and request["body"]["access_token"] == "page-token"
    post = SocialPost.objects.get()
    assert (post.status, post.remote_id, post.remote_url) == ("sent", "42_777", "https://www.facebook.com/42/posts/777")
    assert not platforms.sent_to("/v2.0/article/create")  # Zalo was not ticked

    article.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()  # an edit published again: no second post
    assert len(platforms.sent_to(FEED)) == 1

    ensure_editorial_setup()
    editor = django_user_model.objects.create_user("btv", password="x")
    editor.groups.add(Group.objects.get(name=EDITOR))
    client.force_login(editor)
    form = client.get(f"/quan-tri/pages/{article.pk}/edit/").content.decode()
    assert "Đăng lên Facebook" in form and "Đăng lên Zalo OA" in form and "facebook.com/42/posts/777" in form


def test_a_5xx_is_retried_later_and_posts_once(platforms, news, django_capture_on_commit_callbacks):
    platforms.answers[FEED] = [(503, {"error": {"message": "busy", "code": 2}}), (200, {"id": "42_900"})]
    _publish_article(news, {"facebook": True, "zalo": False}, django_capture_on_commit_callbacks)
    post = SocialPost.objects.get()
    assert (post.status, post.attempts) == ("pending", 1) and "503" in post.last_error
    assert services.retry_due() == 0  # the backoff has not passed yet
    later = timezone.now() + datetime.timedelta(hours=1)
    assert services.retry_due(later) == 1
    post.refresh_from_db()
    assert (post.status, post.remote_id, post.attempts) == ("sent", "42_900", 2)
    assert services.retry_due(later) == 0 and services.send(post.pk).status == "sent"
    assert len(platforms.sent_to(FEED)) == 2  # one failure, one post


def test_an_expired_token_fails_at_once_and_shows_in_the_admin(platforms, news, django_capture_on_commit_callbacks,
                                                               admin_client):
    platforms.answers[FEED] = [EXPIRED]
    _publish_article(news, {"facebook": True, "zalo": False}, django_capture_on_commit_callbacks)
    post = SocialPost.objects.get()
    assert (post.status, post.attempts) == ("failed", 1) and "hết hạn" in post.last_error
    assert services.retry_due(timezone.now() + datetime.timedelta(days=1)) == 0
    listing = admin_client.get("/quan-tri/bai-dang-mang-xa-hoi/").content.decode()
    assert "Tập huấn Luật Hòa giải" in listing and "Session has expired" in listing


@pytest.mark.django_db
def test_a_published_document_goes_to_zalo_oa(platforms, django_capture_on_commit_callbacks):
    platforms.answers["/v2.0/article/create"] = [(200, {"error": 0, "data": {"token": "zalo-article-1"}})]
    document = create_document("5/2026/NQ-HĐND", title="Nghị quyết thử", publish=False, summary="Hỗ trợ hòa giải.")
    document._outreach_share = {"facebook": False, "zalo": True}
    document.save()
    with django_capture_on_commit_callbacks(execute=True):
        document.save_revision().publish()
    [request] = platforms.sent_to("/v2.0/article/create")
    assert request["headers"]["access_token"] == "zalo-access"
    assert request["body"]["title"] == "Nghị quyết thử" or "Nghị quyết thử" in request["body"]["title"]
    assert document.get_absolute_url() in request["body"]["body"][0]["content"]
    assert SocialPost.objects.get().remote_id == "zalo-article-1" and not platforms.sent_to(FEED)
