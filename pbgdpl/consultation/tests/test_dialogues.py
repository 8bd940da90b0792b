"""Policy dialogues: questions are moderated before they show, votes are once per client and capped per
address, a finished session refuses questions, staff answer from the desk, the archive is searchable."""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone

from pbgdpl.consultation.dialogue_models import Dialogue, DialogueQuestion, QuestionStatus
from pbgdpl.consultation.dialogue_search import DialogueSource
from pbgdpl.consultation.dialogue_views import VOTER_COOKIE
from pbgdpl.consultation.tests.test_comment_search import index_dir, reindex  # noqa: F401 (fixture)

QUESTION = "Doanh nghiệp nhỏ được hỗ trợ chi phí tư vấn pháp lý thế nào?"


def make_dialogue(*, starts_hours=-1, hours=2, **values) -> Dialogue:
    starts = timezone.now() + datetime.timedelta(hours=starts_hours)
    return Dialogue.objects.create(
        title=values.pop("title", "Đối thoại về hỗ trợ doanh nghiệp"), slug=values.pop("slug", "doi-thoai-thu"),
        officials="Ông Nguyễn Văn An, Giám đốc Sở Tư pháp", starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=hours), **values)


@pytest.fixture
def dialogue(db):
    return make_dialogue()


def ask(client, dialogue, solved, **values):
    key = values.pop("submission_key", f"k{DialogueQuestion.objects.count()}-{timezone.now().timestamp()}")
    data = {"text": QUESTION, "name": "Trần Văn Hỏi", "organisation": "", "consent": "on",
            "submission_key": key, **values}
    data.setdefault("altcha", solved())
    return client.post(dialogue.get_absolute_url(), data)


def approved_question(dialogue, text=QUESTION, **values) -> DialogueQuestion:
    return DialogueQuestion.objects.create(dialogue=dialogue, name="Lê Thị Hỏi", text=text,
                                           status=QuestionStatus.APPROVED, submission_key=text[:60], **values)


def test_question_is_shown_only_after_approval_and_answer_from_the_desk(client, dialogue, solved, staff):
    page = client.get(dialogue.get_absolute_url())
    assert not page.context["form"]["consent"].value()  # consent starts unticked
    response = ask(client, dialogue, solved)
    assert response.status_code == 302, response.content.decode()[:2000]
    question = DialogueQuestion.objects.get()
    assert question.status == QuestionStatus.PENDING
    assert QUESTION not in client.get(dialogue.get_absolute_url()).content.decode()
    assert QUESTION not in client.get(f"{dialogue.get_absolute_url()}hoi-dap/").content.decode()

    desk = f"/quan-tri/doi-thoai-chinh-sach/{dialogue.pk}/"
    outsider = Client()
    outsider.force_login(staff["drafter"])
    assert outsider.get(desk).status_code == 404  # a drafting body not assigned to this session
    editor = Client()
    editor.force_login(staff["editor"])
    assert QUESTION in editor.get(desk).content.decode()
    editor.post(desk, {"action": "approve", "question": question.pk})
    editor.post(desk, {"action": "answer", "question": question.pk, "answer": "Được hỗ trợ 100% theo vụ việc."})
    fragment = client.get(f"{dialogue.get_absolute_url()}hoi-dap/").content.decode()
    assert QUESTION in fragment and "Được hỗ trợ 100% theo vụ việc." in fragment

    from pbgdpl.audit.models import AuditEntry  # moderators' decisions are audited
    assert AuditEntry.objects.filter(user=staff["editor"]).exists()


def test_assigned_drafting_body_answers_but_does_not_moderate(client, dialogue, staff):
    from pbgdpl.audit.models import AuditEntry

    drafter = Client()
    drafter.force_login(staff["drafter"])
    desk = f"/quan-tri/doi-thoai-chinh-sach/{dialogue.pk}/"
    dialogue.answerers.add(staff["drafter"])
    pending = DialogueQuestion.objects.create(dialogue=dialogue, name="B", text="Câu hỏi chưa được duyệt",
                                              submission_key="p1")
    question = approved_question(dialogue)
    page = drafter.get(desk).content.decode()
    assert QUESTION in page and "Câu hỏi chưa được duyệt" not in page and 'value="approve"' not in page
    # Refused: Wagtail turns the PermissionDenied into a redirect to the admin home with a message.
    assert drafter.post(desk, {"action": "approve", "question": pending.pk}).url == "/quan-tri/"
    assert drafter.post(desk, {"action": "reject", "question": question.pk}).url == "/quan-tri/"
    drafter.post(desk, {"action": "answer", "question": question.pk, "answer": "Sở Tài chính trả lời: có."})
    pending.refresh_from_db()
    question.refresh_from_db()
    assert pending.status == QuestionStatus.PENDING and question.answer == "Sở Tài chính trả lời: có."
    assert "Sở Tài chính trả lời: có." in client.get(f"{dialogue.get_absolute_url()}hoi-dap/").content.decode()
    assert AuditEntry.objects.filter(user=staff["drafter"]).exists()  # who answered is on record
    dialogue.answerers.remove(staff["drafter"])  # another session, or no longer assigned: nothing to see
    assert drafter.get(desk).status_code == 404
    assert drafter.post(desk, {"action": "answer", "question": question.pk, "answer": "x"}).status_code == 404


