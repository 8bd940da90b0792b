"""Personal data of contestants: export on request, erase keeps anonymous results; round settings validated."""

from __future__ import annotations

import datetime
import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from pbgdpl.quizzes import services
from pbgdpl.quizzes.models import Attempt, Contestant

from .conftest import NOW, make_contestant


def test_export_then_erase(round_):
    person = make_contestant("Võ Thị Riêng Tư", citizen_id="079190001234")
    attempt = services.start_attempt(person, round_, now=NOW)
    services.submit_attempt(attempt.pk, now=NOW + datetime.timedelta(minutes=1))
    out = io.StringIO()
    call_command("quiz_personal_data", person.phone, "--export", stdout=out)
    data = json.loads(out.getvalue())
    assert data["full_name"] == "Võ Thị Riêng Tư" and data["citizen_id_last4"] == "1234" and len(data["attempts"]) == 1
    call_command("quiz_personal_data", person.phone, "--erase", stdout=io.StringIO())
    person.refresh_from_db()
    assert person.full_name == "Đã xóa" and not person.citizen_id_hash and person.birth_date is None
    assert services.authenticate(data["phone"], "mat-khau-rat-kho") is None
    assert Attempt.objects.filter(contestant=person).exists() and Contestant.objects.count() == 1
    with pytest.raises(CommandError):
        call_command("quiz_personal_data", data["phone"], "--export")


def test_round_settings_are_checked(round_):
    round_.closes_at = round_.opens_at
    round_.drawing = "random"
    round_.easy_count, round_.medium_count, round_.hard_count, round_.question_count = 5, 5, 5, 20
    with pytest.raises(ValidationError) as error:
        round_.full_clean()
    assert {"closes_at", "question_count"} <= set(error.value.message_dict)
