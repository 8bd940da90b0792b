"""Text extraction from uploaded files: TXT encodings, DOCX (paragraphs, tables, numbering), PDF, OCR."""

import unicodedata
from pathlib import Path

import docx
import pytest
from fontpkg_be_vietnam_pro import __file__ as font_package

from pbgdpl.legal.parsing import ExtractionError, extract_text, parse_text, pdf_text

FONT = Path(font_package).parent / "files" / "BeVietnamPro-Regular.ttf"

DECISION = [
    "ỦY BAN NHÂN DÂN TỈNH LÂM HÀ",
    "Số: 12/2025/QĐ-UBND",
    "QUYẾT ĐỊNH",
    "Về việc ban hành Quy định về hòa giải ở cơ sở",
    "Căn cứ Luật Hòa giải ở cơ sở ngày 20 tháng 6 năm 2013;",
    "QUYẾT ĐỊNH:",
    "Điều 1. Phạm vi điều chỉnh",
    "Quyết định này quy định về hỗ trợ hòa giải viên.",
    "Điều 2. Đối tượng áp dụng",
    "1. Hòa giải viên ở cơ sở.",
    "2. Tổ hòa giải:",
    "a) Tổ trưởng;",
    "đ) Thành viên khác.",
]

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text: str) -> bytes:
    """Encode like old Vietnamese Windows files: precomposed base letters + combining tone marks."""
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out.append(base + "".join(c for c in parts if c in _TONES))
    return "".join(out).encode("cp1258")


# -- TXT -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: s.encode("utf-8"),
        lambda s: s.encode("utf-8-sig"),
        lambda s: s.encode("utf-16"),
        lambda s: s.encode("utf-16-le"),
        lambda s: unicodedata.normalize("NFD", s).encode("utf-8"),
        to_cp1258,
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le-no-bom", "utf8-nfd", "cp1258"],
)
def test_txt_in_any_common_encoding_reads_as_the_same_nfc_text(tmp_path, encode):
    path = tmp_path / "qd.txt"
    path.write_bytes(encode("\r\n".join(DECISION)))
    extracted = extract_text(path)
    assert extracted.method == "txt"
    assert extracted.text.rstrip("\n").split("\n") == DECISION
    assert [a.title for a in parse_text(extracted.text).articles()] == [
        "Phạm vi điều chỉnh",
        "Đối tượng áp dụng",
    ]


def test_cp1258_is_flagged_for_review(tmp_path):
    path = tmp_path / "cu.txt"
    path.write_bytes(to_cp1258("\n".join(DECISION)))
    extracted = extract_text(path)
    assert extracted.needs_review
    assert any("1258" in w for w in extracted.warnings)


# -- DOCX ------------------------------------------------------------------------------------------


def make_docx(path: Path) -> Path:
    document = docx.Document()
    heading = document.add_table(rows=1, cols=2)
    heading.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nTỈNH LÂM HÀ"
    heading.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    for line in DECISION[1:9]:
        document.add_paragraph(line)
    # Clauses numbered automatically by Word: the "1." is not in the paragraph text.
    document.add_paragraph("Hòa giải viên ở cơ sở.", style="List Number")
    document.add_paragraph("Tổ hòa giải.", style="List Number")
    document.add_paragraph("PHỤ LỤC I")
    document.add_paragraph("MỨC CHI")
    data = document.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [["STT", "Nội dung", "Mức chi"], ["1", "Thù lao", "300.000"], ["2", "Hỗ trợ", "200.000"]]
    ):
        for c, value in enumerate(row):
            data.cell(r, c).text = value
    document.add_paragraph("Ghi chú: mức chi tối đa.")
    document.save(path)
    return path


