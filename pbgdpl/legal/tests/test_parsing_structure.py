"""The legal text parser on law-shaped texts: units, numbers, titles, eids, and nothing lost."""

import re
import unicodedata

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pbgdpl.core.text import strip_invisible
from pbgdpl.legal.parsing import parse_text

EID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

LAW = """QUỐC HỘI
Luật số: 99/2025/QH15
LUẬT
THỬ NGHIỆM
Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;
Quốc hội ban hành Luật Thử nghiệm.

Phần thứ nhất
NHỮNG QUY ĐỊNH CHUNG

Chương I
PHẠM VI ĐIỀU CHỈNH
VÀ ĐỐI TƯỢNG ÁP DỤNG

Điều 1. Phạm vi điều chỉnh
Luật này quy định về việc thử nghiệm.

Điều 2. Giải thích từ ngữ
Trong Luật này, các từ ngữ dưới đây được hiểu như sau:
1. Thử nghiệm là việc làm thử.
2. Người thử nghiệm gồm:
a) Cá nhân;
b) Pháp nhân;
c) Hộ gia đình;
d) Tổ hợp tác;
đ) Tổ chức khác;
e) Người nước ngoài.
Điều 5 của Luật này không áp dụng đối với người nước ngoài.

Chương II. QUYỀN VÀ NGHĨA VỤ

Mục 1
QUYỀN

Điều 3. Quyền của người thử nghiệm
Người thử nghiệm có các quyền sau đây:
a) Được thông tin;
b) Được bồi thường.

Điều 3a. Quyền bổ sung
Được khiếu nại.

Mục 2
NGHĨA VỤ

Điều 4
Người thử nghiệm có nghĩa vụ tuân thủ pháp luật.

Phần thứ hai
ĐIỀU KHOẢN THI HÀNH

CHƯƠNG III: HIỆU LỰC

Mục 1
CHUYỂN TIẾP

Điều 5 Hiệu lực thi hành
1. Luật này có hiệu lực từ ngày 01 tháng 01 năm 2026.
2. Điều 5 và Điều 6 Luật Cũ hết hiệu lực kể từ ngày Luật này có hiệu lực.

Luật này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV, kỳ họp thứ 9 thông qua ngày 20 tháng 6 năm 2025.
CHỦ TỊCH QUỐC HỘI
Trần Thanh Mẫn
"""


def lines_of(text: str) -> list[str]:
    """The input's non-blank lines as the parser sees them (NFC, no invisible characters, trimmed,
    spaces collapsed)."""
    text = strip_invisible(unicodedata.normalize("NFC", text)).replace("\r\n", "\n").replace("\r", "\n")
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def rebuilt(result) -> list[str]:
    return [" ".join(line.split()) for line in result.source_lines()]


