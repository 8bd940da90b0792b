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
    assert refused.status_code == 302 and refused["Location"] == "/quan-tri/"
    assert "riengtu@example.vn" not in client.get(refused["Location"]).content.decode()
    client.force_login(roles["board"])
    response = client.get(f"/quan-tri/hoi-dap/{question.pk}/xuat-du-lieu/")
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    assert json.loads(response.content)["questions"][0]["email"] == "riengtu@example.vn"


def test_erase_person_anonymises_every_question_of_that_person_only(db):
    first, _ = submit(email="xoa@example.vn", phone="0911222333")
    second, _ = submit(email="", phone="0911 222 333")
    other, _ = submit(email="khac@example.vn", phone="0988000111")
    assert services.erase_person(email="XOA@example.vn", phone="0911222333") == 2
    for question in (first, second):
        question.refresh_from_db()
        assert (question.name, question.phone, question.email) == ("", "", "")
        assert question.status == Status.WITHDRAWN
    other.refresh_from_db()
    assert other.email == "khac@example.vn" and other.personal_data_erased_at is None
    assert services.erase_person(email="xoa@example.vn") == 0


def test_erase_person_with_an_unreadable_phone_erases_nobody(db):
    """Not "every question stored without a phone": the phone must be a real number to match."""
    email_only, _ = submit(phone="", email="chi-email@example.vn")
    for typed in ("abc", "09١٢000001", "²"):
        assert services.erase_person(phone=typed) == 0
    email_only.refresh_from_db()
    assert email_only.email == "chi-email@example.vn"


def test_qa_registers_its_personal_data_provider_and_retention_job(db):
    from pbgdpl.core import periodic, personal_data

    question, _ = submit(email="dangky@example.vn")
    provider = next(p for p in personal_data.providers() if p.name == "qa")
    exported = provider.export("dangky@example.vn", "")
    assert [q["tracking_code"] for q in exported["questions"]] == [question.tracking_code]
    assert provider.delete("dangky@example.vn", "") == 1
    assert not Question.objects.filter(email="dangky@example.vn").exists()
    jobs = {job.name: job for job in periodic.periodic_jobs()}
    assert jobs["qa-retention"].every == 24 * 3600
    assert jobs["legal-refresh-validity"].every == 24 * 3600