def test_docx_paragraphs_and_tables_come_out_in_body_order(tmp_path):
    extracted = extract_text(make_docx(tmp_path / "qd.docx"))
    assert extracted.method == "docx" and not extracted.needs_review
    lines = extracted.text.rstrip("\n").split("\n")
    # Layout table (heading block) cell by cell, one line per paragraph.
    assert lines[:4] == [
        "ỦY BAN NHÂN DÂN",
        "TỈNH LÂM HÀ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    assert lines[4:12] == DECISION[1:9]
    assert lines[12:14] == ["1. Hòa giải viên ở cơ sở.", "2. Tổ hòa giải."]
    # Data table one row per line, between the paragraphs around it.
    assert lines[14:] == [
        "PHỤ LỤC I",
        "MỨC CHI",
        "STT | Nội dung | Mức chi",
        "1 | Thù lao | 300.000",
        "2 | Hỗ trợ | 200.000",
        "Ghi chú: mức chi tối đa.",
    ]
    result = parse_text(extracted.text)
    assert [c.eid for c in result.find("dieu-2").children] == ["dieu-2-khoan-1", "dieu-2-khoan-2"]
    assert result.find("phu-luc-i").text.startswith("STT | Nội dung | Mức chi")


def test_broken_or_unsupported_files_raise_a_clear_vietnamese_error(tmp_path):
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ExtractionError, match="không phải tệp Word"):
        extract_text(broken)
    old = tmp_path / "cu.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ExtractionError, match=r"\.docx"):
        extract_text(old)
    unknown = tmp_path / "x.xyz"
    unknown.write_text("x")
    with pytest.raises(ExtractionError, match="chưa được hỗ trợ"):
        extract_text(unknown)
    bad_pdf = tmp_path / "hong.pdf"
    bad_pdf.write_bytes(b"%PDF-1.4 garbage")
    with pytest.raises(ExtractionError, match="PDF"):
        extract_text(bad_pdf)
    with pytest.raises(ExtractionError, match="Không tìm thấy"):
        extract_text(tmp_path / "khong-co.txt")


# -- PDF -------------------------------------------------------------------------------------------


def make_text_pdf(path: Path, lines: list[str]) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("bvp", fname=str(FONT))
    pdf.set_font("bvp", size=11)
    for line in lines:
        pdf.cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def test_pdf_with_a_text_layer(tmp_path):
    # The first article's body is hard-wrapped as PDF layouts do; extraction joins it back.
    lines = DECISION[:7] + ["Quyết định này quy định về hỗ trợ", "hòa giải viên."] + DECISION[8:]
    extracted = extract_text(make_text_pdf(tmp_path / "qd.pdf", lines))
    assert extracted.method == "pdf" and not extracted.needs_review
    assert extracted.text == unicodedata.normalize("NFC", extracted.text)
    assert extracted.text.rstrip("\n").split("\n") == DECISION
    result = parse_text(extracted.text)
    assert result.find("dieu-2-khoan-2-diem-dd").text == "Thành viên khác."


def test_unwrap_keeps_points_headings_and_sentences_apart():
    text = "Điều 3. Trách nhiệm của Sở\nTư pháp\n1. Chủ trì phối hợp với các\ncơ quan:\na) Lập kế hoạch;\nb) Báo cáo."
    assert pdf_text.unwrap_lines(text).split("\n") == [
        "Điều 3. Trách nhiệm của Sở",
        "Tư pháp",
        "1. Chủ trì phối hợp với các cơ quan:",
        "a) Lập kế hoạch;",
        "b) Báo cáo.",
    ]


def make_scanned_pdf(path: Path, lines: list[str]) -> Path:
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT), 36)
    image = Image.new("L", (1700, 80 + 60 * len(lines)), 255)
    draw = ImageDraw.Draw(image)
    for index, line in enumerate(lines):
        draw.text((60, 40 + 60 * index), line, font=font, fill=0)
    image.save(path, "PDF", resolution=200.0)
    return path


SCAN = [
    "Điều 1. Phạm vi điều chỉnh",
    "Quyết định này quy định về hòa giải ở cơ sở.",
    "Điều 2. Hiệu lực thi hành",
]


def test_scanned_pdf_is_read_by_ocr_and_flagged_for_review(tmp_path):
    if not pdf_text.ocr_available():
        pytest.skip("tesseract with the Vietnamese language (tesseract-ocr-vie) is not installed")
    extracted = extract_text(make_scanned_pdf(tmp_path / "scan.pdf", SCAN))
    assert extracted.method == "ocr"
    assert extracted.needs_review
    assert any("OCR" in w for w in extracted.warnings)
    assert "Phạm vi điều chỉnh" in extracted.text
    assert [(a.number, a.title) for a in parse_text(extracted.text).articles()] == [
        ("1", "Phạm vi điều chỉnh"),
        ("2", "Hiệu lực thi hành"),
    ]


