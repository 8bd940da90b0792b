"""Excel import (all or nothing, row-by-row report), export round trip, results export."""

from __future__ import annotations

import io

from openpyxl import Workbook, load_workbook

from pbgdpl.quizzes import spreadsheets
from pbgdpl.quizzes.models import Question, QuestionKind


def workbook(rows) -> bytes:
    wb = Workbook()
    wb.active.append(spreadsheets.COLUMNS)
    for row in rows:
        wb.active.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def row(text="Câu hỏi mẫu?", kind="một đáp án", a="Một", b="Hai", c="", answer="B", level="dễ", **more):
    return [text, kind, a, b, c, "", "", answer, level, more.get("tags", "Dân sự"), "", more.get("number", ""),
            "", ""]


def test_template_imports_cleanly(db):
    imported, notes = spreadsheets.import_questions(spreadsheets.template_workbook())
    # The demo laws are not loaded here: the cited documents are noted, not blocking.
    assert imported == 3 and not any(n.blocking for n in notes)
    multi = Question.objects.get(kind=QuestionKind.MULTIPLE)
    assert [c.is_correct for c in multi.choices.all()] == [True, False, True]
    tf = Question.objects.get(kind=QuestionKind.TRUE_FALSE)
    assert [(c.text, c.is_correct) for c in tf.choices.all()] == [("Đúng", True), ("Sai", False)]


def test_one_bad_row_imports_nothing_and_reports_each_problem(db):
    data = workbook([
        row("Câu đúng?"),
        row("Câu thiếu đáp án?", answer=""),
        row("Câu sai loại?", kind="tự luận"),
        row("Câu đáp án không khớp?", answer="D"),
        row("Câu đúng?"),
        row("Câu một đáp án nhưng hai?", answer="A,B"),
        row("Văn bản lạ?", number="999/2099/QH99"),
        row("Câu không có phương án?", a="", b="", answer="A"),
    ])
    imported, errors = spreadsheets.import_questions(data)
    assert imported == 0 and Question.objects.count() == 0
    assert [(e.row, e.column) for e in errors] == [
        (3, "Đáp án đúng"), (4, "Loại"), (5, "Đáp án đúng"), (6, "Câu hỏi"), (7, "Đáp án đúng"), (8, "Số hiệu văn bản"),
        (9, "Phương án A"), (9, "Đáp án đúng")]
    assert [e.blocking for e in errors] == [True] * 5 + [False, True, True]
    assert "dòng 2" in errors[3].reason


def test_not_an_excel_file(db):
    imported, errors = spreadsheets.import_questions(b"not a spreadsheet")
    assert imported == 0 and "không phải bảng tính" in errors[0].reason


def test_export_then_import_round_trip(db, bank):
    exported = spreadsheets.export_questions()
    texts = sorted(Question.objects.values_list("text", flat=True))
    Question.objects.all().delete()
    imported, errors = spreadsheets.import_questions(exported)
    assert errors == [] and imported == len(texts)
    assert sorted(Question.objects.values_list("text", flat=True)) == texts


def test_results_export_lists_every_attempt_with_statistics(round_):
    import datetime

    from pbgdpl.quizzes import services

    from .factories import NOW, answer_all, make_contestant

    attempt = services.start_attempt(make_contestant("Cao Thị Uyên"), round_, now=NOW)
    answer_all(attempt, right=5)
    services.submit_attempt(attempt.pk, now=NOW + datetime.timedelta(seconds=50), prediction=1)
    closed = services.close_round(round_, now=round_.closes_at)
    wb = load_workbook(io.BytesIO(spreadsheets.export_round_results(closed)))
    rows = list(wb["Kết quả"].iter_rows(values_only=True))
    assert rows[1][:3] == (1, "Giải Nhất", "Cao Thị Uyên") and rows[1][9] == 5
    assert ("Số người tham gia", 1) in list(wb["Thống kê"].iter_rows(values_only=True))


def test_pools_and_formula_looking_text_survive_the_round_trip(db):
    from .factories import QuestionFactory

    QuestionFactory(text="=1+1 là bao nhiêu?", pool="practice")
    QuestionFactory(text="-5 độ C là nhiệt độ âm?")
    exported = spreadsheets.export_questions()
    cells = [row for row in load_workbook(io.BytesIO(exported)).active.iter_rows(min_row=2)]
    assert {c[0].value for c in cells} == {"'=1+1 là bao nhiêu?", "'-5 độ C là nhiệt độ âm?"}
    assert all(c[0].data_type == "s" for c in cells)
    Question.objects.all().delete()
    imported, errors = spreadsheets.import_questions(exported)
    assert imported == 2 and errors == []
    assert dict(Question.objects.values_list("text", "pool")) == {"=1+1 là bao nhiêu?": "practice",
                                                                  "-5 độ C là nhiệt độ âm?": "contest"}
