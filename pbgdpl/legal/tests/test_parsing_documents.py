"""The parser on realistic provincial documents: decision + attached regulation + appendices."""

import re
import unicodedata
from pathlib import Path

import pytest

from pbgdpl.legal.parsing import parse_text

FIXTURES = Path(__file__).parent / "fixtures" / "parsing"
EID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def parse_fixture(name: str):
    return parse_text((FIXTURES / name).read_text(encoding="utf-8"))


def source_lines(name: str) -> list[str]:
    text = unicodedata.normalize("NFC", (FIXTURES / name).read_text(encoding="utf-8"))
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.txt")))
def test_every_fixture_loses_nothing_and_has_unique_ascii_eids(name):
    result = parse_fixture(name)
    assert [" ".join(line.split()) for line in result.source_lines()] == source_lines(name)
    eids = [node.eid for node in result.iter()]
    assert len(eids) == len(set(eids))
    assert all(EID_RE.match(eid) for eid in eids)
    # Same text, same ids: links shared by users keep working after a re-import.
    assert [node.eid for node in parse_fixture(name).iter()] == eids


def test_decision_with_attached_regulation_keeps_parts_apart():
    result = parse_fixture("qd_ban_hanh_quy_che.txt")
    assert [(n.kind, n.eid) for n in result.nodes] == [
        ("preamble", "mo-dau"),
        ("article", "dieu-1"),
        ("article", "dieu-2"),
        ("article", "dieu-3"),
        ("closing", "ket-thuc"),
        ("attachment", "quy-che"),
        ("appendix", "phu-luc-i"),
    ]
    preamble = result.nodes[0]
    assert "Căn cứ Luật Phổ biến, giáo dục pháp luật ngày 20 tháng 6 năm 2012;" in preamble.text
    assert preamble.text.endswith("QUYẾT ĐỊNH:")

    # The decision's Điều 3 and the regulation's Điều 3 are different provisions.
    decision_3 = result.find("dieu-3")
    regulation_3 = result.find("quy-che-dieu-3")
    assert decision_3.title == "Tổ chức thực hiện"
    assert regulation_3.title == "Nguyên tắc phối hợp"
    assert [a.eid for a in result.articles(main_only=True)] == ["dieu-1", "dieu-2", "dieu-3"]
    assert len(result.articles()) == 3 + 10

    closing = result.find("ket-thuc")
    assert closing.text.startswith("Nơi nhận:\n- Như Điều 3;")
    assert closing.text.endswith("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Văn Bình")

    attachment = result.find("quy-che")
    assert attachment.title == (
        "QUY CHẾ Phối hợp trong công tác phổ biến, giáo dục pháp luật trên địa bàn tỉnh Lâm Hà"
    )
    # The repeated national heading and the "(Ban hành kèm theo …)" line belong to the attachment.
    assert attachment.heading.startswith("ỦY BAN NHÂN DÂN\nTỈNH LÂM HÀ")
    assert attachment.heading.endswith("của Ủy ban nhân dân tỉnh Lâm Hà)")
    assert [c.eid for c in attachment.children] == [
        "quy-che-chuong-i",
        "quy-che-chuong-ii",
        "quy-che-chuong-iii",
    ]
    assert [c.eid for c in result.find("quy-che-chuong-ii").children] == [
        "quy-che-chuong-ii-muc-1",
        "quy-che-chuong-ii-muc-2",
    ]
    assert (
        result.find("quy-che-dieu-3-khoan-2-diem-dd").text
        == "Gắn với việc thực hiện nhiệm vụ chính trị của địa phương;"
    )
    assert result.find("quy-che-dieu-5a").title == "Phối hợp trên môi trường số"
    # A reference line "Điều 5 và Điều 6 Quy chế này …" stays text of the clause before it.
    assert result.find("quy-che-dieu-4-khoan-2").text.endswith(
        "Điều 5 và Điều 6 Quy chế này áp dụng đối với kế hoạch chuyên đề."
    )

    appendix = result.find("phu-luc-i")
    assert appendix.number == "I"
    assert appendix.title == "MẪU BÁO CÁO KẾT QUẢ PHỐI HỢP PHỔ BIẾN, GIÁO DỤC PHÁP LUẬT"
    assert appendix.heading.split("\n")[-1].startswith("(Kèm theo Quy chế")
    assert appendix.text.startswith("STT | Nội dung | Đơn vị tính | Kết quả")
    # Lines of a table or form in an appendix are never read as articles.
    assert "Điều 1. Ghi chú" in appendix.text and appendix.children == []


def test_decision_metadata_from_heading_and_signature():
    meta = parse_fixture("qd_ban_hanh_quy_che.txt").metadata
    assert meta == {
        "number": "27/2025/QĐ-UBND",
        "issuer": "ỦY BAN NHÂN DÂN TỈNH LÂM HÀ",
        "issued_on": "2025-08-14",
        "place": "Lâm Hà",
        "doc_type": "Quyết định",
        "title": (
            "Ban hành Quy chế phối hợp trong công tác phổ biến, giáo dục pháp luật trên địa bàn tỉnh Lâm Hà"
        ),
        "signer": "Trần Văn Bình",
        "signer_title": "PHÓ CHỦ TỊCH",
        "signing_authority": "KT. CHỦ TỊCH",
    }