def test_scanned_pdf_without_ocr_engine_is_flagged_with_empty_text(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_text, "ocr_available", lambda: False)
    extracted = extract_text(make_scanned_pdf(tmp_path / "scan.pdf", SCAN[:1]))
    assert extracted.text == ""
    assert extracted.needs_review
    assert "tesseract" in extracted.warnings[0] and "biên tập viên" in extracted.warnings[0]


# -- a whole provincial decision through DOCX and PDF ----------------------------------------------

FIXTURE = Path(__file__).parent / "fixtures" / "parsing" / "qd_ban_hanh_quy_che.txt"


def tree(result) -> list[tuple[str, str, str]]:
    return [(node.kind, node.eid, node.title) for node in result.iter()]


def make_decision_docx(path: Path) -> Path:
    """The fixture decision laid out as Word documents are: heading and signature blocks in 2-column
    tables, the appendix's data in a real table."""
    lines = [line for line in FIXTURE.read_text(encoding="utf-8").split("\n") if line.strip()]
    document = docx.Document()
    i = 0

    def two_columns(left: list[str], right: list[str]) -> None:
        table = document.add_table(rows=1, cols=2)
        table.cell(0, 0).text = "\n".join(left)
        table.cell(0, 1).text = "\n".join(right)

    while i < len(lines):
        line = lines[i]
        if line in ("ỦY BAN NHÂN DÂN",) and lines[i + 3] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM":
            two_columns(lines[i : i + 3], lines[i + 3 : i + 6])
            i += 6
        elif line == "Nơi nhận:":
            end = lines.index("TM. ỦY BAN NHÂN DÂN", i)
            two_columns(lines[i:end], lines[end : end + 4])
            i = end + 4
        elif line.startswith("STT |"):
            rows = [row.split(" | ") for row in lines[i:] if " | " in row]
            table = document.add_table(rows=len(rows), cols=4)
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value.strip()
            i += len(rows)
        else:
            document.add_paragraph(line)
            i += 1
    document.save(path)
    return path


def test_decision_in_docx_parses_like_its_text(tmp_path):
    extracted = extract_text(make_decision_docx(tmp_path / "qd.docx"))
    expected = parse_text(FIXTURE.read_text(encoding="utf-8"))
    result = parse_text(extracted.text)
    assert tree(result) == tree(expected)
    assert result.find("ket-thuc").text.endswith("PHÓ CHỦ TỊCH\nTrần Văn Bình")
    assert result.metadata["signer"] == "Trần Văn Bình"
    assert "2 | Số lượt người tham dự | Lượt người" in result.find("phu-luc-i").text


