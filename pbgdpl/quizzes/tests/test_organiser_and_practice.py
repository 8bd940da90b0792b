"""Organiser admin views (counters, flags, close, publish, disqualify), public results, certificate, practice."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from pbgdpl.quizzes import services
from pbgdpl.quizzes.models import Attempt, Pool

from .factories import NOW, PracticeQuizFactory, QuestionFactory, answer_all, make_contestant


@pytest.fixture
def organiser(client, db):
    user = get_user_model().objects.create_superuser("bantochuc", "btc@example.vn", "mat-khau-rat-kho")
    client.force_login(user)
    return user


def finished(round_, name, *, right, seconds, citizen_id=""):
    contestant = make_contestant(name, citizen_id=citizen_id)
    attempt = services.start_attempt(contestant, round_, now=NOW)
    answer_all(attempt, right=right)
    return services.submit_attempt(attempt.pk, now=NOW + datetime.timedelta(seconds=seconds), prediction=1)


def test_flags_close_publish_and_public_results(client, organiser, round_):
    fast = finished(round_, "Nguyễn Văn Nhanh", right=5, seconds=4, citizen_id="001090012345")
    finished(round_, "Nguyễn Văn Nhân", right=5, seconds=200, citizen_id="001090012345")
    finished(round_, "Lê Thị Chậm", right=2, seconds=300)
    page = client.get(reverse("quizzes_admin:round", args=[round_.pk])).content.decode()
    assert "Đã nộp: 3" in page
    assert page.count("CCCD …2345") == 2 and f"#{fast.pk}" in page and "001090012345" not in page
    assert client.post(reverse("quizzes_admin:round", args=[round_.pk]), {"action": "publish"}).status_code == 302
    round_.refresh_from_db()
    assert not round_.results_published  # must close first
    client.post(reverse("quizzes_admin:round", args=[round_.pk]), {"action": "close"})
    client.post(reverse("quizzes_admin:round", args=[round_.pk]), {"action": "publish"})
    public = client.get(reverse("quizzes:round_results", args=[round_.contest.slug, 1])).content.decode()
    assert "Nguyễn Văn N***" in public and "Nguyễn Văn Nhanh" not in public and "<svg" in public
    assert "<td>2</td><td>1</td>" in public  # one person answered 2 correctly, in the table beside the chart
    export = client.get(reverse("quizzes_admin:round_export", args=[round_.pk]))
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")


def test_disqualification_needs_a_reason(client, organiser, round_):
    attempt = finished(round_, "Trịnh Văn Gian", right=5, seconds=100)
    url = reverse("quizzes_admin:round", args=[round_.pk])
    client.post(url, {"action": "disqualify", "attempt": attempt.pk, "reason": ""})
    assert not Attempt.objects.get(pk=attempt.pk).disqualified
    client.post(url, {"action": "disqualify", "attempt": attempt.pk, "reason": "Thông tin không khớp CCCD"})
    assert Attempt.objects.get(pk=attempt.pk).disqualified_reason == "Thông tin không khớp CCCD"


def test_staff_without_permission_cannot_open_the_organiser_views(client, round_):
    """A staff member with admin access but no contest permission sees neither counters nor exports."""
    from django.contrib.auth.models import Permission

    user = get_user_model().objects.create_user("bientapvien", "btv@example.vn", "mat-khau-rat-kho", is_staff=True)
    user.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    client.force_login(user)
    for url in (reverse("quizzes_admin:round", args=[round_.pk]), reverse("quizzes_admin:round_export", args=[round_.pk]),
                reverse("quizzes_admin:copy_question", args=[round_.fixed_questions.first().pk])):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home"), url
        assert "Đã nộp" not in client.get(response["Location"]).content.decode()


def test_winner_downloads_a_certificate(client, round_, frozen):
    winner = finished(round_, "Hồ Thị Xuân", right=5, seconds=60)
    services.close_round(round_, now=round_.closes_at)
    round_.results_published = True
    round_.save()
    client.post(reverse("quizzes:login"), {"phone": winner.contestant.phone, "password": "mat-khau-rat-kho"})
    response = client.get(reverse("quizzes:certificate", args=[winner.key]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_practice_gives_immediate_feedback_with_the_provision(client, practice_quiz, practice_bank):
    quiz = practice_quiz
    question = practice_bank[0]
    page = client.get(quiz.get_absolute_url()).content.decode()
    assert question.text in page and "Vì luật quy định" not in page
    right = question.choices.get(is_correct=True)
    url = reverse("practice:check", args=[quiz.slug, question.pk])
    fragment = client.post(url, {f"q{question.pk}": right.pk}, HTTP_HX_REQUEST="true").content.decode()
    assert "Chính xác" in fragment and "Vì luật quy định" in fragment and "Điều 8 Luật Hôn nhân" in fragment
    wrong = question.choices.filter(is_correct=False).first()
    full = client.post(url, {f"q{question.pk}": wrong.pk}).content.decode()
    assert "Chưa đúng" in full and "<html" in full
    assert "Bạn chưa chọn" in client.post(url, {}, HTTP_HX_REQUEST="true").content.decode()
    # The right answer is written once, without a stray separator after it.
    assert f"Đáp án đúng: {right.text}</p>" in fragment
    # The page counts the checked questions to a final score, and leads back to the other quizzes.
    assert 'id="ket-qua-luyen-tap" data-total="2"' in page and 'data-correct="1"' in fragment
    assert 'href="/luyen-tap/"' in page


def test_practice_feedback_lists_several_right_answers_with_one_separator_between(client, practice_bank):
    question = QuestionFactory(text="Câu nhiều đáp án", pool=Pool.PRACTICE, kind="multiple", choices__correct=(0, 2))
    quiz = PracticeQuizFactory(title="Nhiều đáp án", slug="nhieu-dap-an", questions=[question])
    fragment = client.post(reverse("practice:check", args=[quiz.slug, question.pk]),
                           {f"q{question.pk}": question.choices.get(position=1).pk},
                           HTTP_HX_REQUEST="true").content.decode()
    assert "Đáp án đúng: Phương án 0; Phương án 2</p>" in fragment


def test_contest_and_practice_pages_have_breadcrumbs_and_link_each_other(client, round_, practice_quiz):
    contests = client.get(reverse("quizzes:list")).content.decode()
    assert '<span aria-current="page">Cuộc thi</span>' in contests and 'href="/luyen-tap/"' in contests
    practice = client.get(reverse("practice:list")).content.decode()
    assert '<a href="/">Trang chủ</a>' in practice and '<span aria-current="page">Luyện tập</span>' in practice
    detail = client.get(round_.contest.get_absolute_url()).content.decode()
    assert 'href="/luyen-tap/"' in detail
    # Each round: its name as a large link, its status in words, nothing in a column that scrolls away.
    assert 'class="quiz-round-link"' in detail and "<table" not in detail.split("Các đợt thi")[1].split("</ul>")[0]


def test_practice_index_lists_only_published_quizzes(client, practice_bank):
    shown = PracticeQuizFactory(title="Luyện tập Luật Hôn nhân", slug="luyen-tap-hon-nhan", questions=practice_bank[:2])
    PracticeQuizFactory(title="Bài đang soạn", slug="bai-dang-soan", is_published=False)
    page = client.get(reverse("practice:list")).content.decode()
    assert shown.get_absolute_url() in page and "2 câu hỏi" in page
    assert "Bài đang soạn" not in page
