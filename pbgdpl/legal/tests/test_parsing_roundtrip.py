"""Quality bar: every law of the shared benchmark corpora keeps all its article numbers and titles."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from pbgdpl.legal.parsing.roundtrip import check_law, corpus_files, load_laws, rebuild

BENCH = Path(settings.BASE_DIR).parent / "shared" / "bench"
CORPORA = corpus_files(BENCH) if BENCH.is_dir() else []


@pytest.mark.skipif(not CORPORA, reason=f"benchmark corpora not found under {BENCH}")
@pytest.mark.parametrize("corpus", CORPORA, ids=[p.parent.name for p in CORPORA])
def test_every_article_number_and_title_of_every_benchmark_law_is_recovered_in_order(corpus):
    laws = load_laws([corpus])
    assert laws
    for (_file, number), articles in laws.items():
        check = check_law(articles)
        assert check.missing == [], f"{number}: articles not recovered {check.missing[:10]}"
        assert check.title_mismatches == [], f"{number}: titles differ {check.title_mismatches[:3]}"
        assert check.recovered == check.expected
        assert check.increasing, f"{number}: parsed article numbers do not strictly increase"


def write_corpus(path: Path, rows: list[tuple[str, str]]) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    with open(path / "corpus.jsonl", "w", encoding="utf-8") as handle:
        for article, text in rows:
            row = {
                "_id": f"L||{article}",
                "doc_number": "1/2025/QH15",
                "doc_title": "Luật Mẫu",
                "article": article,
                "text": text,
            }
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


ROWS = [
    ("1", "Phạm vi điều chỉnh\n\nLuật này quy định về mẫu."),
    ("2", "Giải thích từ ngữ\n\n1. Mẫu là vật làm chuẩn.\n\na) Mẫu giấy;\n\nb) Mẫu điện tử."),
    ("3", "Áp dụng\n\nĐiều 2 của Luật này áp dụng cho mọi mẫu.\n\nĐiều 5 và Điều 6 không áp dụng."),
    ("12a", "Điều khoản bổ sung\n\nBổ sung."),
    ("13", "Hiệu lực\nLuật này có hiệu lực từ ngày 01 tháng 01 năm 2026."),
]


def test_rebuild_uses_the_first_line_as_title():
    text = rebuild([{"article": a, "text": t} for a, t in ROWS])
    assert text.startswith(
        "Điều 1. Phạm vi điều chỉnh\nLuật này quy định về mẫu.\n\nĐiều 2. Giải thích từ ngữ\n1. Mẫu"
    )
    assert "Điều 13. Hiệu lực\nLuật này có hiệu lực" in text


def test_parse_check_command_prints_figures_per_law_and_totals(tmp_path):
    corpus = write_corpus(tmp_path / "task", ROWS)
    out = StringIO()
    call_command("parse_check", str(tmp_path), stdout=out)
    output = out.getvalue()
    assert "1/2025/QH15 Luật Mẫu" in output
    assert "TOTAL 1 laws: 5/5 articles (100.00 %), 5/5 titles (100.00 %)" in output
    assert corpus.is_dir()


def test_parse_check_command_fails_when_an_article_is_lost(tmp_path):
    # Article numbers that go backwards cannot all be recovered in order.
    write_corpus(tmp_path / "task", [*ROWS, ("7", "Quay lại\n\nNội dung.")])
    out = StringIO()
    with pytest.raises(CommandError, match="not fully recovered"):
        call_command("parse_check", str(tmp_path / "task"), stdout=out)
    assert "FAIL" in out.getvalue()


def test_parse_check_command_reports_a_missing_corpus(tmp_path):
    with pytest.raises(CommandError, match="No corpus.jsonl"):
        call_command("parse_check", str(tmp_path), stdout=StringIO())


def test_parse_check_on_a_folder_of_documents_is_a_dry_run_of_an_import(tmp_path):
    fixtures = Path(__file__).parent / "fixtures" / "parsing"
    (tmp_path / "qd.txt").write_text((fixtures / "qd_ban_hanh_quy_che.txt").read_text(encoding="utf-8"))
    (tmp_path / "hong.docx").write_bytes(b"not a zip")
    out = StringIO()
    call_command("parse_check", str(tmp_path), stdout=out)
    output = out.getvalue()
    assert "qd.txt: txt, 3 điều, 1 văn bản kèm theo (10 điều), 1 phụ lục, số 27/2025/QĐ-UBND" in output
    assert "hong.docx: KHÔNG ĐỌC ĐƯỢC — Tệp “hong.docx” không phải tệp Word" in output
    assert "TOTAL 2 files, 1 unreadable" in output