def test_rejected_question_stays_hidden_and_bad_input_keeps_the_text(client, dialogue, solved):
    DialogueQuestion.objects.create(dialogue=dialogue, name="Ẩn", text="Câu hỏi bị từ chối không được hiện",
                                    status=QuestionStatus.REJECTED, submission_key="r1")
    assert "bị từ chối" not in client.get(dialogue.get_absolute_url()).content.decode()
    response = ask(client, dialogue, solved, text="Ngắn", consent="", altcha="")
    body = response.content.decode()
    assert response.status_code == 400 and "Câu hỏi quá ngắn" in body and "Bạn cần đồng ý" in body
    assert 'href="#id_altcha">Xác minh chống thư rác: Chưa xác minh được' in body
    assert "Trần Văn Hỏi" in body and DialogueQuestion.objects.count() == 1


def test_question_after_the_session_closed_is_refused(client, db, solved):
    past = make_dialogue(starts_hours=-5, hours=2)
    assert client.get(past.get_absolute_url()).context["form"] is None
    response = ask(client, past, solved)
    assert response.status_code == 403 and "đã kết thúc" in response.content.decode()
    assert not DialogueQuestion.objects.exists()


def test_question_flood_from_one_client_is_capped(client, dialogue, solved, settings):
    settings.DIALOGUE_QUESTIONS_PER_HOUR = 2  # the operator's setting, not a constant in code
    codes = [ask(client, dialogue, solved, submission_key=f"flood-{n}").status_code for n in range(3)]
    assert codes == [302, 302, 429]


def test_vote_once_per_client_and_a_flood_from_one_address_is_capped(client, dialogue, settings):
    question = approved_question(dialogue)
    url = f"{dialogue.get_absolute_url()}ung-ho/{question.pk}/"
    first = client.post(url, follow=True).content.decode()
    assert "Đã ghi lượt ủng hộ của bạn" in first
    again = client.post(url, follow=True).content.decode()  # the same browser again: not counted, and told so
    assert "Bạn đã ủng hộ câu hỏi này rồi" in again
    assert client.cookies[VOTER_COOKIE]["path"] == "/doi-thoai-chinh-sach/"  # not on every page of the site
    question.refresh_from_db()
    assert question.votes == 1
    settings.DIALOGUE_VOTES_PER_HOUR = 3
    # A script dropping its cookie each time looks like new voters, but the address cap stops it.
    codes = [Client().post(url).status_code for _ in range(4)]
    question.refresh_from_db()
    assert codes == [302, 302, 429, 429] and question.votes == 3


def test_unapproved_question_cannot_be_voted(client, dialogue):
    pending = DialogueQuestion.objects.create(dialogue=dialogue, name="A", text="Chờ duyệt câu hỏi này",
                                              submission_key="p1")
    assert client.post(f"{dialogue.get_absolute_url()}ung-ho/{pending.pk}/").status_code == 404


def test_list_groups_sessions_and_archive_is_searchable(client, db):
    past = make_dialogue(starts_hours=-48, slug="da-dien-ra", title="Đối thoại đã diễn ra",
                         transcript="<p>Biên bản phiên về thuế khoán</p>")
    make_dialogue(starts_hours=48, slug="sap-dien-ra", title="Đối thoại sắp diễn ra")
    approved_question(past, answer="Thuế khoán được giảm một nửa.")
    DialogueQuestion.objects.create(dialogue=past, name="B", text="Câu hỏi chưa duyệt bí mật", submission_key="s")
    body = client.get("/doi-thoai-chinh-sach/").content.decode()
    assert body.index("Sắp diễn ra") < body.index("Đối thoại sắp diễn ra") < body.index("Đã diễn ra")
    assert "Biên bản phiên về thuế khoán" in client.get(past.get_absolute_url()).content.decode()
    assert past.get_absolute_url() in client.get("/sitemap.xml").content.decode()
    entry = DialogueSource().entries_for(past.pk)[0]
    assert "thuế khoán" in entry.body and "Thuế khoán được giảm một nửa." in entry.body
    assert "bí mật" not in entry.body


def test_demo_loader_makes_a_past_and_an_upcoming_dialogue(db):
    from pbgdpl.consultation.dialogue_demo import load_demo_dialogues

    load_demo_dialogues(None)
    states = sorted(d.state() for d in Dialogue.objects.all())
    assert states == ["past", "upcoming"]
    assert DialogueQuestion.objects.exclude(answer="").filter(dialogue__slug__contains="doanh-nghiep").exists()


def test_a_deleted_dialogue_leaves_the_search_with_its_answers(client, db, index_dir):  # noqa: F811
    past = make_dialogue(starts_hours=-48, slug="da-dien-ra", title="Đối thoại về thuế khoán")
    approved_question(past, answer="Thuế khoán được giảm một nửa cho hộ kinh doanh.")
    past.save()  # the desk's answer reindexes the session; here the session's save does
    reindex()
    query, found = {"q": "thuế khoán hộ kinh doanh"}, f"key=dialogue%3A{past.pk}"  # the result's click link
    assert found in client.get("/tim-kiem/", query).content.decode()
    past.delete()  # its questions and answers go with it (CASCADE)
    reindex()
    assert found not in client.get("/tim-kiem/", query).content.decode()


def test_the_answerers_list_shows_full_names_and_units(client, dialogue, staff):
    from django.urls import reverse

    from pbgdpl.reporting.models import Unit, UnitMembership

    drafter = staff["drafter"]
    drafter.first_name, drafter.last_name = "Trần Thị", "Soạn"  # the admin's "Họ và tên đệm" and "Tên"
    drafter.save()
    UnitMembership.objects.create(user=drafter, unit=Unit.objects.create(code="STC", name="Sở Tài chính",
                                                                         kind="department"))
    client.force_login(staff["board"])
    page = client.get(reverse("wagtailsnippets_consultation_dialogue:edit", args=[dialogue.pk])).content.decode()
    label = re.search(r'<label for="id_answerers_0">(.*?)</label>', page, re.S).group(1)
    assert "Trần Thị Soạn (Sở Tài chính)" in label and "soanthao" not in label
