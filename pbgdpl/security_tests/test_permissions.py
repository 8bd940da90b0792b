"""The permission matrix (docs/permissions.md), role by role, and IDOR attempts.

Each role is the real group as ``bootstrap`` sets it up (ensure_editorial_setup + ensure_extra_roles);
"allowed" means the admin serves the page (200), "denied" anything else (403, or Wagtail's redirect
to the dashboard with a message). Wagtail's own page/collection rules are tested in pbgdpl/accounts.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from pbgdpl.accounts import roles
from pbgdpl.accounts.extra_roles import CONTEST_ORGANISER, QA_ANSWERER, REPORTING_UNIT, ensure_extra_roles
from pbgdpl.accounts.services import ensure_editorial_setup
from pbgdpl.forum.models import Category
from pbgdpl.legal.models import LegalDocument
from pbgdpl.legalaid.models import AidRequest
from pbgdpl.qa.models import Question
from pbgdpl.quizzes.models import Contest
from pbgdpl.security_tests.conftest import make_home

# The staff roles, then the forum's member group (not a staff role: no admin at all).
ROLES = [roles.ADMINISTRATOR, roles.EDITORIAL_BOARD, roles.EDITOR, QA_ANSWERER, CONTEST_ORGANISER, REPORTING_UNIT,
         roles.LIVE_CHAT_AGENT, roles.DRAFTING_BODY, roles.TEACHER, roles.LEGAL_AID_CENTRE, roles.FORUM_MODERATOR,
         roles.FORUM_MEMBER]


@pytest.fixture
def staff(home):
    return _make_staff()


@pytest.fixture
def objects(db):
    return _make_objects()


@pytest.fixture(scope="class")
def matrix_world(django_db_setup, django_db_blocker):
    """Roles, their users and the objects, made once for every role's matrix test and rolled back after
    them (the set-up grants Quản trị every permission: a second each time). Each test runs in a
    savepoint inside this transaction."""
    with django_db_blocker.unblock(), transaction.atomic():
        make_home()
        yield _make_staff(), _make_objects()
        transaction.set_rollback(True)


def _make_staff() -> dict:
    ensure_editorial_setup()
    ensure_extra_roles()
    User = get_user_model()
    users = {}
    for i, role in enumerate(ROLES):
        user = User.objects.create_user(username=f"role{i}", password="Mat-khau-rat-dai-2026")
        user.groups.add(Group.objects.get_or_create(name=role)[0])
        users[role] = user
    return users


def _make_objects() -> dict:
    question = Question(text="Công ty chậm trả lương hai tháng, tôi có được nghỉ việc không?", name="Trần Văn Riêng Tư",
                        phone="0988777666", consent=True, consent_version="1", consent_at=timezone.now())
    token = question.set_token()
    question.save()
    contest = Contest.objects.create(title="Cuộc thi thử", slug="cuoc-thi-thu", is_published=True, min_age=15,
                                     require_unit=False, require_commune=False)
    document = LegalDocument.objects.first()
    aid_request = AidRequest(situation="Tranh chấp đất với hàng xóm.", name="Người Yêu Cầu", consent_version="1",
                             consent_at=timezone.now())
    aid_request.set_token()
    aid_request.save()
    members_only = Category.objects.create(name="Trao đổi nghiệp vụ", slug="trao-doi-nghiep-vu", members_only=True)
    return {"question": question, "token": token, "contest": contest, "document": document,
            "aid_request": aid_request, "members_only": members_only}


def _urls(objects) -> dict[str, str]:
    q = objects["question"].pk
    urls = {
        "admin dashboard": "/quan-tri/",
        "Q&A queue": "/quan-tri/hoi-dap/",
        "Q&A question": f"/quan-tri/hoi-dap/{q}/",
        "Q&A export personal data": f"/quan-tri/hoi-dap/{q}/xuat-du-lieu/",
        "Q&A report": "/quan-tri/hoi-dap/bao-cao/",
        "contest list": reverse("wagtailsnippets_quizzes_contest:list"),
        "contest edit": reverse("wagtailsnippets_quizzes_contest:edit", args=[objects["contest"].pk]),
        "contest rounds (organiser)": "/quan-tri/cuoc-thi/",
        "contestants": reverse("wagtailsnippets_quizzes_contestant:list"),
        "legal documents": reverse("wagtailsnippets_legal_legaldocument:list"),
        "legal document add": reverse("wagtailsnippets_legal_legaldocument:add"),
        "users": "/quan-tri/users/",
        "groups": "/quan-tri/groups/",
        "site settings": "/quan-tri/sites/",
        "images": "/quan-tri/images/",
        "documents": "/quan-tri/documents/",
        "chat inbox": "/quan-tri/hoi-truc-tuyen/",
        "chat report": "/quan-tri/hoi-truc-tuyen/bao-cao/",
        "chat office hours": reverse("wagtailsnippets_chat_officehours:list"),
        "chat canned answers": reverse("wagtailsnippets_chat_cannedanswer:list"),
        "draft comments": "/quan-tri/gop-y-du-thao/",
        "classroom: open a class": reverse("classroom:teacher_start"),
        "legal-aid queue": "/quan-tri/tro-giup-phap-ly/",
        "legal-aid request": f"/quan-tri/tro-giup-phap-ly/edit/{objects['aid_request'].pk}/",
        "forum categories": "/quan-tri/dien-dan/chuyen-muc/",
        "forum moderation log": "/quan-tri/dien-dan/nhat-ky/",
        "forum invitations": reverse("forum_invite"),
        "forum members-only category": reverse("forum:category", args=[objects["members_only"].slug]),
    }
    if objects["document"] is not None:
        urls["legal document edit"] = reverse("wagtailsnippets_legal_legaldocument:edit", args=[objects["document"].pk])
    return urls


A, B, E, Q, C, R, L, D, T, G, M, F = ROLES
# Which roles may open each admin page; everyone else must be refused. Contests: the editors and the
# board run them too (pbgdpl/quizzes/apps.py), besides the dedicated organiser role.
MATRIX: dict[str, set[str]] = {
    "admin dashboard": {A, B, E, Q, C, R, L, D, T, G, M},
    "Q&A queue": {A, B, E, Q},
    "Q&A question": {A, B, E, Q},
    "Q&A export personal data": {A, B},
    "Q&A report": {A, B, E, Q},
    "contest list": {A, B, E, C},
    "contest edit": {A, B, E, C},
    "contest rounds (organiser)": {A, B, E, C},
    "contestants": {A, B, E, C},
    "legal documents": {A, B, E},
    "legal document add": {A, B, E},
    "legal document edit": {A, B, E},
    "users": {A},
    "groups": {A},
    "site settings": {A},
    "images": {A, B, E},
    "documents": {A, B, E},
    # Live chat (pbgdpl/chat/apps.py): agents answer and use canned answers; the board also configures.
    "chat inbox": {A, B, L},
    "chat report": {A, B},
    "chat office hours": {A, B},
    "chat canned answers": {A, B, L},
    # Comments on drafts (pbgdpl/consultation/apps.py): editors moderate, the drafting body responds.
    "draft comments": {A, B, E, D},
    # Quản trị holds every model permission but the reserved ones (accounts/services.py), so it reaches
    # the screens below too, except legal aid.
    # Live classroom quiz (pbgdpl/classroom/apps.py): teachers, and editors and the board who write quizzes.
    "classroom: open a class": {A, B, E, T},
    # Legal aid (pbgdpl/legalaid/apps.py): the centre alone sees requests, not even Quản trị (sensitive
    # personal data; the permissions are reserved, roles.reserve_for_granted_roles).
    "legal-aid queue": {G},
    "legal-aid request": {G},
    # Forum (pbgdpl/forum/apps.py): moderators run it from the admin; members read members-only
    # categories on the site and open no admin page. Reading is by group (forum/access.py), not by
    # permission: Quản trị is not a forum member.
    "forum categories": {A, M},
    "forum moderation log": {A, M},
    "forum invitations": {A, M},
    "forum members-only category": {M, F},
}


class TestMatrix:
    @pytest.mark.parametrize("role", ROLES)
    def test_each_role_reaches_its_pages_and_no_other(self, db, client, matrix_world, role):
        staff, objects = matrix_world
        client.force_login(staff[role])
        wrong = []
        for action, url in _urls(objects).items():
            status = client.get(url).status_code
            allowed = role in MATRIX[action]
            if (status == 200) != allowed:
                wrong.append(f"{action} ({url}): {status}, expected {'200' if allowed else 'refusal'}")
            assert status != 500, url
        assert wrong == []

    def test_the_matrix_names_every_role_and_every_page(self, db, matrix_world):
        _staff, objects = matrix_world
        optional = {"legal document edit"} if objects["document"] is None else set()  # no document seeded
        assert set(MATRIX) - optional == set(_urls(objects))
        assert set(roles.EXTRA_ROLE_NAMES) | set(roles.ROLE_NAMES) | {roles.FORUM_MEMBER} == set(ROLES)


def test_idor_private_status_link_needs_the_exact_token(client, objects):
    from pbgdpl.qa.tests.factories import submit

    _other, other_token = submit(name="Người Khác", email="khac@example.vn", phone="0911222333")
    token = objects["token"]
    assert client.get(f"/hoi-dap/theo-doi/{token}/").status_code == 200
    for forged in (token[:-1] + ("A" if token[-1] != "A" else "B"), token.upper(), token[:10], "", "0" * len(token)):
        if forged == other_token:
            continue
        response = client.get(f"/hoi-dap/theo-doi/{forged}/")
        assert response.status_code == 404, forged
    # Acting on someone else's question through the action URL with one's own token is impossible:
    # the token *is* the identifier, there is no question id to change.
    mine = client.get(f"/hoi-dap/theo-doi/{token}/").content.decode()
    assert "Người Khác" not in mine


def test_idor_unpublished_question_id_is_not_public(client, objects):
    question = objects["question"]
    assert client.get(f"/hoi-dap/{question.pk}/").status_code == 404


def test_idor_contestant_cannot_open_another_contestants_attempt(client, objects):
    import uuid

    # Attempts are addressed by random UUIDs bound to the contestant's session: guessing one yields nothing.
    assert client.get(f"/cuoc-thi/bai-thi/{uuid.uuid4()}/").status_code == 404
    assert client.post(f"/cuoc-thi/bai-thi/{uuid.uuid4()}/nop-bai/").status_code == 404


def test_every_role_is_created_with_least_privilege(staff):
    answerer = staff[QA_ANSWERER]
    assert answerer.has_perm("qa.answer_question")
    assert not answerer.has_perm("qa.approve_question") and not answerer.has_perm("qa.export_personal_data")
    assert not answerer.has_perm("legal.change_legaldocument") and not answerer.has_perm("quizzes.change_contest")
    organiser = staff[CONTEST_ORGANISER]
    assert organiser.has_perm("quizzes.change_contest") and not organiser.has_perm("quizzes.delete_contest")
    assert not organiser.has_perm("qa.view_question")
    unit = staff[REPORTING_UNIT]
    # Returns only: which unit's returns is decided by reporting.selectors, tested in reporting/tests/test_access.py.
    assert unit.get_all_permissions() == {"wagtailadmin.access_admin", "reporting.view_return",
                                          "reporting.change_return", "reporting.review_return"}
    chat_agent = staff[roles.LIVE_CHAT_AGENT]
    assert chat_agent.has_perm("chat.answer_conversation") and not chat_agent.has_perm("chat.manage_chat")
    assert not chat_agent.has_perm("qa.view_question") and not chat_agent.has_perm("chat.change_officehours")
    drafter = staff[roles.DRAFTING_BODY]
    assert drafter.get_all_permissions() == {"wagtailadmin.access_admin", "consultation.respond_comment",
                                         "consultation.answer_dialogue"}
    # Idempotent: running the set-up again adds nothing.
    assert ensure_extra_roles() == {role: [] for role in roles.EXTRA_ROLE_NAMES}


def test_administrators_hold_no_legal_aid_permission_even_on_a_portal_set_up_before(staff):
    administrator = staff[roles.ADMINISTRATOR]
    assert not any(p.startswith("legalaid.") for p in administrator.get_all_permissions())
    assert staff[roles.LEGAL_AID_CENTRE].has_perm("legalaid.view_aidrequest")
    # A portal set up before the rule granted Quản trị every permission: the next set-up takes these back.
    group = Group.objects.get(name=roles.ADMINISTRATOR)
    group.permissions.add(*Permission.objects.filter(content_type__app_label="legalaid"))
    report = ensure_editorial_setup()
    assert report.permissions_removed == 4 and "thu hồi 4 quyền" in report.summary()
    assert not group.permissions.filter(content_type__app_label="legalaid").exists()
    assert ensure_editorial_setup().permissions_removed == 0
