"""Breadcrumbs of views that are not pages: a long title is shortened at a word, with "…"."""

from __future__ import annotations

from pbgdpl.core.breadcrumbs import STEP_MAX_CHARS, trail


def test_a_long_title_is_cut_at_a_word_and_the_last_step_has_no_link():
    title = "Dự thảo Nghị quyết quy định chính sách hỗ trợ tổ hòa giải ở cơ sở trên địa bàn tỉnh"
    steps = trail(("Góp ý dự thảo", "/van-ban/du-thao/"), (title, ""))
    assert [step["title"] for step in steps[:2]] == ["Trang chủ", "Góp ý dự thảo"]
    short = steps[-1]["title"]
    assert short.endswith("…") and len(short) <= STEP_MAX_CHARS
    assert title.startswith(short[:-1]) and title[len(short) - 1] == " "  # ends where a word ended
    assert steps[-1]["url"] == "" and steps[1]["url"] == "/van-ban/du-thao/"
