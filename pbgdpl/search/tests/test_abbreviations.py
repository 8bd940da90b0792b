"""Ambiguous abbreviations resolved by the rest of the question (abbreviations.py)."""

import pytest

from pbgdpl.search.dictionary import Dictionary
from pbgdpl.search.index import IndexHandle
from pbgdpl.search.indexer import build_temporary
from pbgdpl.search.registry import SearchEntry
from pbgdpl.search.understanding import understand

DICT = Dictionary.from_rows([("abbreviation", "đk", "được|đăng ký|điều kiện")])


def _entry(n, title, body):
    return SearchEntry(key=f"law#dieu-{n}", kind="provision", title=f"Điều {n}. {title}", body=body,
                       url=f"/law/#dieu-{n}", group_key="law", group_title="Luật Gia đình", group_url="/law/")


@pytest.fixture(scope="module")
def handle(tmp_path_factory):
    path = tmp_path_factory.mktemp("abbr") / "ix"
    build_temporary(path, [
        _entry(1, "Điều kiện nhận nuôi con nuôi", "1. Người nhận nuôi con nuôi phải có điều kiện về sức khỏe.\n"
               "2. Người nhận nuôi con nuôi phải có điều kiện về kinh tế, chỗ ở.\n3. Điều kiện khác về nuôi con nuôi.\n"
               "4. Người nhận nuôi con nuôi có điều kiện về thời gian chăm sóc con nuôi."),
        _entry(2, "Đăng ký việc nuôi con nuôi", "1. Việc nuôi con nuôi phải được đăng ký tại cơ quan có thẩm quyền."),
        _entry(3, "Đăng ký kết hôn", "1. Việc kết hôn phải được đăng ký.\n2. Đăng ký kết hôn tại Ủy ban nhân dân cấp xã."),
        _entry(4, "Đăng ký thường trú", "1. Công dân đăng ký thường trú tại nơi ở.\n2. Hồ sơ đăng ký thường trú."),
        _entry(5, "Tạm trú", "1. Công dân đăng ký tạm trú.\n2. Thời hạn tạm trú."),
        _entry(6, "Đăng ký giám hộ", "1. Việc giám hộ phải được đăng ký.\n2. Người giám hộ đăng ký tại xã."),
        _entry(7, "Điều kiện của người giám hộ", "1. Người giám hộ phải có điều kiện cần thiết.\n2. Điều kiện về tài sản."),
    ] + [
        # Unrelated articles: an index of a few laws, so the question's words are not in most passages.
        _entry(100 + i, f"Quy định về {topic}", f"1. Cơ sở {topic} thực hiện theo quy định.\n2. Tổ chức {topic} báo cáo hằng năm.")
        for i, topic in enumerate(["giáo dục", "y tế", "giao thông", "xây dựng", "môi trường", "du lịch", "văn hóa",
                                   "thể thao", "báo chí", "xuất bản", "điện lực", "thủy sản", "lâm nghiệp", "khoáng sản"])
    ])
    return IndexHandle.open(path)


def parsed(handle, q):
    return understand(q, handle, handle.searcher(), DICT)


def test_the_meaning_the_rest_of_the_question_uses_replaces_the_form(handle):
    pq = parsed(handle, "đk nhận nuôi con nuôi")
    assert pq.resolved == [("dk", "điều kiện")]
    assert pq.tokens[:2] == ["dieu", "kien"] and "dieu_kien" in pq.bigrams
    assert ["dang", "ky"] not in pq.expansions and ["dieu", "kien"] not in pq.expansions
    assert pq.spelled_out.startswith("điều kiện")
    pq = parsed(handle, "thủ tục đk thường trú tạm trú")
    assert pq.resolved == [("dk", "đăng ký")]


def test_without_a_clear_winner_the_form_stays_with_every_meaning_searched(handle):
    pq = parsed(handle, "đk giám hộ")  # both "điều kiện" and "đăng ký" passages speak of it
    assert pq.resolved == []
    assert "dk" in pq.tokens and ["dieu", "kien"] in pq.expansions and ["dang", "ky"] in pq.expansions