def test_units_numbers_titles_and_eids_of_a_law():
    result = parse_text(LAW)
    kinds = [
        (n.kind, n.number, n.title, n.eid) for n in result.iter() if n.kind in ("part", "chapter", "section")
    ]
    assert kinds == [
        ("part", "1", "NHỮNG QUY ĐỊNH CHUNG", "phan-1"),
        ("chapter", "I", "PHẠM VI ĐIỀU CHỈNH VÀ ĐỐI TƯỢNG ÁP DỤNG", "chuong-i"),
        ("chapter", "II", "QUYỀN VÀ NGHĨA VỤ", "chuong-ii"),
        ("section", "1", "QUYỀN", "chuong-ii-muc-1"),
        ("section", "2", "NGHĨA VỤ", "chuong-ii-muc-2"),
        ("part", "2", "ĐIỀU KHOẢN THI HÀNH", "phan-2"),
        ("chapter", "III", "HIỆU LỰC", "chuong-iii"),
        ("section", "1", "CHUYỂN TIẾP", "chuong-iii-muc-1"),
    ]
    articles = [(a.number, a.title, a.eid) for a in result.articles()]
    assert articles == [
        ("1", "Phạm vi điều chỉnh", "dieu-1"),
        ("2", "Giải thích từ ngữ", "dieu-2"),
        ("3", "Quyền của người thử nghiệm", "dieu-3"),
        ("3a", "Quyền bổ sung", "dieu-3a"),
        ("4", "", "dieu-4"),
        ("5", "Hiệu lực thi hành", "dieu-5"),
    ]
    # The tree: Phần > Chương > Mục > Điều > Khoản > Điểm.
    part1 = result.find("phan-1")
    assert [c.eid for c in part1.children] == ["chuong-i", "chuong-ii"]
    assert [c.eid for c in result.find("chuong-ii-muc-1").children] == ["dieu-3", "dieu-3a"]
    dieu2 = result.find("dieu-2")
    assert dieu2.text == "Trong Luật này, các từ ngữ dưới đây được hiểu như sau:"
    assert [c.eid for c in dieu2.children] == ["dieu-2-khoan-1", "dieu-2-khoan-2"]
    points = result.find("dieu-2-khoan-2").children
    assert [p.number for p in points] == ["a", "b", "c", "d", "đ", "e"]
    assert [p.eid for p in points][3:5] == ["dieu-2-khoan-2-diem-d", "dieu-2-khoan-2-diem-dd"]
    assert points[4].text == "Tổ chức khác;"
    # Points directly in an article.
    assert [p.eid for p in result.find("dieu-3").children] == ["dieu-3-diem-a", "dieu-3-diem-b"]


def test_references_at_line_start_are_not_headings():
    result = parse_text(LAW)
    # "Điều 5 của Luật này …" stays in the text of point e; "Điều 5 và Điều 6 Luật Cũ …" in clause 2.
    assert "Điều 5 của Luật này không áp dụng" in result.find("dieu-2-khoan-2-diem-e").text
    assert result.find("dieu-5-khoan-2").text.startswith("Điều 5 và Điều 6 Luật Cũ")
    assert len(result.articles()) == 6
    text = "Điều 1. Một\nNội dung theo quy định tại\nĐiều 169 của Luật này.\nĐiều 2 Luật Đất đai quy định.\nĐiều 2. Hai\n"
    result = parse_text(text)
    assert [a.number for a in result.articles()] == ["1", "2"]
    assert result.find("dieu-1").text.endswith("Điều 169 của Luật này.\nĐiều 2 Luật Đất đai quy định.")


def test_preamble_and_closing_of_a_law():
    result = parse_text(LAW)
    assert result.nodes[0].kind == "preamble" and result.nodes[0].eid == "mo-dau"
    assert result.nodes[0].text.startswith("QUỐC HỘI\nLuật số: 99/2025/QH15")
    closing = result.nodes[-1]
    assert closing.kind == "closing" and closing.eid == "ket-thuc"
    assert closing.text.startswith("Luật này được Quốc hội")
    assert closing.text.endswith("Trần Thanh Mẫn")
    assert result.metadata["number"] == "99/2025/QH15"
    assert result.metadata["signer"] == "Trần Thanh Mẫn"


def test_nothing_lost_and_eids_unique_on_a_law():
    result = parse_text(LAW)
    assert rebuilt(result) == lines_of(LAW)
    eids = [n.eid for n in result.iter()]
    assert len(eids) == len(set(eids))
    assert all(EID_RE.match(eid) for eid in eids)


def test_nfd_input_parses_like_nfc():
    nfd = unicodedata.normalize("NFD", LAW)
    assert nfd != LAW
    assert parse_text(nfd).to_dict() == parse_text(LAW).to_dict()


