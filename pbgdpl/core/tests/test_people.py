"""Names read in Vietnamese order on every screen: family name first, as the admin's "Họ"/"Tên" fields say."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.template import Context, Template

from pbgdpl.core.people import full_name, split_full_name


def _user(**names):
    return get_user_model()(username="can.bo", **names)


def test_family_name_comes_first_and_the_username_stands_in_for_no_name():
    assert full_name(_user(first_name="An", last_name="Nguyễn Văn")) == "Nguyễn Văn An"
    assert full_name(_user(first_name="An")) == "An"
    assert full_name(_user()) == "can.bo"
    assert full_name(None) == ""


def test_a_whole_name_splits_into_the_admin_fields():
    assert split_full_name("  Nguyễn   Văn An ") == ("An", "Nguyễn Văn")
    assert split_full_name("Thu") == ("Thu", "")
    assert split_full_name("") == ("", "")
    first, last = split_full_name("Trần Thị Lan")
    assert full_name(_user(first_name=first, last_name=last)) == "Trần Thị Lan"


def test_templates_name_people_the_same_way():
    rendered = Template("{% load portal_tags %}{{ who|person_name }}").render(
        Context({"who": _user(first_name="Lan", last_name="Trần Thị")}))
    assert rendered == "Trần Thị Lan"
