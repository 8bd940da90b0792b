"""Personal data of contestants: export on request, erase keeps anonymous results; round settings validated."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from pbgdpl.core import personal_data
from pbgdpl.quizzes import services
from pbgdpl.quizzes.models import Attempt, Contestant

from .factories import NOW, make_contestant


def test_export_then_erase(round_):
    person = make_contestant("Võ Thị Riêng Tư", citizen_id="079190001234")
    attempt = services.start_attempt(person, round_, now=NOW)
    services.submit_attempt(attempt.pk, now=NOW + datetime.timedelta(minutes=1))
    data = services.export_contestant(phone="0" + person.phone[1:4] + " " + person.phone[4:])
    assert data["full_name"] == "Võ Thị Riêng Tư" and data["citizen_id_last4"] == "1234" and len(data["attempts"]) == 1
    assert services.erase_contestant(phone=person.phone) == 1
    person.refresh_from_db()
    assert person.full_name == "Đã xóa" and not person.citizen_id_hash and person.birth_date is None
    assert services.authenticate(data["phone"], "mat-khau-rat-kho") is None
    assert Attempt.objects.filter(contestant=person).exists() and Contestant.objects.count() == 1
    assert services.export_contestant(phone=data["phone"]) == {}
    assert services.erase_contestant(phone=data["phone"]) == 0


def test_the_personal_data_registry_reaches_contestants(round_):
    """``manage.py personal_data`` finds contestants through the provider registered in ready()."""
    person = make_contestant("Đặng Văn Đăng Ký")
    assert personal_data.export_person(phone=person.phone)["quizzes"]["full_name"] == "Đặng Văn Đăng Ký"
    assert personal_data.delete_person(phone=person.phone)["quizzes"] == 1
    assert personal_data.export_person(email="ai-do@example.vn")["quizzes"] == {}


def test_round_settings_are_checked(round_):
    round_.closes_at = round_.opens_at
    round_.drawing = "random"
    round_.easy_count, round_.medium_count, round_.hard_count, round_.question_count = 5, 5, 5, 20
    with pytest.raises(ValidationError) as error:
        round_.full_clean()
    assert {"closes_at", "question_count"} <= set(error.value.message_dict)