def test_points_and_clauses_must_follow_their_order():
    text = (
        "Điều 1. Thứ tự\n"
        "1. Khoản một:\n"
        "a) Điểm a;\n"
        "b) Điểm b;\n"
        "a) Không phải điểm mới (lặp lại a);\n"
        "f) Không phải điểm (f không có trong bảng chữ cái tiếng Việt);\n"
        "b1) Điểm con;\n"
        "1. Không phải khoản mới (lặp lại 1).\n"
        "2. Khoản hai.\n"
        "1.000.000 đồng là mức tối đa.\n"
    )
    result = parse_text(text)
    dieu = result.find("dieu-1")
    assert [c.number for c in dieu.children] == ["1", "2"]
    assert [p.number for p in dieu.children[0].children] == ["a", "b"]
    point_b = result.find("dieu-1-khoan-1-diem-b")
    assert point_b.text.split("\n") == [
        "Điểm b;",
        "a) Không phải điểm mới (lặp lại a);",
        "f) Không phải điểm (f không có trong bảng chữ cái tiếng Việt);",
        "b1) Điểm con;",
        "1. Không phải khoản mới (lặp lại 1).",
    ]
    assert result.find("dieu-1-khoan-2").text == "Khoản hai.\n1.000.000 đồng là mức tối đa."
    assert rebuilt(result) == lines_of(text)


def test_quoted_amendment_text_is_not_structure():
    text = (
        "Điều 1. Sửa đổi, bổ sung một số điều\n"
        "1. Sửa đổi Điều 54 như sau:\n"
        "“Điều 54. Điều kiện hưởng lương hưu\n"
        "1. Người lao động đủ tuổi.\n"
        "a) Đủ 20 năm đóng bảo hiểm.”;\n"
        "2. Bãi bỏ Điều 55.\n"
        "Điều 2. Hiệu lực thi hành\n"
        "Luật này có hiệu lực từ ngày 01 tháng 01 năm 2026.\n"
    )
    result = parse_text(text)
    assert [a.number for a in result.articles()] == ["1", "2"]
    clause1 = result.find("dieu-1-khoan-1")
    assert clause1.children == []
    assert "“Điều 54. Điều kiện hưởng lương hưu" in clause1.text
    assert result.find("dieu-1-khoan-2").text == "Bãi bỏ Điều 55."


def test_duplicate_numbers_get_distinct_eids_and_a_warning():
    result = parse_text("Điều 1. Một\nA.\nĐiều 1. Một lần nữa\nB.\n")
    assert [a.eid for a in result.articles()] == ["dieu-1", "dieu-1-2"]
    assert any("dieu-1-2" in w for w in result.warnings)


def test_eids_are_stable_when_other_text_changes():
    before = {n.eid: (n.kind, n.number) for n in parse_text(LAW).iter()}
    edited = LAW.replace(
        "Luật này quy định về việc thử nghiệm.", "Luật này quy định về việc thử nghiệm.\nĐoạn mới."
    )
    after = {n.eid: (n.kind, n.number) for n in parse_text(edited).iter()}
    assert before == after


def test_text_without_articles_and_empty_text():
    result = parse_text("Kính gửi: Sở Tư pháp\nNội dung công văn.\n")
    assert [(n.kind, n.eid) for n in result.nodes] == [("text", "noi-dung")]
    assert result.warnings
    empty = parse_text("")
    assert empty.nodes == [] and empty.articles() == []


# -- "nothing lost" on random documents -----------------------------------------------------------

