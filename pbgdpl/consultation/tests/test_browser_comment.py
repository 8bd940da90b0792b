"""A phone-sized browser comments on clause 2 of article 3 of a draft and verifies the e-mail; staff
approve and answer it; the XLSX summary has the row with the response."""

from __future__ import annotations

import io
import re

import openpyxl
import pytest
from django.core import mail
from django.test import Client

from pbgdpl.browser_testing import wait_for_js
from pbgdpl.consultation.models import Comment, Status

from .conftest import make_draft

TEXT = "Đề nghị nâng mức hỗ trợ hộ cận nghèo lên 40% trong năm đầu."


@pytest.mark.browser
def test_comment_on_a_clause_verify_approve_answer_export(transactional_db, live_server, phone, screenshot_dir,
                                                         staff, settings):
    settings.ALTCHA_MAX_NUMBER = 20000
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    draft = make_draft()
    page = phone
    page.goto(live_server.url + draft.get_absolute_url())
    page.locator('#dieu-3-khoan-2 a.cs-link').first.click()
    assert page.locator("#id_eid").input_value() == "dieu-3-khoan-2"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.locator("#id_text").fill(TEXT)
    page.locator("#id_name").fill("Lê Thị Góp Ý")
    page.locator("#id_email").fill("gopy.trinhduyet@example.vn")
    assert not page.locator("#id_consent").is_checked()
    page.locator("#id_consent").check()
    wait_for_js(page, "(() => { const i = document.querySelector('input[name=altcha]'); return i && i.value.length > 20; })()",
                timeout=30_000)
    page.screenshot(path=str(screenshot_dir / "consultation-comment-360.png"), full_page=True)
    page.get_by_role("button", name="Gửi góp ý").click()
    page.wait_for_url("**/gop-y-du-thao/da-gui/")
    link = re.search(r"https?://\S+/xac-nhan/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    assert "Đã xác nhận góp ý" in page.locator("h1").inner_text()
    comment = Comment.objects.get()
    assert (comment.eid, comment.status) == ("dieu-3-khoan-2", Status.PENDING)

    moderator, drafter = Client(), Client()
    moderator.force_login(staff["editor"])
    drafter.force_login(staff["drafter"])
    admin = f"/quan-tri/gop-y-du-thao/{draft.pk}/"
    moderator.post(admin, {"action": "approve", "comment": comment.pk})
    drafter.post(admin, {"action": "respond", "comment": comment.pk, "response": "Tiếp thu, sửa thành 40%."})
    rows = list(openpyxl.load_workbook(io.BytesIO(drafter.get(admin + "tong-hop.xlsx").content)).active
                .iter_rows(min_row=6, values_only=True))
    assert rows == [(1, "Khoản 2 Điều 3 (1 ý kiến)", TEXT, "Lê Thị Góp Ý", "Tiếp thu, sửa thành 40%.")]

    page.goto(live_server.url + f"/gop-y-du-thao/{draft.slug}/y-kien/")
    assert "Tiếp thu, sửa thành 40%." in page.locator(".cs-response").inner_text()
    assert "gopy.trinhduyet" not in page.content()
    page.screenshot(path=str(screenshot_dir / "consultation-report-360.png"), full_page=True)
