"""Names read in Vietnamese order on every screen, Wagtail's included: the admin's form asks for "Họ và
tên đệm" (first_name) then "Tên" (last_name), so Django's get_full_name() is already in that order."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.template import Context, Template
from django.utils import translation

from pbgdpl.core.people import full_name, given_name, split_full_name


def _user(**names):
    return get_user_model()(username="can.bo", **names)


def test_family_name_comes_first_and_the_username_stands_in_for_no_name():
    an = _user(first_name="Nguyễn Văn", last_name="An")
    assert full_name(an) == "Nguyễn Văn An" == an.get_full_name()  # what Wagtail's own screens show
    assert given_name(an) == "An"
    assert full_name(_user(last_name="An")) == "An" and given_name(_user(first_name="Nguyễn Văn")) == "Nguyễn Văn"
    assert full_name(_user()) == "can.bo"
    assert full_name(None) == "" and given_name(None) == ""


def test_a_whole_name_splits_into_the_admin_fields():
    assert split_full_name("  Nguyễn   Văn An ") == ("Nguyễn Văn", "An")
    assert split_full_name("Thu") == ("", "Thu")
    assert split_full_name("") == ("", "")
    first, last = split_full_name("Trần Thị Lan")
    assert full_name(_user(first_name=first, last_name=last)) == "Trần Thị Lan"


def test_the_admin_form_asks_for_the_family_name_first():
    from wagtail.users.forms import UserCreationForm

    with translation.override("vi"):
        form = UserCreationForm()
        labels = [str(form.fields[name].label) for name in ("first_name", "last_name")]
    assert labels == ["Họ và tên đệm", "Tên"]


def test_templates_name_people_the_same_way():
    rendered = Template("{% load portal_tags %}{{ who|person_name }}").render(
        Context({"who": _user(first_name="Trần Thị", last_name="Lan")}))
    assert rendered == "Trần Thị Lan"
