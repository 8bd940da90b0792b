"""On a 360×740 phone: open a book, search inside it, come back to the same chapter after a reload
and after reopening the book, change the font size; play a podcast episode. Also page weight and
alt text on the bookshelf's pages."""

from __future__ import annotations

import pytest

from pbgdpl.browser_testing import wait_for_js

from .factories import HANDBOOK_LINES, make_book, make_show

LONG_LINES = HANDBOOK_LINES + [f"Điều {n}. Nội dung {n}" for n in range(4, 40)]
# A phone's speech engine with a Vietnamese voice, recording what it is asked to say.
SPEECH_WITH_A_VIETNAMESE_VOICE = """
window.__spoken = [];
window.SpeechSynthesisUtterance = function (text) { this.text = text; };
Object.defineProperty(window, 'speechSynthesis', { value: {
  paused: false, getVoices: () => [{ lang: 'vi-VN', name: 'Tiếng Việt' }], addEventListener() {},
  speak(u) { window.__spoken.push(u.text); setTimeout(() => u.onend && u.onend(), 10); },
  cancel() {}, pause() { this.paused = true; }, resume() { this.paused = false; } } });
"""
WEIGHT = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  let total = nav.transferSize || nav.encodedBodySize;
  for (const r of performance.getEntriesByType('resource')) {
    if (r.initiatorType !== 'audio' && r.initiatorType !== 'video') total += r.transferSize || r.encodedBodySize;
  }
  return total;
}"""


@pytest.mark.browser
def test_read_a_book_and_play_an_episode_on_a_phone(transactional_db, live_server, chromium, phone, screenshot_dir):
    make_book(lines=LONG_LINES)
    show = make_show(episodes=1)
    page = phone
    book_url = live_server.url + "/tu-sach-phap-luat/so-tay/"
    page.goto(book_url)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.locator("#book-q").fill("ba muoi ngay")
    page.locator("#book-q").press("Enter")
    page.get_by_role("link", name="Chương II – Đăng ký tạm trú").first.click()
    page.wait_for_url("**/chuong-2/#p1")
    assert "ba mươi ngày" in page.locator("#p1").inner_text()
    page.get_by_role("button", name="Chữ lớn hơn").click()
    page.mouse.wheel(0, 400)
    wait_for_js(page, "JSON.parse(localStorage.getItem('bookshelf:so-tay')).ratio > 0")
    page.reload()
    assert page.url.endswith("/chuong-2/#p1")
    assert page.evaluate("document.getElementById('reader').classList.contains('reader-size-2')")
    page.goto(book_url)  # reopening the book lands on the chapter this phone was reading
    page.wait_for_url("**/chuong-2/")
    page.screenshot(path=str(screenshot_dir / "bookshelf-reader-360.png"), full_page=False)
    assert page.evaluate(WEIGHT) < 200_000
    assert page.evaluate("document.querySelectorAll('img:not([alt])').length") == 0
    assert page.locator(".read-aloud").count() == 0  # headless Chromium has no Vietnamese voice: no button

    voiced = chromium.new_context(viewport={"width": 360, "height": 740})
    voiced.add_init_script(SPEECH_WITH_A_VIETNAMESE_VOICE)
    reader = voiced.new_page()
    reader.goto(live_server.url + "/tu-sach-phap-luat/so-tay/chuong-2/")
    reader.get_by_role("button", name="Nghe đọc chương này").click()
    wait_for_js(reader, "window.__spoken.join(' ').includes('ba mươi ngày')")
    wait_for_js(reader, "!document.querySelector('.read-aloud-play').hidden")  # read to the end: idle again
    voiced.close()

    page.goto(live_server.url + show.episodes.get().get_absolute_url())
    assert page.evaluate("(() => { const a = document.querySelector('audio'); a.muted = true;"
                         " return a.play().then(() => true); })()")
    wait_for_js(page, "document.querySelector('audio').currentTime > 0.2")
    page.get_by_label("Tốc độ").select_option("1.5")
    assert page.evaluate("document.querySelector('audio').playbackRate") == 1.5
    page.screenshot(path=str(screenshot_dir / "bookshelf-episode-360.png"), full_page=True)
    assert page.evaluate(WEIGHT) < 200_000
    assert page.evaluate("document.querySelectorAll('img:not([alt])').length") == 0
