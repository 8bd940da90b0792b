"""Entry, submission, review and history of a return through the admin screens."""

import datetime

import time_machine
from django.urls import reverse

from pbgdpl.reporting.aggregation import unit_totals
from pbgdpl.reporting.models import Return, ReturnEvent, ReturnStatus

from .conftest import GOOD, form_data


def _url(period, unit):
    return reverse("reporting_admin:return", args=[period.pk, unit.pk])


def test_bad_figures_save_nothing_and_keep_what_was_typed(client, officers, province, period):
    client.force_login(officers["a"])
    url = _url(period, province["a"])
    client.post(url, form_data({"PB01": "4"}, "save"))
    response = client.post(url, form_data({**GOOD, "HG04": "99", "PB02": "abc"}, "submit"))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Có 2 ô cần sửa" in page
    assert "Không được lớn hơn chỉ tiêu HG03" in page
    assert 'value="abc"' in page and 'value="300"' in page  # nothing typed is lost
    ret = Return.objects.get(unit=province["a"], period=period)
    assert ret.status == ReturnStatus.DRAFT
    assert {v.indicator.code: int(v.value) for v in ret.values.select_related("indicator")} == {"PB01": 4}


def test_submit_return_with_comment_resubmit_accept(client, officers, province, period):
    url = _url(period, province["a"])
    client.force_login(officers["a"])
    assert client.post(url, form_data(GOOD, "submit")).status_code == 302
    ret = Return.objects.get(unit=province["a"], period=period)
    assert ret.status == ReturnStatus.SUBMITTED and not ret.submitted_late
    # Submitted: the officer can no longer change it.
    client.post(url, form_data({**GOOD, "PB01": "99"}, "save"))
    assert unit_totals(period, province["a"])["PB01"] is None  # not accepted yet: no totals

    client.force_login(officers["province"])
    response = client.post(url, {"action": "send_back", "comment": ""}, follow=True)
    assert "hãy ghi rõ lý do" in response.content.decode()
    client.post(url, {"action": "send_back", "comment": "Số lượt người tham dự chưa khớp sổ theo dõi."})
    ret.refresh_from_db()
    assert ret.status == ReturnStatus.RETURNED

    client.force_login(officers["a"])
    page = client.get(url).content.decode()
    assert "Số lượt người tham dự chưa khớp sổ theo dõi." in page
    client.post(url, form_data({**GOOD, "PB02": "1300"}, "submit"))
    client.force_login(officers["province"])
    client.post(url, {"action": "accept"})
    ret.refresh_from_db()
    assert ret.status == ReturnStatus.ACCEPTED
    assert unit_totals(period, province["province"])["PB02"] == 1300
    actions = list(ret.events.order_by("at", "id").values_list("action", flat=True))
    assert actions == ["submitted", "returned", "submitted", "accepted"]
    resubmitted = ret.events.filter(action=ReturnEvent.Action.SUBMITTED).order_by("-id").first()
    assert resubmitted.changes == {"PB02": ["1250.00", "1300.00"]}


def test_late_submission_is_accepted_but_marked_and_listed(client, officers, province, period):
    with time_machine.travel(datetime.datetime(2030, 7, 15, 9, tzinfo=datetime.UTC)):
        client.force_login(officers["province"])
        listing = client.get(reverse("reporting_admin:review_list", args=[period.pk]) + "?status=late")
        page = listing.content.decode()
        assert "Xã An Bình" in page and "Phường Đông Hòa" in page
        client.force_login(officers["a"])
        response = client.post(_url(period, province["a"]), form_data(GOOD, "submit"), follow=True)
        assert "sau hạn 10/07/2030" in response.content.decode()
        assert Return.objects.get(unit=province["a"], period=period).submitted_late
        client.force_login(officers["province"])
        page = client.get(reverse("reporting_admin:review_list", args=[period.pk]) + "?status=late").content.decode()
        assert "Phường Đông Hòa" in page and "Xã An Bình" not in page


def test_autosave_keeps_a_valid_draft_and_refuses_a_bad_one(client, officers, province, period):
    client.force_login(officers["a"])
    url = _url(period, province["a"])
    assert client.post(url, form_data({"PB01": "8"}, "autosave")).json()["saved"] is True
    bad = client.post(url, form_data({"PB01": "tám"}, "autosave")).json()
    assert bad["saved"] is False and "PB01" in bad["errors"]
    ret = Return.objects.get(unit=province["a"], period=period)
    assert [int(v) for v in ret.values.values_list("value", flat=True)] == [8]
