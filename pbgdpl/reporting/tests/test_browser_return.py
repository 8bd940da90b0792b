"""On a 360×740 phone: a commune officer enters and submits a return, the department's officer returns
it with a comment, the officer corrects and resubmits, the department accepts and the totals change."""

from __future__ import annotations

import pytest

from pbgdpl.reporting.aggregation import unit_totals

from .conftest import GOOD

PASSWORD = "matkhau-dai-123"


def _login(page, base, username):
    page.context.clear_cookies()
    page.goto(base + "/quan-tri/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(base + "/quan-tri/")


def _press(page, name: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=name).click()


def _fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.mark.browser
def test_enter_return_resubmit_totals_on_a_phone(transactional_db, live_server, phone, screenshot_dir, officers,
                                                 province, period):
    page, base = phone, live_server.url
    url = f"{base}/quan-tri/bao-cao/ky/{period.pk}/don-vi/{province['a'].pk}/"
    _login(page, base, "canbo_a")
    page.goto(url)
    for code, value in {**GOOD, "HG04": "12"}.items():  # 12 succeeded out of 10 received
        page.locator(f"#v_{code}").fill(value)
    _press(page, "Nộp báo cáo")
    assert page.locator("#e_HG04").inner_text().startswith("Không được lớn hơn chỉ tiêu HG03")
    assert page.locator("#v_PB02").input_value() == "1.250"  # nothing typed is lost
    page.screenshot(path=str(screenshot_dir / "reporting-entry-error-360.png"), full_page=True)
    page.locator("#v_HG04").fill("7")
    _press(page, "Nộp báo cáo")
    assert "Đã nộp báo cáo" in page.content()
    assert _fits(page)

    _login(page, base, "so_tu_phap")
    page.goto(url)
    page.locator("#rp-comment").fill("Số lượt người tham dự chưa khớp sổ theo dõi, đề nghị kiểm tra lại.")
    _press(page, "Trả lại để sửa")
    assert "Đã trả lại báo cáo" in page.content()

    _login(page, base, "canbo_a")
    page.goto(url)
    assert "chưa khớp sổ theo dõi" in page.locator(".rp-comment").inner_text()
    page.locator("#v_PB02").fill("1300")
    page.screenshot(path=str(screenshot_dir / "reporting-returned-360.png"), full_page=True)
    _press(page, "Nộp báo cáo")
    assert "Đã nộp báo cáo" in page.content()

    _login(page, base, "so_tu_phap")
    page.goto(url)
    _press(page, "Chấp nhận")
    assert unit_totals(period, province["province"])["PB02"] == 1300
    page.goto(f"{base}/quan-tri/bao-cao/ky/{period.pk}/tong-hop/?chi_tieu=PB02")
    assert "1.300" in page.locator(".rp-totals").inner_text()
    assert _fits(page)
    page.screenshot(path=str(screenshot_dir / "reporting-dashboard-360.png"), full_page=True)
