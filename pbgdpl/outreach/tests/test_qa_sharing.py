"""The Q&A admin's "Công bố" form carries the same ticks: a published answer goes to Facebook once."""

from __future__ import annotations

from pbgdpl.core.testing.fake_platforms import FakePlatform
from pbgdpl.outreach.models import SocialPost
from pbgdpl.qa import services
from pbgdpl.qa.tests.conftest import laws, roles, search_dir  # noqa: F401  (fixtures)
from pbgdpl.qa.tests.factories import submit
from pbgdpl.qa.tests.test_workflow import answer


def test_publishing_an_answer_with_the_tick_posts_it(client, laws, roles, settings,  # noqa: F811
                                                     django_capture_on_commit_callbacks):
    question, _token = submit()
    answer(question, roles["editor"], laws)
    services.approve(question, roles["board"])
    client.force_login(roles["board"])
    assert "Đăng lên Facebook" in client.get(f"/quan-tri/hoi-dap/{question.pk}/").content.decode()
    with FakePlatform() as fake:
        settings.FACEBOOK_GRAPH_BASE, settings.FACEBOOK_PAGE_ID, settings.FACEBOOK_PAGE_TOKEN = fake.url, "p1", "t"
        fake.answers["/p1/feed"] = [(200, {"id": "p1_5"})]
        with django_capture_on_commit_callbacks(execute=True):
            client.post(f"/quan-tri/hoi-dap/{question.pk}/", {"action": "publish", "share_facebook": "on"})
    [request] = fake.sent_to("/p1/feed")
    question.refresh_from_db()
    assert request["body"]["link"].endswith(question.get_absolute_url())
    assert "Trần Văn Riêng Tư" not in request["body"]["message"]  # the public title, never the asker
    assert SocialPost.objects.get().status == "sent"
    assert "facebook.com/p1/posts/5" in client.get(f"/quan-tri/hoi-dap/{question.pk}/").content.decode()
