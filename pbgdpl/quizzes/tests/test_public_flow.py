"""Over HTTP: register, log in, take a round, bad input (phone, date, tampering, deadline, attempt limit)."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from pbgdpl.quizzes import services
from pbgdpl.quizzes.models import Attempt, AttemptAnswer, AttemptStatus, Choice, Contestant

from .factories import NOW, make_contestant

PASSWORD = "mat-khau-rat-kho"


@pytest.fixture
def signed_in(client, round_, frozen):
    contestant = make_contestant("Phan Thị Thu")
    response = client.post(reverse("quizzes:login"), {"phone": contestant.phone, "password": PASSWORD})
    assert response.status_code == 302
    return contestant


def start(client, round_):
    response = client.post(reverse("quizzes:start", args=[round_.contest.slug, round_.number]))
    assert response.status_code == 302, response.content
    return Attempt.objects.get(key=response["Location"].split("/")[-2])


def registration(**changes):
    data = {"full_name": "Trần Văn Bình", "phone": "0912 345 678", "password": PASSWORD, "birth_date": "25/03/1990",
            "commune": "", "consent": "on"}
    data.update(changes)
    return data


def test_register_normalises_the_phone_and_signs_in(client, contest, frozen):
    response = client.post(reverse("quizzes:register") + f"?cuoc-thi={contest.slug}", registration())
    assert response.status_code == 302
    person = Contestant.objects.get()
    assert person.phone == "0912345678" and person.password != PASSWORD
    assert client.get(reverse("quizzes:contest", args=[contest.slug])).content.decode().count("Đăng xuất") == 1
    again = client.post(reverse("quizzes:register"), registration(phone="+84912345678"))
    assert "đã được đăng ký" in again.content.decode() and Contestant.objects.count() == 1


@pytest.mark.parametrize(("field", "value", "message"), [
    ("phone", "12345", "Số điện thoại không hợp lệ"),
    ("phone", "0212345678", "Số điện thoại không hợp lệ"),
    ("birth_date", "31/02/1990", "Ngày sinh không hợp lệ"),
    ("birth_date", "1990-03-25x", "Ngày sinh không hợp lệ"),
    ("birth_date", "01/01/2015", "từ đủ 15 tuổi"),
])
def test_bad_registration_keeps_what_was_typed(client, contest, frozen, field, value, message):
    response = client.post(reverse("quizzes:register") + f"?cuoc-thi={contest.slug}", registration(**{field: value}))
    html = response.content.decode()
    assert response.status_code == 200 and message in html
    assert 'value="Trần Văn Bình"' in html and not Contestant.objects.exists()
    # The summary names the field and links to it, and does not claim the password was kept.
    label = {"phone": "Số điện thoại di động", "birth_date": "Ngày sinh"}[field]
    assert f'<li><a href="#id_{field}">{label}: ' in html
    assert "trừ mật khẩu" in html


def test_citizen_id_only_when_rules_need_it_and_never_stored_in_full(client, contest, frozen):
    assert "citizen_id" not in client.get(reverse("quizzes:register") + f"?cuoc-thi={contest.slug}").content.decode()
    contest.require_citizen_id = True
    contest.save()
    url = reverse("quizzes:register") + f"?cuoc-thi={contest.slug}"
    assert "Số căn cước công dân gồm đúng 12" in client.post(url, registration(citizen_id="12345")).content.decode()
    client.post(url, registration(citizen_id="001090012345"))
    person = Contestant.objects.get()
    assert person.citizen_id_last4 == "2345" and "001090012345" not in str(person.__dict__)
    assert person.citizen_id_hash == services.citizen_id_digest("001090012345")


def test_wrong_password_then_lockout(client, round_, frozen, settings):
    settings.QUIZ_LOGIN_FAILURES_PER_PHONE = 2
    person = make_contestant()
    for _ in range(2):
        assert "không đúng" in client.post(reverse("quizzes:login"), {"phone": person.phone, "password": "x"}
                                           ).content.decode()
    locked = client.post(reverse("quizzes:login"), {"phone": person.phone, "password": PASSWORD})
    assert locked.status_code == 429 and "quá nhiều lần" in locked.content.decode()


def test_take_page_never_reveals_correct_answers(client, round_, signed_in):
    attempt = start(client, round_)
    html = client.get(reverse("quizzes:take", args=[attempt.key])).content.decode()
    assert "is_correct" not in html and "đáp án đúng" not in html.lower()
    # The correct option is one of several options, each with only an id and a text.
    choices = Choice.objects.filter(question_id__in=attempt.question_ids)
    assert all(f'value="{c.pk}"' in html for c in choices)


def test_the_test_page_is_never_kept_by_the_browser_and_has_no_chat_button(client, round_, signed_in):
    attempt = start(client, round_)
    response = client.get(reverse("quizzes:take", args=[attempt.key]))
    assert "no-store" in response["Cache-Control"]  # Back after submitting must not show a live test
    assert 'id="chat-launcher"' not in response.content.decode()  # it covered the answers on a phone
    assert 'id="chat-launcher"' in client.get("/luyen-tap/").content.decode()  # other pages keep it


def test_autosave_reload_and_submit(client, round_, signed_in):
    attempt = start(client, round_)
    qid = attempt.question_ids[0]
    chosen = attempt.choice_order[str(qid)][1]
    url = reverse("quizzes:autosave", args=[attempt.key])
    assert client.post(url, {"question": qid, f"q{qid}": chosen}, HTTP_HX_REQUEST="true").status_code == 200
    page = client.get(reverse("quizzes:take", args=[attempt.key])).content.decode()
    assert f'value="{chosen}" checked' in page  # a reload shows the saved answer
    assert client.post(url, {"prediction": "1.200"}).status_code == 200
    # Questions left blank: asked once before the irreversible submission, nothing submitted yet.
    total = len(attempt.question_ids)
    asked = client.post(reverse("quizzes:submit", args=[attempt.key]), {})
    assert asked.status_code == 200
    html = asked.content.decode()
    assert f"Còn {total - 1}/{total} câu chưa trả lời." in html and "Vẫn nộp bài" in html
    assert "câu dự đoán" not in html  # the prediction was saved
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.ACTIVE
    response = client.post(reverse("quizzes:submit", args=[attempt.key]), {"confirm": "1"})
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.SUBMITTED and attempt.prediction == 1200
    assert "Bạn đã nộp bài" in client.get(response["Location"]).content.decode()


def test_submit_form_answers_are_kept_when_confirmation_is_asked(client, round_, signed_in):
    attempt = start(client, round_)
    first, second = attempt.question_ids[:2]
    picks = {first: attempt.choice_order[str(first)][0], second: attempt.choice_order[str(second)][2]}
    asked = client.post(reverse("quizzes:submit", args=[attempt.key]), {f"q{q}": c for q, c in picks.items()})
    assert asked.status_code == 200 and "Quay lại làm tiếp" in asked.content.decode()
    assert dict(AttemptAnswer.objects.filter(attempt=attempt).values_list("question_id", "choice_ids")) == {
        q: [c] for q, c in picks.items()}
    page = client.get(reverse("quizzes:take", args=[attempt.key])).content.decode()
    assert f'Đã trả lời <strong class="quiz-answered">2</strong>/{len(attempt.question_ids)} câu' in page


def test_tampered_question_or_choice_is_refused_and_nothing_recorded(client, round_, signed_in, bank):
    attempt = start(client, round_)
    url = reverse("quizzes:autosave", args=[attempt.key])
    foreign = bank[6]  # not in this attempt
    bad = client.post(url, {"question": foreign.pk, f"q{foreign.pk}": foreign.choices.first().pk})
    assert bad.status_code == 409 and "không thuộc bài thi" in bad.content.decode()
    qid = attempt.question_ids[0]
    wrong_choice = foreign.choices.first().pk
    assert client.post(url, {"question": qid, f"q{qid}": wrong_choice}).status_code == 409
    assert client.post(url, {"question": "abc"}).status_code == 409
    assert not AttemptAnswer.objects.filter(attempt=attempt).exists()
    submit = client.post(reverse("quizzes:submit", args=[attempt.key]), {f"q{foreign.pk}": wrong_choice})
    assert submit.status_code == 302 and submit["Location"].endswith(f"/bai-thi/{attempt.key}/")
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.ACTIVE


def test_answer_after_deadline_is_refused_and_attempt_auto_submitted(client, round_, signed_in, frozen):
    attempt = start(client, round_)
    qid = attempt.question_ids[0]
    frozen.shift(datetime.timedelta(minutes=11))
    response = client.post(reverse("quizzes:autosave", args=[attempt.key]),
                           {"question": qid, f"q{qid}": attempt.choice_order[str(qid)][0]})
    assert response.status_code == 409 and "hết giờ" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.auto_submitted and not AttemptAnswer.objects.filter(attempt=attempt).exists()


def test_second_attempt_beyond_the_limit(client, round_, signed_in):
    attempt = start(client, round_)
    client.post(reverse("quizzes:submit", args=[attempt.key]), {"confirm": "1"})
    response = client.post(reverse("quizzes:start", args=[round_.contest.slug, round_.number]))
    assert response.status_code == 409 and "hết số lần dự thi" in response.content.decode()
    assert Attempt.objects.count() == 1


def test_someone_elses_attempt_is_not_found(client, round_, signed_in):
    other = services.start_attempt(make_contestant("Người Khác"), round_, now=NOW)
    assert client.get(reverse("quizzes:take", args=[other.key])).status_code == 404
    assert client.post(reverse("quizzes:submit", args=[other.key])).status_code == 404


def test_staff_editing_a_phone_keep_one_spelling(db):
    from django.core.exceptions import ValidationError

    person = make_contestant()
    person.phone = "098７６５４３２１"
    person.full_clean()
    assert person.phone == "0987654321"
    person.phone = "09٨7654321"
    with pytest.raises(ValidationError) as error:
        person.full_clean()
    assert "Số điện thoại không hợp lệ" in str(error.value)
    services.erase_contestant(phone=make_contestant(phone="0912999999").phone)
    Contestant.objects.get(full_name="Đã xóa").full_clean()  # the erased placeholder stays as it is


def test_an_english_browser_still_gets_vietnamese_messages_naming_the_field(client, contest, frozen):
    response = client.post(reverse("quizzes:register") + f"?cuoc-thi={contest.slug}", {"full_name": "Trần Văn Bình"},
                           HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    html = response.content.decode()
    assert "This field is required" not in html
    assert "Mật khẩu: Vui lòng nhập mục “Mật khẩu”." in html
    assert "Bạn cần đồng ý để đăng ký dự thi." in html