def test_resolution_with_attached_rules_and_two_appendices():
    result = parse_fixture("nq_hdnd_quy_dinh_muc_chi.txt")
    assert [(n.kind, n.eid) for n in result.nodes] == [
        ("preamble", "mo-dau"),
        ("article", "dieu-1"),
        ("article", "dieu-2"),
        ("article", "dieu-3"),
        ("closing", "ket-thuc"),
        ("attachment", "quy-dinh"),
        ("appendix", "phu-luc-i"),
        ("appendix", "phu-luc-ii"),
    ]
    # The adoption sentence that also sets the effective date is the text of Điều 3, not the closing.
    assert result.find("dieu-3").text.startswith("Nghị quyết này đã được Hội đồng nhân dân tỉnh Lâm Hà")
    assert result.find("ket-thuc").text.startswith("Nơi nhận:")
    articles = [(a.number, a.title, a.eid) for a in result.find("quy-dinh").iter() if a.kind == "article"]
    assert articles == [
        ("1", "Phạm vi điều chỉnh và đối tượng áp dụng", "quy-dinh-dieu-1"),
        ("2", "Mức chi biên soạn tài liệu", "quy-dinh-dieu-2"),
        ("3", "Mức chi cho hòa giải viên", "quy-dinh-dieu-3"),
        ("3a", "Mức chi cho tổ hòa giải", "quy-dinh-dieu-3a"),
        ("4", "", "quy-dinh-dieu-4"),
        ("5", "Điều khoản thi hành", "quy-dinh-dieu-5"),
    ]
    # "a1)" is a sub-point: kept as text of point a.
    point_a = result.find("quy-dinh-dieu-3-khoan-2-diem-a")
    assert point_a.text.endswith("a1) Trường hợp có hóa đơn chứng từ: thanh toán theo thực tế;")
    assert result.find("quy-dinh-dieu-3-khoan-2-diem-b") is not None
    appendix_2 = result.find("phu-luc-ii")
    assert (appendix_2.number, appendix_2.title) == ("II", "Mức chi đánh giá chuẩn tiếp cận pháp luật")
    assert appendix_2.text.startswith("1. Họp Hội đồng đánh giá")
    assert result.metadata["number"] == "09/2025/NQ-HĐND"
    assert result.metadata["signer"] == "Lê Thị Hoa"


def test_amending_decision_keeps_quoted_articles_inside_its_clauses():
    result = parse_fixture("qd_sua_doi_quy_che.txt")
    assert [a.eid for a in result.articles()] == ["dieu-1", "dieu-2", "dieu-3"]
    clauses = result.find("dieu-1").children
    assert [c.eid for c in clauses] == [
        "dieu-1-khoan-1",
        "dieu-1-khoan-2",
        "dieu-1-khoan-3",
        "dieu-1-khoan-4",
    ]
    assert "“Điều 4. Xây dựng kế hoạch phổ biến, giáo dục pháp luật hằng năm" in clauses[0].text
    assert clauses[1].text.endswith(
        "“g) Bảo đảm bình đẳng giới và quyền tiếp cận thông tin của người khuyết tật.”"
    )
    assert 'b) Đồng thời gửi bản điện tử về Sở Tư pháp."' in clauses[2].text
    assert all(c.children == [] for c in clauses)
    assert clauses[3].text == "Bãi bỏ Điều 8.\nĐiều 5 và Điều 6 của Quy chế giữ nguyên."


def test_plan_without_articles_is_one_text_block_and_a_closing():
    result = parse_fixture("ke_hoach_pbgdpl.txt")
    assert [(n.kind, n.eid) for n in result.nodes] == [("text", "noi-dung"), ("closing", "ket-thuc")]
    assert "Không tìm thấy Điều nào trong văn bản." in result.warnings
    assert result.metadata["doc_type"] == "Kế hoạch"
    assert result.metadata["issued_on"] == "2026-01-05"


def test_attachment_without_its_kem_theo_line_is_still_separated():
    text = (
        "QUYẾT ĐỊNH\nBan hành Điều lệ Hội\n"
        "Điều 1. Ban hành Điều lệ.\n"
        "Điều 2. Quyết định có hiệu lực từ ngày ký./.\n"
        "Nơi nhận:\n- Lưu: VT.\n"
        "CHỦ TỊCH\nPhạm Văn Cường\n"
        "Chương I\nQUY ĐỊNH CHUNG\n"
        "Điều 1. Tên gọi\nHội Luật gia tỉnh.\n"
        "Điều 2. Tôn chỉ\nHội hoạt động vì cộng đồng.\n"
    )
    result = parse_text(text)
    assert [(n.kind, n.eid) for n in result.nodes][-1] == ("attachment", "van-ban-kem-theo")
    assert [a.eid for a in result.articles()] == [
        "dieu-1",
        "dieu-2",
        "van-ban-kem-theo-dieu-1",
        "van-ban-kem-theo-dieu-2",
    ]
    assert result.find("ket-thuc").text.endswith("Phạm Văn Cường")
    assert any("Ban hành kèm theo" in w for w in result.warnings)


def test_metadata_when_a_pdf_merged_the_two_heading_columns():
    text = (
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TỈNH LÂM HÀ Độc lập - Tự do - Hạnh phúc\n"
        "Số: 05/2026/QĐ-UBND Lâm Hà, ngày 09 tháng 01 năm 2026\n"
        "QUYẾT ĐỊNH\nVề việc công bố danh mục văn bản\n"
        "Căn cứ Luật số 72/2025/QH15 ngày 16 tháng 6 năm 2025;\n"
        "Điều 1. Công bố danh mục.\n"
    )
    meta = parse_text(text).metadata
    assert meta["issuer"] == "ỦY BAN NHÂN DÂN TỈNH LÂM HÀ"
    assert meta["number"] == "05/2026/QĐ-UBND"
    assert (meta["place"], meta["issued_on"]) == ("Lâm Hà", "2026-01-09")
    assert meta["title"] == "Về việc công bố danh mục văn bản"
