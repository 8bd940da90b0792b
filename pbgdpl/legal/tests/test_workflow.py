"""Documents go through the editorial workflow: Biên tập viên submits, Ban biên tập approves."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from pbgdpl.accounts.roles import EDITOR, EDITORIAL_BOARD
from pbgdpl.accounts.services import ensure_editorial_setup
from pbgdpl.legal.models import DocumentType, Issuer, LegalDocument
from pbgdpl.legal.services import ensure_document_workflow

from .test_admin import _form


@pytest.fixture
def workflow(db):
    ensure_editorial_setup()
    assert ensure_document_workflow() is True
    assert ensure_document_workflow() is False  # idempotent


def _user(django_user_model, name, role):
    user = django_user_model.objects.create_user(name, f"{name}@example.com", "mat-khau-dai-1")
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def desk(django_user_model, workflow):
    """An editor, a board member and the form's type and issuer ids."""
    ids = {"doc_type": DocumentType.objects.get(name="Quyết định").pk,
           "issuer": Issuer.objects.get(slug="uy-ban-nhan-dan-tinh").pk}
    return (_user(django_user_model, "bientap", EDITOR), _user(django_user_model, "banbientap", EDITORIAL_BOARD), ids)


def test_editor_submits_and_the_board_approves(client, desk):
    editor, board, ids = desk

    client.force_login(editor)
    add_url = reverse("wagtailsnippets_legal_legaldocument:add")
    client.post(add_url, _form(**ids, **{"action-submit": "action-submit"}))
    document = LegalDocument.objects.get(number="99/2026/QĐ-UBND")
    assert not document.live
    state = document.current_workflow_state
    assert state is not None and state.status == "in_progress"
    # The editor cannot publish on their own.
    edit_url = reverse("wagtailsnippets_legal_legaldocument:edit", args=[document.pk])
    client.post(edit_url, _form(**ids, **{"action-publish": "action-publish"}))
    document.refresh_from_db()
    assert not document.live

    client.force_login(board)
    task_state = state.current_task_state
    approve_url = reverse(
        "wagtailsnippets_legal_legaldocument:workflow_action",
        args=[document.pk, "approve", task_state.pk],
    )
    response = client.post(approve_url, {"comment": ""})
    assert response.status_code == 302 and response["Location"] == reverse(
        "wagtailsnippets_legal_legaldocument:edit", args=[document.pk])
    document.refresh_from_db()
    assert document.live
    assert document.current_version.provisions.articles().count() == 2


def test_the_board_approves_a_document_from_its_edit_screen(client, desk):
    # The snippet edit screen always saves a revision before it approves: the approval must still publish.
    editor, board, ids = desk
    client.force_login(editor)
    client.post(reverse("wagtailsnippets_legal_legaldocument:add"), _form(**ids, **{"action-submit": "action-submit"}))
    document = LegalDocument.objects.get(number="99/2026/QĐ-UBND")

    client.force_login(board)
    edit_url = reverse("wagtailsnippets_legal_legaldocument:edit", args=[document.pk])
    response = client.post(edit_url, _form(**ids, **{"action-workflow-action": "true",
                                                     "workflow-action-name": "approve"}))
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.live and document.current_workflow_state is None
