"""An editor writes and submits; only the editorial board (Ban biên tập) publishes."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import querydict_from_html

from pbgdpl.accounts import roles


def edit_form_data(client, page: Page, **changes) -> dict:
    """The page editor's form as the browser would submit it, with ``changes`` applied."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data = data.copy()
    # StreamField editors are drawn by JavaScript; the fixture's articles have empty bodies.
    for field in page.specific._meta.get_fields():
        if isinstance(field, StreamField):
            assert not getattr(page.specific, field.name), "only empty StreamFields are supported here"
            data[f"{field.name}-count"] = "0"
    for key, value in changes.items():
        data[key] = value
    return data


def test_editor_has_no_publish_permission(editorial, draft_article):
    editor_perms = draft_article.permissions_for_user(editorial.editor)
    board_perms = draft_article.permissions_for_user(editorial.board)
    assert editor_perms.can_edit()
    assert not editor_perms.can_publish()
    assert not editor_perms.can_unpublish()
    assert board_perms.can_publish()


def test_editor_publish_request_only_saves_a_draft(client, editorial, draft_article):
    client.force_login(editorial.editor)
    data = edit_form_data(client, draft_article, title="Tiêu đề đã sửa bởi biên tập viên")
    data["action-publish"] = "action-publish"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[draft_article.pk]), data)
    assert response.status_code == 302
    draft_article.refresh_from_db()
    assert not draft_article.live
    latest = draft_article.latest_revision
    assert latest.user == editorial.editor
    assert latest.as_object().title == "Tiêu đề đã sửa bởi biên tập viên"
    assert draft_article.revisions.count() == 2
    assert client.get(draft_article.url or "/tin-tuc/hoi-nghi-tap-huan/").status_code == 404


def test_submission_then_board_approval_makes_the_article_live(client, editorial, draft_article):
    client.force_login(editorial.editor)
    data = edit_form_data(client, draft_article)
    data["action-submit"] = "action-submit"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[draft_article.pk]), data)
    assert response.status_code == 302

    state = WorkflowState.objects.for_instance(draft_article).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == roles.WORKFLOW_NAME
    task_state = state.current_task_state
    assert task_state.task.name == roles.APPROVAL_TASK_NAME
    approve_url = reverse("wagtailadmin_pages:workflow_action", args=[draft_article.pk, "approve", task_state.pk])

    # The editor cannot approve their own submission.
    client.post(approve_url, {"comment": ""})
    draft_article.refresh_from_db()
    assert not draft_article.live

    client.force_login(editorial.board)
    response = client.post(approve_url, {"comment": "Đồng ý đăng."})
    assert response.status_code == 302 and response["Location"] == f"/quan-tri/pages/{draft_article.pk}/edit/"
    draft_article.refresh_from_db()
    assert draft_article.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    public = client.get("/tin-tuc/hoi-nghi-tap-huan/")
    assert public.status_code == 200
    assert "Hội nghị tập huấn pháp luật về đất đai" in public.content.decode()


def test_the_board_approves_from_the_edit_screen_and_the_article_goes_live(client, editorial, draft_article):
    # The edit screen saves the form before it approves (the article's date always counts as changed);
    # an approval that needed its own revision re-approved restarted the step forever.
    client.force_login(editorial.editor)
    data = edit_form_data(client, draft_article)
    data["action-submit"] = "action-submit"
    client.post(reverse("wagtailadmin_pages:edit", args=[draft_article.pk]), data)

    client.force_login(editorial.board)
    data = edit_form_data(client, draft_article, title="Tiêu đề Ban biên tập sửa khi duyệt")
    data["action-workflow-action"] = "true"
    data["workflow-action-name"] = "approve"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[draft_article.pk]), data)
    assert response.status_code == 302
    draft_article.refresh_from_db()
    assert draft_article.live and draft_article.title == "Tiêu đề Ban biên tập sửa khi duyệt"
    assert WorkflowState.objects.for_instance(draft_article).get().status == WorkflowState.STATUS_APPROVED


def test_board_can_unpublish_but_editor_cannot(client, editorial, draft_article):
    draft_article.save_revision().publish()
    unpublish_url = reverse("wagtailadmin_pages:unpublish", args=[draft_article.pk])

    client.force_login(editorial.editor)
    client.post(unpublish_url)
    draft_article.refresh_from_db()
    assert draft_article.live

    client.force_login(editorial.board)
    client.post(unpublish_url)
    draft_article.refresh_from_db()
    assert not draft_article.live


def test_editor_can_preview_unsaved_changes(client, editorial):
    page = editorial.tree.about
    client.force_login(editorial.editor)
    data = edit_form_data(client, page, title="Giới thiệu (bản nháp xem trước)")
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    response = client.post(preview_url, data)
    assert response.json()["is_valid"] is True
    response = client.get(preview_url)
    assert response.status_code == 200
    assert "Giới thiệu (bản nháp xem trước)" in response.content.decode()
    page.refresh_from_db()
    assert page.title == "Giới thiệu"


def test_editor_can_preview_an_article(client, editorial, draft_article):
    client.force_login(editorial.editor)
    data = edit_form_data(client, draft_article, title="Bài viết đang xem trước")
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[draft_article.pk])
    assert client.post(preview_url, data).json()["is_valid"] is True
    response = client.get(preview_url + "?in_preview_panel=true")
    assert response.status_code == 200
    assert "Bài viết đang xem trước" in response.content.decode()
    # The editor's preview panel is a frame of the admin: the page's policy must let the admin frame it.
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]


def test_sections_outside_the_workflow_have_no_approval_step(editorial):
    assert editorial.tree.sections["tin-tuc"].get_workflow().name == roles.WORKFLOW_NAME
    assert editorial.tree.about.get_workflow() is None


@pytest.mark.parametrize("username", ["editor", "board", "administrator"])
def test_every_role_reaches_the_admin(client, editorial, username):
    client.force_login(getattr(editorial, username))
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert dashboard.status_code == 200
    html = dashboard.content.decode()
    assert reverse("accounts_2fa:enrol") in html  # everyone may set up a second factor
    # Only the Quản trị sees the staff accounts in the menu.
    assert (reverse("wagtailusers_users:index") in html) == (username == "administrator")


def test_admin_requires_login(client, tree):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert "/login/" in response["Location"]
