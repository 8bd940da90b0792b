"""Deadline reminders go once, only to units that have not submitted; the demo data loads twice safely."""

import datetime

from django.core import mail

from pbgdpl.reporting.demo import load_demo_reporting
from pbgdpl.reporting.models import Return, ReturnStatus, Unit
from pbgdpl.reporting.services.reminders import send_due_reminders


def test_reminders_before_and_after_the_deadline(officers, province, period):
    Return.objects.create(unit=province["b"], period=period, status=ReturnStatus.SUBMITTED)
    province["dept"].email = "sgd@don-vi.example"
    province["dept"].save()
    assert send_due_reminders(today=datetime.date(2030, 7, 1)) == 0  # too early
    assert send_due_reminders(today=datetime.date(2030, 7, 8)) == 2
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == ["canbo_a@don-vi.example", "sgd@don-vi.example"]  # commune B has submitted
    assert "cần nộp trước ngày 10/07/2030" in mail.outbox[0].body
    assert send_due_reminders(today=datetime.date(2030, 7, 9)) == 0  # never twice
    assert send_due_reminders(today=datetime.date(2030, 7, 11)) == 2
    assert "đã quá hạn" in mail.outbox[-1].subject


def test_demo_loader_builds_the_official_communes_and_two_periods_once(db):
    load_demo_reporting()
    communes = Unit.objects.filter(kind="commune").count()
    assert communes == 104  # Hưng Yên after 1 July 2025
    assert Unit.objects.get(code="T33").old_codes.get().name == "Tỉnh Thái Bình"
    accepted = Return.objects.filter(status=ReturnStatus.ACCEPTED)
    assert accepted.values("period").distinct().count() == 2
    assert accepted.values("unit").distinct().count() == 20
    before = Return.objects.count()
    load_demo_reporting()
    assert Return.objects.count() == before and Unit.objects.filter(kind="commune").count() == communes


def test_setup_step_builds_the_portal_provinces_communes(db):
    from wagtail.models import Page, Site

    from pbgdpl.core.models import PortalSettings
    from pbgdpl.reporting.services.units import ensure_official_units

    site = Site.objects.filter(is_default_site=True).first() or Site.objects.create(
        hostname="localhost", root_page=Page.get_first_root_node(), is_default_site=True)
    settings_row = PortalSettings.for_site(site)
    settings_row.province = "Tỉnh Hưng Yên"
    settings_row.save()
    assert ensure_official_units() == "105 đơn vị mới"
    assert ensure_official_units() == "đã đủ"
    assert Unit.objects.get(code="X11953").name == "Phường Phố Hiến"
