"""Published comments on drafts are found by the site search; nothing unpublished or personal is."""

from __future__ import annotations

import pytest
from django.test import override_settings

from pbgdpl.consultation import services
from pbgdpl.consultation.comment_search import CommentSource
from pbgdpl.consultation.models import Comment, Status
from pbgdpl.search import index as index_mod
from pbgdpl.search.indexer import apply_outbox

TEXT = "Đề nghị bổ sung đối tượng người khuyết tật nặng vào diện được hỗ trợ chi phí"


@pytest.fixture
def index_dir(tmp_path):
    with override_settings(SEARCH_INDEX_DIR=tmp_path / "index"):
        index_mod.readers.reset()
        yield
        index_mod.readers.reset()


def reindex() -> None:
    apply_outbox()
    index_mod.readers.reset()


def test_approved_comment_and_its_response_are_found_and_a_rejected_one_leaves(client, draft, index_dir):
    comment = Comment.objects.create(consultation=services.consultation_for(draft), eid="dieu-2", text=TEXT,
                                     name="Lê Thị Riêng", email="rieng@example.vn", submission_key="s1",
                                     provision_label="Điều 2", status=Status.PENDING)
    services.moderate(comment, approve=True)
    services.respond(comment, "Tiếp thu, bổ sung vào khoản 3 Điều 2.")
    reindex()
    # Results link through the click counter: /tim-kiem/mo/?to=<the comment's anchor on the report>&key=…
    found = f"%2Fy-kien%2F%23y-kien-{comment.pk}&amp;key=draft-comment%3A{comment.pk}"
    assert found in client.get("/tim-kiem/", {"q": "người khuyết tật nặng được hỗ trợ"}).content.decode()
    entry = CommentSource().entries_for(comment.consultation_id)[0]
    assert "Tiếp thu, bổ sung" in entry.body
    assert "rieng@example.vn" not in entry.body + entry.title and "Lê Thị Riêng" not in entry.body + entry.title

    services.moderate(comment, approve=False)
    reindex()
    assert found not in client.get("/tim-kiem/", {"q": "người khuyết tật nặng được hỗ trợ"}).content.decode()


def test_unverified_and_pending_comments_are_not_indexed_and_a_rebuild_lists_each_draft_once(draft):
    consultation = services.consultation_for(draft)
    for n, status in enumerate([Status.UNVERIFIED, Status.PENDING]):  # "before" moderation: neither shows
        Comment.objects.create(consultation=consultation, text=TEXT, name="A", email="a@example.vn",
                               submission_key=f"k{n}", status=status)
    assert CommentSource().entries_for(consultation.pk) == []
    assert list(CommentSource().all_pks()) == []
    for n in range(2):  # two published comments: the draft is listed once for a rebuild
        Comment.objects.create(consultation=consultation, text=TEXT, name="A", email="a@example.vn",
                               submission_key=f"a{n}", status=Status.APPROVED)
    assert list(CommentSource().all_pks()) == [consultation.pk]


def test_deleting_the_draft_removes_its_comments_from_search(client, draft, index_dir):
    comment = Comment.objects.create(consultation=services.consultation_for(draft), text=TEXT, name="A",
                                     email="a@example.vn", submission_key="d1", status=Status.PENDING)
    services.moderate(comment, approve=True)
    reindex()
    query = {"q": "người khuyết tật nặng được hỗ trợ"}
    assert f"draft-comment%3A{comment.pk}" in client.get("/tim-kiem/", query).content.decode()
    draft.delete()  # the consultation and its comments go with it (CASCADE)
    reindex()
    assert f"draft-comment%3A{comment.pk}" not in client.get("/tim-kiem/", query).content.decode()
