"""One person's data exported and erased across apps with one command."""

from __future__ import annotations

import datetime
import io
import json

from django.core.management import call_command

from pbgdpl.qa.models import Question
from pbgdpl.quizzes import services as quiz_services
from pbgdpl.quizzes.models import Contestant


def test_export_then_delete_across_qa_and_contests(db):
    from pbgdpl.qa.tests.factories import submit

    question, _token = submit(email="nguoidan@example.vn", phone="0912345678", name="Nguyễn Thị Dân")
    submit(email="khac@example.vn", phone="0987654321", name="Người Khác")
    quiz_services.register_contestant(phone="0912345678", password="mat-khau-rat-kho", full_name="Nguyễn Thị Dân",
                                      birth_date=datetime.date(1990, 1, 1), unit=None, citizen_id="001090012345")
    out = io.StringIO()
    call_command("personal_data", "export", "--email", "nguoidan@example.vn", "--phone", "0912345678", stdout=out)
    data = json.loads(out.getvalue())
    assert "Nguyễn Thị Dân" in json.dumps(data["qa"], ensure_ascii=False)
    assert data["quizzes"]["full_name"] == "Nguyễn Thị Dân"
    assert data["quizzes"]["citizen_id_last4"] == "2345"
    assert "001090012345" not in out.getvalue()  # the full citizen ID is not stored at all
    assert "Người Khác" not in out.getvalue()

    call_command("personal_data", "delete", "--email", "nguoidan@example.vn", "--phone", "0912345678", "--noinput",
                 stdout=io.StringIO())
    question.refresh_from_db()
    assert "Nguyễn Thị Dân" not in (question.name, question.email) and question.email != "nguoidan@example.vn"
    contestant = Contestant.objects.get()
    assert contestant.full_name == "Đã xóa" and contestant.citizen_id_hash == ""
    assert Question.objects.filter(email="khac@example.vn").exists()  # nobody else touched
