"""import_documents: JSON Lines and CSV, idempotent, every bad input reported with line and field."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from pbgdpl.legal.importing import import_documents
from pbgdpl.legal.models import Issuer, LegalDocument, Relation

from .factories import LAW_TEXT


def row(number="45/2019/QH14", **values):
    data = {
        "number": number, "type": "Bộ luật", "issuer": "Quốc hội", "title": "Bộ luật Lao động",
        "fields": ["Lao động"], "issued_on": "2019-11-20", "effective_from": "01/01/2021", "text": LAW_TEXT,
    }
    data.update(values)
    return data


def write_jsonl(path, rows):
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def reasons(report):
    return {(r.line, r.field): r.message for r in report.rejected}


@pytest.mark.django_db
def test_jsonl_import_creates_documents_and_resolves_relations_after_all_rows(tmp_path):
    source = write_jsonl(tmp_path / "docs.jsonl", [
        row(relations=[{"predicate": "replaces", "object_number": "10/2012/QH13", "effective_on": "2021-01-01"}]),
        row("10/2012/QH13", issued_on="2012-06-18", effective_from="2013-05-01"),
    ])
    report = import_documents(source, progress=False)
    assert report.rejected == []
    assert len(report.created) == 2
    new = LegalDocument.objects.get(number="45/2019/QH14")
    assert new.live and new.fields.get().name == "Lao động"
    assert new.current_version.provisions.articles().count() == 3
    relation = Relation.objects.get()
    assert (relation.subject, relation.object.number, relation.predicate) == (new, "10/2012/QH13", "replaces")


@pytest.mark.django_db
def test_reimport_is_idempotent_and_only_a_changed_text_makes_a_version(tmp_path):
    source = write_jsonl(tmp_path / "docs.jsonl", [row()])
    import_documents(source, progress=False)
    again = import_documents(source, progress=False)
    assert (len(again.created), len(again.updated), len(again.unchanged)) == (0, 0, 1)
    document = LegalDocument.objects.get()
    assert document.versions.count() == 1
    revisions = document.revisions.count()

    write_jsonl(source, [row(text=LAW_TEXT.replace("thử nghiệm", "thí điểm"))])
    changed = import_documents(source, progress=False)
    assert len(changed.updated) == 1
    assert document.versions.count() == 2
    assert LegalDocument.objects.count() == 1
    assert document.revisions.count() == revisions + 1


@pytest.mark.django_db
def test_every_bad_row_is_reported_with_its_line_and_field_and_good_rows_go_in(tmp_path):
    source = write_jsonl(tmp_path / "docs.jsonl", [
        row("1/2020/QH14"),                                              # 1 good
        '{"number": "2/2020/QH14", "title": ',                            # 2 malformed JSON
        row("3/2020/QH14", type="Luật lệ"),                              # 3 unknown type
        row("4/2020/QH14", issuer="Bộ Không Tồn Tại"),                   # 4 unknown issuer
        row("5/2020/QH14", issued_on="31/02/2020"),                      # 5 impossible date
        row("6/2020/QH14", effective_to="2020-01-01"),                   # 6 expiry before effective
        row("7/2020/QH14", relations=[{"predicate": "amends", "object_number": "99/1999/QH10"}]),  # 7
        row("8/2020/QH14", relations=[{"predicate": "sửa", "object_number": "1/2020/QH14"}]),     # 8
        row("9/2020/QH14", file="khong-co.docx", text=None),            # 9 missing file
        row("1/2020/QH14"),                                              # 10 duplicate of line 1
    ])
    report = import_documents(source, progress=False)
    got = reasons(report)
    assert set(got) == {(2, "(JSON)"), (3, "type"), (4, "issuer"), (5, "issued_on"), (6, "effective_to"),
                        (7, "relations"), (8, "relations"), (9, "file"), (10, "number")}
    assert "Luật lệ" in got[(3, "type")]
    assert "--create-issuers" in got[(4, "issuer")]
    assert "31/02/2020" in got[(5, "issued_on")]
    assert got[(6, "effective_to")] == "ngày hết hiệu lực phải sau ngày có hiệu lực."
    assert "99/1999/QH10" in got[(7, "relations")]
    assert "khong-co.docx" in got[(9, "file")]
    assert "dòng 1" in got[(10, "number")]
    # Nothing of a rejected row was written; the good row is in.
    assert list(LegalDocument.objects.values_list("number", flat=True)) == ["1/2020/QH14"]


@pytest.mark.django_db
def test_create_issuers_option_adds_the_unknown_issuer(tmp_path):
    source = write_jsonl(tmp_path / "docs.jsonl", [row("4/2020/QĐ-UBND", type="Quyết định",
                                                       issuer="UBND xã Tân Hưng", scope="commune")])
    report = import_documents(source, create_issuers=True, progress=False)
    assert report.rejected == []
    issuer = Issuer.objects.get(name="UBND xã Tân Hưng")
    assert issuer.scope == "commune"
    assert LegalDocument.objects.get().issuer == issuer


@pytest.mark.django_db
def test_relation_to_a_rejected_row_rejects_the_citing_row_too(tmp_path):
    source = write_jsonl(tmp_path / "docs.jsonl", [
        row("10/2012/QH13", issued_on="không rõ"),
        row(relations=[{"predicate": "replaces", "object_number": "10/2012/QH13"}]),
    ])
    report = import_documents(source, progress=False)
    assert set(reasons(report)) == {(1, "issued_on"), (2, "relations")}
    assert not LegalDocument.objects.exists()


@pytest.mark.django_db
def test_csv_with_docx_and_txt_files_beside_it(tmp_path):
    import docx

    word = docx.Document()
    for line in LAW_TEXT.split("\n"):
        word.add_paragraph(line)
    word.save(tmp_path / "qd-12.docx")
    (tmp_path / "kh-145.txt").write_text("KẾ HOẠCH\nPhổ biến, giáo dục pháp luật năm 2026\nI. MỤC ĐÍCH\n1. Nội dung.",
                                        encoding="utf-8")
    (tmp_path / "hong.pdf").write_bytes(b"this is not a pdf")
    (tmp_path / "docs.csv").write_text(
        "number,type,issuer,title,fields,issued_on,effective_from,file,relations\n"
        "12/2024/QĐ-UBND,Quyết định,Ủy ban nhân dân tỉnh,Ban hành Quy chế,\"Phổ biến, giáo dục pháp luật\","
        "15/03/2024,25/03/2024,qd-12.docx,\n"
        "145/KH-UBND,Kế hoạch,Ủy ban nhân dân tỉnh,Kế hoạch PBGDPL 2026,,20/01/2026,20/01/2026,kh-145.txt,"
        "based_on 12/2024/QĐ-UBND@uy-ban-nhan-dan-tinh\n"
        "13/2024/QĐ-UBND,Quyết định,Ủy ban nhân dân tỉnh,Tệp hỏng,,15/03/2024,25/03/2024,hong.pdf,\n",
        encoding="utf-8",
    )
    report = import_documents(tmp_path / "docs.csv", progress=False)
    assert [(r.line, r.field) for r in report.rejected] == [(4, "file")]
    assert "hong.pdf" in report.rejected[0].message
    decision = LegalDocument.objects.get(number="12/2024/QĐ-UBND")
    assert decision.scope == "provincial"
    assert decision.current_version.extraction_method == "docx"
    assert decision.current_version.source_file == "qd-12.docx"
    assert decision.current_version.provisions.filter(eid="dieu-2-khoan-2-diem-b").exists()
    plan = LegalDocument.objects.get(number="145/KH-UBND")
    assert plan.outgoing_relations.get().object == decision


@pytest.mark.django_db
def test_command_prints_a_report_naming_each_rejected_row(tmp_path):
    source = write_jsonl(tmp_path / "docs.jsonl", [row(), row("2/2020/QH14", issued_on="2020-13-01")])
    out = StringIO()
    call_command("import_documents", str(source), "--no-progress", stdout=out)
    text = out.getvalue()
    assert "Thêm mới 1, cập nhật 0, không đổi 0, bị từ chối 1." in text
    assert "docs.jsonl dòng 2 — issued_on: ngày “2020-13-01” không hợp lệ" in text


@pytest.mark.django_db
def test_command_refuses_a_missing_path_without_traceback(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Không tìm thấy"):
        call_command("import_documents", str(tmp_path / "khong-co.jsonl"))
