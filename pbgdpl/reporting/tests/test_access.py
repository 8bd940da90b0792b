"""A unit's officer sees and changes only their own unit's returns (IDOR), and the attempt is logged."""

import logging

import pytest
from django.urls import reverse

from pbgdpl.reporting.models import Return

from .conftest import GOOD, form_data, refused


def test_officer_cannot_open_or_change_another_units_return(client, officers, province, period, caplog):
    client.force_login(officers["b"])
    client.post(reverse("reporting_admin:return", args=[period.pk, province["b"].pk]), form_data(GOOD, "submit"))
    client.force_login(officers["a"])
    other = reverse("reporting_admin:return", args=[period.pk, province["b"].pk])
    with caplog.at_level(logging.WARNING, logger="pbgdpl.reporting.access"):
        assert refused(client.get(other))
        assert refused(client.post(other, form_data({**GOOD, "PB01": "1"}, "save")))
        assert refused(client.post(other, {"action": "accept"}))
        assert refused(client.get(reverse("reporting_admin:template", args=[period.pk, province["b"].pk])))
    assert f"user {officers['a'].pk} refused unit {province['b'].pk}" in caplog.text
    ret = Return.objects.get(unit=province["b"], period=period)
    assert ret.status == "submitted"
    assert ret.values.get(indicator__code="PB01").value == 12


def test_officer_cannot_review_own_return(client, officers, province, period):
    url = reverse("reporting_admin:return", args=[period.pk, province["a"].pk])
    client.force_login(officers["a"])
    client.post(url, form_data(GOOD, "submit"))
    assert refused(client.post(url, {"action": "accept"}))
    assert Return.objects.get(unit=province["a"], period=period).status == "submitted"


def test_reviewer_sees_units_below_only(client, officers, province, period):
    client.force_login(officers["a"])
    page = client.get(reverse("reporting_admin:review_list", args=[period.pk])).content.decode()
    assert "Phường Đông Hòa" not in page
    client.force_login(officers["province"])
    page = client.get(reverse("reporting_admin:review_list", args=[period.pk])).content.decode()
    assert "Phường Đông Hòa" in page and "Sở Giáo dục và Đào tạo" in page


@pytest.mark.parametrize("username", ["a", "province"])
def test_dashboard_shows_only_the_users_subtree(client, officers, province, period, username):
    client.force_login(officers[username])
    response = client.get(reverse("reporting_admin:dashboard", args=[period.pk]))
    assert response.status_code == 200
    assert (province["province"].name in response.content.decode()) == (username == "province")


def test_staff_without_a_unit_is_refused(client, officers, django_user_model, period):
    user = django_user_model.objects.create_user("khong_don_vi", "x@example.com", "matkhau-dai-123")
    user.groups.set(officers["a"].groups.all())
    client.force_login(user)
    assert refused(client.get(reverse("reporting_admin:return", args=[period.pk, 1])))


def test_a_unit_that_does_not_file_the_form_has_no_return(client, officers, province, period):
    client.force_login(officers["province"])  # the province reviews; communes and departments file
    response = client.get(reverse("reporting_admin:return", args=[period.pk, province["province"].pk]))
    assert response.status_code == 404
    assert not Return.objects.filter(unit=province["province"]).exists()


def test_reviewing_never_creates_a_return(client, officers, province, period):
    """The department opening a unit that has entered nothing, its template, or pressing accept on it:
    no draft appears (the unit would otherwise look as if it had started)."""
    client.force_login(officers["province"])
    url = reverse("reporting_admin:return", args=[period.pk, province["a"].pk])
    page = client.get(url)
    assert page.status_code == 200 and "Đang nhập" in page.content.decode()
    assert client.get(reverse("reporting_admin:template", args=[period.pk, province["a"].pk])).status_code == 200
    answer = client.post(url, {"action": "accept"}, follow=True)
    assert "Chỉ duyệt được báo cáo đang chờ duyệt." in answer.content.decode()
    assert not Return.objects.filter(unit=province["a"]).exists()