LINE_POOL = [
    "Phần thứ nhất",
    "PHẦN II",
    "Phần thứ hai: QUY ĐỊNH KHÁC",
    "Chương I",
    "CHƯƠNG II",
    "Chương III. TỔ CHỨC",
    "QUY ĐỊNH CHUNG",
    "Mục 1",
    "MỤC 2. THỦ TỤC",
    "Điều 1. Phạm vi điều chỉnh",
    "Điều 2.",
    "Điều 3",
    "Điều 4 Đối tượng áp dụng",
    "Điều 5 của Luật này quy định.",
    "Điều 12a. Quy định bổ sung",
    "1. Khoản một.",
    "2. Khoản hai:",
    "3.",
    "a) Điểm a;",
    "b) Điểm b;",
    "đ) Điểm đ.",
    "a1) Điểm con.",
    "- Gạch đầu dòng;",
    "Nơi nhận:",
    "TM. ỦY BAN NHÂN DÂN",
    "CHỦ TỊCH",
    "Nguyễn Văn A",
    "QUY CHẾ",
    "(Ban hành kèm theo Quyết định số 1/2025/QĐ-UBND)",
    "PHỤ LỤC I",
    "Phụ lục II: Mẫu biểu",
    "STT | Nội dung | Ghi chú",
    "Sửa đổi Điều 3 như sau:",
    "“Điều 3. Nội dung mới",
    "1. Khoản mới.”",
    '"2. Khoản khác."',
    "Căn cứ Luật Tổ chức chính quyền địa phương;",
    "Luật này được Quốc hội thông qua ngày 01 tháng 01 năm 2025.",
    "",
    "   ",
]


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            st.sampled_from(LINE_POOL),
            st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40),
        ),
        max_size=60,
    ),
    st.booleans(),
)
@example(["Điều 12a. Quy định bổ sung", "3.", "Phần thứ nhất"], False)  # a label alone, then text
def test_rebuilding_the_tree_gives_back_every_line(lines, nfd):
    text = "\n".join(lines)
    if nfd:
        text = unicodedata.normalize("NFD", text)
    result = parse_text(text)
    assert rebuilt(result) == lines_of(text)
    eids = [n.eid for n in result.iter()]
    assert len(eids) == len(set(eids))
    assert all(EID_RE.match(eid) for eid in eids)


# -- random well-formed laws are recovered exactly -------------------------------------------------

TITLE_WORDS = [
    "Phạm vi",
    "điều chỉnh",
    "Quyền",
    "nghĩa vụ",
    "của",
    "cơ quan",
    "Điều kiện",
    "hồ sơ",
    "thủ tục",
]
BODY_LINES = [
    "Luật này quy định về thủ tục.",
    "Điều 5 của Luật này không áp dụng.",
    "Điều 7 và Điều 8 được áp dụng tương tự.",
    "Điều 3 Luật Đất đai được dẫn chiếu.",
    "1.000.000 đồng là mức phạt tối đa.",
    "a1) Trường hợp đặc biệt;",
    "- Gạch đầu dòng;",
    "Chương này không áp dụng.",
    "Phụ lục kèm theo Luật này gồm danh mục.",
]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def title_strategy():
    return st.lists(st.sampled_from(TITLE_WORDS), min_size=1, max_size=5).map(
        lambda words: (" ".join(words)).capitalize()
    )


point_st = st.sampled_from(BODY_LINES[:1] + ["Trường hợp khác;", "Cá nhân, tổ chức;"])
clause_st = st.tuples(st.sampled_from(["Nội dung khoản.", "Các trường hợp sau đây:"]), st.integers(0, 4))
article_st = st.tuples(
    title_strategy(),
    st.lists(st.sampled_from(BODY_LINES), max_size=2),
    st.lists(clause_st, max_size=4),
    st.booleans(),  # lettered article ("12a") after this one
)
law_st = st.lists(
    st.tuples(title_strategy().map(str.upper), st.lists(article_st, min_size=1, max_size=4)),
    min_size=1,
    max_size=4,
)


