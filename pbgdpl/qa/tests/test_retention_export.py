"""Personal-data rights: retention command, export command and the staff export action."""

from __future__ import annotations

import datetime
import json
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.utils import timezone

from pbgdpl.qa import services
from pbgdpl.qa.models import Question, Status

from .factories import submit


def test_retention_erases_personal_data_of_old_finished_questions_only(db, settings):
    settings.QA_RETENTION_DAYS = 365
    start = timezone.now()
    with time_machine.travel(start - datetime.timedelta(days=400), tick=False):
        old_closed, _ = submit()
        services.withdraw(old_closed)
        old_open, _ = submit(email="dangcho@example.vn")
    recent_closed, _ = submit(email="moi@example.vn")
    services.withdraw(recent_closed)
    out = StringIO()
    call_command("qa_retention", stdout=out)
    assert "1 câu hỏi" in out.getvalue()
    old_closed.refresh_from_db()
    assert old_closed.email == old_closed.name == old_closed.phone == ""
    assert old_closed.text and old_closed.status == Status.WITHDRAWN  # the anonymous question stays
    assert Question.objects.get(pk=old_open.pk).email == "dangcho@example.vn"  # still being handled
    assert Question.objects.get(pk=recent_closed.pk).email == "moi@example.vn"  # not old enough
    assert old_closed.notifications.count() == 0  # the emails held the address too
    call_command("qa_retention", stdout=StringIO())  # idempotent
    assert Question.objects.filter(personal_data_erased_at__isnull=False).count() == 1


def test_export_command_returns_all_questions_of_one_person(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first, _ = submit()
    submit(phone="+84 988 777 666", email="")  # same phone written differently
    submit(name="Người Khác", phone="0911000111", email="khac@example.vn")
    out = StringIO()
    call_command("qa_export_person", "--phone", "0988777666", stdout=out)
    data = json.loads(out.getvalue())
    assert len(data["questions"]) == 2
    assert {q["tracking_code"] for q in data["questions"]} >= {first.tracking_code}
    assert all(q["name"] == "Trần Văn Riêng Tư" for q in data["questions"])
    assert data["questions"][0]["consent_version"]
    exported_first = next(q for q in data["questions"] if q["tracking_code"] == first.tracking_code)
    assert exported_first["emails"][0]["to"] == "riengtu@example.vn" and exported_first["emails"][0]["sent_at"]
    with pytest.raises(CommandError):
        call_command("qa_export_person", stdout=StringIO())


def test_staff_export_needs_the_permission(client, roles):
    question, _ = submit()
    client.force_login(roles["editor"])
    refused = client.get(f"/quan-tri/hoi-dap/{question.pk}/xuat-du-lieu/")
    # Wagtail turns PermissionDenied into a redirect to the dashboard with a message.
    assert refused.status_code in (302, 403) and "riengtu@example.vn" not in refused.content.decode()
    client.force_login(roles["board"])
    response = client.get(f"/quan-tri/hoi-dap/{question.pk}/xuat-du-lieu/")
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    assert json.loads(response.content)["questions"][0]["email"] == "riengtu@example.vn"
