"""Participation pages in the page cache: lists and finished sessions are shared and purged exactly;
pages with a form are never stored."""

from __future__ import annotations

import datetime

from django.utils import timezone

from pbgdpl.consultation import dialogue_services, services
from pbgdpl.consultation.models import Comment

from .test_dialogues import approved_question, make_dialogue


def test_a_dialogue_answer_purges_its_session_and_nothing_else(db, page_cache):
    past = make_dialogue(starts_hours=-48, slug="da-xong", title="Phiên đã xong")
    other = make_dialogue(starts_hours=-72, slug="phien-khac", title="Phiên khác")
    question = approved_question(past)
    urls = [past.get_absolute_url(), f"{past.get_absolute_url()}hoi-dap/", other.get_absolute_url(),
            "/doi-thoai-chinh-sach/", "/tro-giup-phap-ly/"]

    purged = page_cache.purged_by(lambda: dialogue_services.publish_answer(question, "Đã sửa quy định."), urls)
    assert purged == {past.get_absolute_url(), f"{past.get_absolute_url()}hoi-dap/"}
    assert "Đã sửa quy định." in page_cache.get(past.get_absolute_url()).content.decode()

    # Editing a session (here: taking it off the site) purges it and the list, not the other session.
    def unpublish():
        past.live = False
        past.save()

    purged = page_cache.purged_by(unpublish, [past.get_absolute_url(), "/doi-thoai-chinh-sach/", other.get_absolute_url()])
    assert purged == {past.get_absolute_url(), "/doi-thoai-chinh-sach/"}
    assert page_cache.get(past.get_absolute_url()).status_code == 404


def test_open_session_page_holds_a_form_and_is_never_stored(db, page_cache):
    live = make_dialogue(slug="dang-dien-ra", starts_hours=-1, hours=1.05)  # ends in 3 minutes
    for _ in range(2):
        assert page_cache.get(live.get_absolute_url()).get("X-Page-Cache") != "hit"
    assert not page_cache.is_cached(live.get_absolute_url())
    # The list is not stored either while a session starts or ends within the cache's lifetime.
    page_cache.get("/doi-thoai-chinh-sach/")
    assert page_cache.get("/doi-thoai-chinh-sach/").get("X-Page-Cache") != "hit"


def test_approving_a_comment_purges_its_report_only(draft, page_cache):
    from django.test import Client

    from pbgdpl.core import captcha

    from .conftest import make_draft
    from .test_comments import post

    stranger = Client()  # not the probe's client: posting gives it a session cookie

    other = make_draft(title="Dự thảo khác về phí thẩm định")
    services.consultation_for(draft)
    services.consultation_for(other)
    report, other_report = f"/gop-y-du-thao/{draft.slug}/y-kien/", f"/gop-y-du-thao/{other.slug}/y-kien/"
    urls = [report, other_report]
    # A stranger's comment is unverified: it shows nowhere, so it purges nothing.
    solve = lambda: captcha.solve_for_tests(stranger.get("/xac-minh/thu-thach/").json())  # noqa: E731
    assert page_cache.purged_by(lambda: post(stranger, draft, solve), urls) == set()
    comment = Comment.objects.get()
    services.verify(services.verification_token(comment))
    comment.refresh_from_db()
    assert page_cache.purged_by(lambda: services.moderate(comment, approve=True), urls) == {report}
    assert comment.text in page_cache.get(report).content.decode()
    # The form page carries a CSRF token: never stored.
    page_cache.get(f"/gop-y-du-thao/{draft.slug}/")
    assert not page_cache.is_cached(f"/gop-y-du-thao/{draft.slug}/")


def test_old_unverified_comments_cleanup_purges_nothing(draft, page_cache):
    comment = Comment.objects.create(consultation=services.consultation_for(draft), text="x" * 20, name="A",
                                     email="a@example.vn", submission_key="c2")
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - datetime.timedelta(days=60))
    report = f"/gop-y-du-thao/{draft.slug}/y-kien/"
    assert page_cache.purged_by(services.delete_unverified, [report]) == set()