def test_decision_in_a_pdf_with_wrapped_lines_parses_like_its_text(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("bvp", fname=str(FONT))
    pdf.set_font("bvp", size=11)
    source = FIXTURE.read_text(encoding="utf-8")
    for line in source.split("\n"):
        if line.strip():
            pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")  # wraps long paragraphs
    pdf.output(str(tmp_path / "qd.pdf"))
    extracted = extract_text(tmp_path / "qd.pdf")
    assert extracted.method == "pdf"
    assert tree(parse_text(extracted.text)) == tree(parse_text(source))
    # Hard line breaks inside paragraphs are joined back.
    assert [" ".join(x.split()) for x in extracted.text.split("\n") if x.strip()] == [
        " ".join(x.split()) for x in source.split("\n") if x.strip()
    ]


def test_docx_keeps_tracked_insertions_and_soft_breaks_and_drops_deletions(tmp_path):
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    # "Chương I" and its title separated by a soft line break (Shift+Enter) in one paragraph.
    chapter = document.add_paragraph("Chương I")
    chapter.runs[0].add_break()
    chapter.add_run("QUY ĐỊNH CHUNG")
    article = document.add_paragraph("Điều 1. Phạm vi ")
    article._p.append(parse_xml(f'<w:ins {w} w:id="1" w:author="A"><w:r><w:t>điều chỉnh</w:t></w:r></w:ins>'))
    article._p.append(
        parse_xml(f'<w:del {w} w:id="2" w:author="A"><w:r><w:delText> cũ</w:delText></w:r></w:del>')
    )
    document.add_paragraph("Quy chế này quy định về phối hợp.")
    # A block-level content control (forms, templates) holding a paragraph.
    document.element.body.insert(
        len(document.element.body) - 1,
        parse_xml(
            f"<w:sdt {w}><w:sdtContent><w:p><w:r><w:t>Điều 2. Đối tượng áp dụng</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        ),
    )
    document.save(tmp_path / "tracked.docx")
    extracted = extract_text(tmp_path / "tracked.docx")
    assert extracted.text.rstrip("\n").split("\n") == [
        "Chương I",
        "QUY ĐỊNH CHUNG",
        "Điều 1. Phạm vi điều chỉnh",
        "Quy chế này quy định về phối hợp.",
        "Điều 2. Đối tượng áp dụng",
    ]
    result = parse_text(extracted.text)
    assert (result.find("chuong-i").title, result.find("dieu-1").title) == (
        "QUY ĐỊNH CHUNG",
        "Phạm vi điều chỉnh",
    )


@pytest.mark.parametrize(
    ("legacy_text", "name"),
    [
        (
            "Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc\n§iÒu 1. Ph¹m vi ®iÒu chØnh",
            "TCVN3",
        ),
        (
            "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\nÑoäc laäp - Töï do - Haïnh phuùc\nÑieàu 1. Phaïm vi ñieàu chænh",
            "VNI",
        ),
    ],
)
def test_text_typed_with_a_legacy_vietnamese_font_is_flagged(tmp_path, legacy_text, name):
    path = tmp_path / "cu.docx"
    document = docx.Document()
    for line in legacy_text.split("\n"):
        document.add_paragraph(line)
    document.save(path)
    extracted = extract_text(path)
    assert extracted.needs_review
    assert any(name in w and "Unicode" in w for w in extracted.warnings)
    # Real Vietnamese text is never flagged.
    clean = tmp_path / "moi.txt"
    clean.write_text("\n".join(DECISION), encoding="utf-8")
    assert extract_text(clean).warnings == []


def test_pdf_mixing_text_pages_and_a_scanned_page(tmp_path):
    from pypdf import PdfWriter

    text_pdf = make_text_pdf(tmp_path / "text.pdf", DECISION[:8])
    scan_pdf = make_scanned_pdf(tmp_path / "scan.pdf", ["Điều 2. Hiệu lực thi hành"])
    short_pdf = make_text_pdf(tmp_path / "short.pdf", ["Lê Văn An"])  # a last page with only a name
    writer = PdfWriter()
    for part in (text_pdf, scan_pdf, short_pdf):
        writer.append(str(part))
    writer.write(tmp_path / "mixed.pdf")
    extracted = extract_text(tmp_path / "mixed.pdf")
    assert extracted.needs_review
    assert extracted.warnings[0].startswith("Trang 2 của PDF không có lớp chữ")
    lines = extracted.text.rstrip("\n").split("\n")
    assert lines[:8] == DECISION[:8]
    assert lines[-1] == "Lê Văn An"
    if pdf_text.ocr_available():
        assert extracted.method == "ocr"
        assert [a.number for a in parse_text(extracted.text).articles()] == ["1", "2"]
    else:
        assert extracted.method == "pdf" and "tesseract" in extracted.warnings[0]


def test_pdf_mixing_text_and_scan_without_ocr_keeps_the_text_pages(tmp_path, monkeypatch):
    from pypdf import PdfWriter

    monkeypatch.setattr(pdf_text, "ocr_available", lambda: False)
    writer = PdfWriter()
    writer.append(str(make_text_pdf(tmp_path / "text.pdf", DECISION[:8])))
    writer.append(str(make_scanned_pdf(tmp_path / "scan.pdf", ["Điều 2. Hiệu lực thi hành"])))
    writer.write(tmp_path / "mixed.pdf")
    extracted = extract_text(tmp_path / "mixed.pdf")
    assert (extracted.method, extracted.needs_review) == ("pdf", True)
    assert extracted.text.rstrip("\n").split("\n") == DECISION[:8]
    assert "Trang 2" in extracted.warnings[0] and "tesseract" in extracted.warnings[0]
