"""The three staff roles: what each may do, and a set-up that is safe to repeat."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.documents.permissions import permission_policy as document_policy
from wagtail.images import get_image_model
from wagtail.images.permissions import permission_policy as image_policy
from wagtail.models import Workflow, WorkflowPage

from pbgdpl.accounts import roles
from pbgdpl.accounts.services import ensure_editorial_setup

Image = get_image_model()
Document = get_document_model()


def test_editors_manage_their_own_uploads_and_the_board_everyone_s(editorial):
    from wagtail.images.tests.utils import get_test_image_file

    board_image = Image.objects.create(
        title="Ảnh của Ban biên tập", file=get_test_image_file(), uploaded_by_user=editorial.board
    )
    own_image = Image.objects.create(title="Ảnh tự tải lên", file=get_test_image_file(), uploaded_by_user=editorial.editor)
    board_document = Document.objects.create(
        title="Kế hoạch PBGDPL", file=ContentFile(b"noi dung", name="ke-hoach.txt"), uploaded_by_user=editorial.board
    )
    for policy, others in ((image_policy, board_image), (document_policy, board_document)):
        assert policy.user_has_permission(editorial.editor, "add")
        assert policy.user_has_permission(editorial.editor, "choose")
        assert not policy.user_has_permission_for_instance(editorial.editor, "change", others)
        assert not policy.user_has_permission_for_instance(editorial.editor, "delete", others)
        assert policy.user_has_permission_for_instance(editorial.board, "delete", others)
    assert image_policy.user_has_permission_for_instance(editorial.editor, "change", own_image)
    assert image_policy.user_has_permission_for_instance(editorial.editor, "delete", own_image)


def test_only_administrators_manage_staff_accounts(client, editorial):
    users_url = reverse("wagtailusers_users:index")
    client.force_login(editorial.administrator)
    assert client.get(users_url).status_code == 200
    for user in (editorial.editor, editorial.board):
        client.force_login(user)
        response = client.get(users_url)
        # Wagtail answers "no permission" with a redirect to the dashboard and an error message.
        assert response.status_code == 302 and response["Location"] == "/quan-tri/"


def test_wagtail_defaults_are_retired_on_first_setup(editorial):
    assert not Workflow.objects.filter(name="Moderators approval", active=True).exists()
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    assert Workflow.objects.get(name=roles.WORKFLOW_NAME).active


def test_repeating_the_setup_changes_nothing_and_keeps_operator_choices(editorial):
    board = Group.objects.get(name=roles.EDITORIAL_BOARD)
    extra = Permission.objects.get(codename="change_user", content_type__app_label="auth")
    board.permissions.add(extra)
    about = editorial.tree.about
    other = Workflow.objects.create(name="Duyệt trang giới thiệu")
    WorkflowPage.objects.create(page=about, workflow=other)
    news = editorial.tree.sections["tin-tuc"]
    WorkflowPage.objects.filter(page=news).update(workflow=other)

    report = ensure_editorial_setup()

    assert report.summary() is None  # bootstrap prints nothing for this step
    assert board.permissions.filter(pk=extra.pk).exists()
    assert about.get_workflow() == other
    assert news.get_workflow() == other
    assert Workflow.objects.filter(name=roles.WORKFLOW_NAME).count() == 1


def test_model_permissions_registered_by_apps_are_granted(tree, monkeypatch):
    monkeypatch.setitem(roles._model_permissions, roles.EDITOR, {"wagtailadmin.access_admin", "auth.view_group"})
    ensure_editorial_setup()
    editor_group = Group.objects.get(name=roles.EDITOR)
    assert editor_group.permissions.filter(codename="view_group").exists()