@settings(max_examples=80, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(law_st)
def test_random_well_formed_laws_are_recovered_exactly(chapters):
    lines: list[str] = ["LUẬT", "MẪU", "Căn cứ Hiến pháp;"]
    expected: list[tuple[str, str, str, str]] = []
    number = 0
    letters = "a b c d đ e".split()
    for c, (chapter_title, articles) in enumerate(chapters):
        lines += [f"Chương {ROMAN[c]}", chapter_title]
        expected.append(("chapter", ROMAN[c], chapter_title, f"chuong-{ROMAN[c].lower()}"))
        for title, body, clauses, lettered in articles:
            number += 1
            numbers = [str(number)] + ([f"{number}a"] if lettered else [])
            for article_number in numbers:
                lines.append(f"Điều {article_number}. {title}")
                lines += body
                expected.append(("article", article_number, title, f"dieu-{article_number}"))
                for k, (clause_text, n_points) in enumerate(clauses, start=1):
                    lines.append(f"{k}. {clause_text}")
                    expected.append(("clause", str(k), "", f"dieu-{article_number}-khoan-{k}"))
                    for letter in letters[:n_points]:
                        lines.append(f"{letter}) Trường hợp {letter};")
                        eid_letter = "dd" if letter == "đ" else letter
                        expected.append(
                            ("point", letter, "", f"dieu-{article_number}-khoan-{k}-diem-{eid_letter}")
                        )
    text = "\n".join(lines)
    result = parse_text(text)
    got = [(n.kind, n.number, n.title, n.eid) for n in result.iter() if n.kind != "preamble"]
    assert got == expected
    assert rebuilt(result) == lines_of(text)


def test_quote_opened_at_the_end_of_an_amending_clause_covers_the_next_lines():
    text = (
        "Điều 1. Sửa đổi, bổ sung\n"
        "1. Sửa đổi khoản 2 Điều 5 như sau: “2. Hồ sơ gồm:\n"
        "a) Đơn đề nghị;\n"
        "b) Bản sao giấy tờ.”.\n"
        "2. Bãi bỏ khoản 3 Điều 5.\n"
    )
    result = parse_text(text)
    clauses = result.find("dieu-1").children
    assert [c.eid for c in clauses] == ["dieu-1-khoan-1", "dieu-1-khoan-2"]
    assert clauses[0].children == []
    assert clauses[0].text.endswith("a) Đơn đề nghị;\nb) Bản sao giấy tờ.”.")
    assert rebuilt(result) == lines_of(text)


def test_adoption_sentence_inside_the_last_article_stays_there():
    text = (
        "Điều 3. Hiệu lực thi hành\n"
        "Nghị quyết này đã được Hội đồng nhân dân tỉnh khóa X, kỳ họp thứ 5 thông qua ngày 10 tháng 7 năm 2025.\n"
        "Nghị quyết có hiệu lực từ ngày 20 tháng 7 năm 2025./.\n"
        "Nơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\nLê Thị Hoa\n"
    )
    result = parse_text(text)
    assert result.find("dieu-3").text.endswith("Nghị quyết có hiệu lực từ ngày 20 tháng 7 năm 2025./.")
    assert result.find("ket-thuc").text.startswith("Nơi nhận:")


def test_article_title_in_its_own_paragraph_after_a_dotted_heading():
    text = (
        "Điều 1.\nPhạm vi điều chỉnh\nQuy chế này quy định về phối hợp.\n"
        "Điều 2.\nQuy chế áp dụng đối với các sở, ngành.\n"
        "Điều 3\nNhân dân thực hiện quyền lực nhà nước\n"
    )
    result = parse_text(text)
    assert [(a.number, a.title) for a in result.articles()] == [
        ("1", "Phạm vi điều chỉnh"),
        ("2", ""),  # the next paragraph is a sentence, not a title
        ("3", ""),  # a bare "Điều 3" (the Constitution's style) never takes a title
    ]
    assert result.find("dieu-1").heading == "Điều 1.\nPhạm vi điều chỉnh"
    assert result.find("dieu-1").text == "Quy chế này quy định về phối hợp."
    assert result.find("dieu-3").text == "Nhân dân thực hiện quyền lực nhà nước"
    assert rebuilt(result) == lines_of(text)


def test_straight_quotes_closed_on_their_line_do_not_hide_the_clauses_after_them():
    text = (
        "Điều 2. Giải thích từ ngữ\n"
        "Trong Luật này, các từ ngữ dưới đây được hiểu như sau:\n"
        '"Môi trường" là hệ thống các yếu tố vật chất tự nhiên và nhân tạo;\n'
        "1. Bảo vệ môi trường là hoạt động phòng ngừa.\n"
        "2. Ô nhiễm môi trường là sự biến đổi.\n"
        'Các chất này gọi chung là "chất thải"\n'
    )
    result = parse_text(text)
    assert [c.eid for c in result.find("dieu-2").children] == ["dieu-2-khoan-1", "dieu-2-khoan-2"]
    assert rebuilt(result) == lines_of(text)
