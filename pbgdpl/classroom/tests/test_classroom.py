"""A class from start to purge: join with code and nickname, answer, ranking, nothing kept."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from ..models import ClassSession, Pupil, PupilAnswer, State
from ..services import purge

pytestmark = pytest.mark.django_db


def _start(client, teacher, quiz) -> ClassSession:
    client.force_login(teacher)
    response = client.post("/lop-hoc/giao-vien/", {"quiz": quiz.pk})
    session = ClassSession.objects.get()
    assert response.url == f"/lop-hoc/giao-vien/{session.pk}/"
    return session


def _join(code: str, nickname: str) -> Client:
    pupil = Client()
    response = pupil.post("/lop-hoc/", {"code": code, "nickname": nickname})
    assert response.status_code == 302, response.content.decode()[-2000:]
    return pupil


def _right_choice(session: ClassSession) -> int:
    from pbgdpl.quizzes.models import Choice

    return Choice.objects.get(question_id=session.question_ids[session.current], is_correct=True).pk


def test_a_class_runs_and_the_ranking_shows_every_pupil(client, teacher, quiz):
    session = _start(client, teacher, quiz)
    assert len(session.code) == 6 and session.code.isdigit()
    an, binh = _join(session.code, "Mèo con"), _join(session.code, "Cá heo")
    assert "Chờ giáo viên bắt đầu" in an.get(f"/lop-hoc/{session.code}/").content.decode()
    for _question in range(3):
        client.post(f"/lop-hoc/giao-vien/{session.pk}/tiep/")
        session.refresh_from_db()
        page = an.get(f"/lop-hoc/{session.code}/").content.decode()
        assert f"Câu {session.current + 1}" in page and "is_correct" not in page
        an.post(f"/lop-hoc/{session.code}/tra-loi/", {"cau": session.current, "chon": _right_choice(session)})
        binh.post(f"/lop-hoc/{session.code}/tra-loi/", {"cau": session.current, "chon": _right_choice(session) + 1})
    teacher_live = client.get(f"/lop-hoc/giao-vien/{session.pk}/phan/").content.decode()
    assert "2/2 đã trả lời" in teacher_live
    client.post(f"/lop-hoc/giao-vien/{session.pk}/tiep/")  # after the last question: the end
    session.refresh_from_db()
    assert session.state == State.FINISHED
    final = an.get(f"/lop-hoc/{session.code}/").content.decode()
    assert final.index("Mèo con") < final.index("Cá heo")
    assert "3 điểm" in final and "0 điểm" in final
    assert "Không có lớp nào đang mở" in Client().post("/lop-hoc/", {"code": session.code, "nickname": "Muộn"}).content.decode()


def test_answers_are_once_per_question_and_only_for_the_current_one(client, teacher, quiz):
    session = _start(client, teacher, quiz)
    pupil = _join(session.code, "Sóc nâu")
    early = pupil.post(f"/lop-hoc/{session.code}/tra-loi/", {"cau": 0, "chon": 1})
    assert early.status_code == 400 and "đã đóng" in early.content.decode()
    client.post(f"/lop-hoc/giao-vien/{session.pk}/tiep/")
    session.refresh_from_db()
    pupil.post(f"/lop-hoc/{session.code}/tra-loi/", {"cau": 0, "chon": _right_choice(session)})
    again = pupil.post(f"/lop-hoc/{session.code}/tra-loi/", {"cau": 0, "chon": _right_choice(session)})
    assert "đã trả lời câu này rồi" in again.content.decode()
    assert Pupil.objects.get().score == 1


def test_join_errors_keep_the_input_and_say_why(client, teacher, quiz, settings):
    session = _start(client, teacher, quiz)
    _join(session.code, "Thỏ trắng")
    taken = Client().post("/lop-hoc/", {"code": session.code, "nickname": "Thỏ  trắng"}).content.decode()
    assert "đã có người dùng" in taken and 'value="Thỏ  trắng"' in taken
    assert "đúng 6 chữ số" in Client().post("/lop-hoc/", {"code": "12ab", "nickname": "A"}).content.decode()
    ClassSession.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    assert "Không có lớp nào đang mở" in Client().post(
        "/lop-hoc/", {"code": session.code, "nickname": "B"}).content.decode()


def test_joins_are_rate_limited_per_client(client, teacher, quiz):
    session = _start(client, teacher, quiz)
    stranger = Client()
    for n in range(20):
        stranger.post("/lop-hoc/", {"code": session.code, "nickname": f"Bạn {n}"})
    limited = stranger.post("/lop-hoc/", {"code": session.code, "nickname": "Bạn 99"}).content.decode()
    assert "quá nhiều lần" in limited
    assert not Pupil.objects.filter(nickname="Bạn 99").exists()


def test_nothing_about_pupils_is_kept_after_the_class(client, teacher, quiz):
    session = _start(client, teacher, quiz)
    _join(session.code, "Hổ con")
    client.post(f"/lop-hoc/giao-vien/{session.pk}/ket-thuc/")
    assert purge() == 0  # the final ranking stays on screen for a while
    assert purge(timezone.now() + datetime.timedelta(minutes=31)) > 0
    assert not ClassSession.objects.exists() and not Pupil.objects.exists() and not PupilAnswer.objects.exists()


def test_only_teachers_open_classes_and_only_their_own(client, teacher, quiz, django_user_model):
    assert client.get("/lop-hoc/giao-vien/").status_code == 302  # to the login page
    someone = django_user_model.objects.create_user("khach", "k@example.vn", "matkhau-thu")
    client.force_login(someone)
    assert client.get("/lop-hoc/giao-vien/").status_code in (302, 403)
    session = _start(Client(), teacher, quiz)
    other_teacher = django_user_model.objects.create_user("gv2", "gv2@example.vn", "matkhau-thu")
    other_teacher.groups.set(teacher.groups.all())
    client.force_login(other_teacher)
    assert client.get(f"/lop-hoc/giao-vien/{session.pk}/").status_code == 404
    assert client.post(f"/lop-hoc/giao-vien/{session.pk}/ket-thuc/").status_code == 404
