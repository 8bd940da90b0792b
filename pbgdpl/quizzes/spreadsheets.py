"""Excel import/export of the question bank and the XLSX export of a round's results.

Import is all-or-nothing: every row is checked first, and if any row has a problem nothing is
saved and the report lists each problem with its row number, column and a Vietnamese reason.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from django.db import transaction
from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from pbgdpl.core.exports import FORMULA_TRIGGERS, append_row

from .models import Attempt, Choice, Difficulty, Pool, Question, QuestionKind, Round

COLUMNS = ["Câu hỏi", "Loại", "Phương án A", "Phương án B", "Phương án C", "Phương án D", "Phương án E",
           "Đáp án đúng", "Độ khó", "Lĩnh vực", "Giải thích", "Số hiệu văn bản", "Mã điều khoản", "Căn cứ pháp lý",
           "Dùng cho"]
LETTERS = "ABCDE"
KINDS = {"một đáp án": QuestionKind.SINGLE, "nhiều đáp án": QuestionKind.MULTIPLE, "đúng/sai": QuestionKind.TRUE_FALSE}
KIND_NAMES = {v: k for k, v in KINDS.items()}
LEVELS = {"dễ": Difficulty.EASY, "trung bình": Difficulty.MEDIUM, "khó": Difficulty.HARD}
LEVEL_NAMES = {v: k for k, v in LEVELS.items()}
# A question serves contests or practice, never both (a practice quiz shows its answers to anyone).
POOLS = {"": Pool.CONTEST, "thi": Pool.CONTEST, "luyện tập": Pool.PRACTICE}
POOL_NAMES = {Pool.CONTEST: "thi", Pool.PRACTICE: "luyện tập"}
MAX_ROWS = 5000


@dataclass
class RowError:
    row: int
    column: str
    reason: str
    blocking: bool = True


def template_workbook() -> bytes:
    """The import template: headers, one example row per question type, and a sheet of instructions."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Câu hỏi"
    append_row(ws, COLUMNS)
    append_row(ws, ["Độ tuổi kết hôn của nam là bao nhiêu?", "một đáp án", "Từ đủ 18 tuổi", "Từ đủ 20 tuổi",
                    "Từ đủ 21 tuổi", "", "", "B", "dễ", "Hôn nhân và gia đình", "Nam từ đủ 20 tuổi trở lên.",
                    "52/2014/QH13", "dieu-8", "Điều 8 Luật Hôn nhân và gia đình 2014", "thi"])
    append_row(ws, ["Tài sản nào là tài sản riêng của vợ, chồng?", "nhiều đáp án", "Tài sản có trước khi kết hôn",
                    "Tiền lương trong thời kỳ hôn nhân", "Tài sản được thừa kế riêng", "", "", "A,C", "trung bình",
                    "Hôn nhân và gia đình", "", "52/2014/QH13", "dieu-43", "Điều 43 Luật Hôn nhân và gia đình 2014",
                    "thi"])
    append_row(ws, ["Giờ làm việc ban đêm tính từ 22 giờ đến 06 giờ sáng hôm sau.", "đúng/sai", "", "", "", "", "",
                    "Đúng", "dễ", "Lao động", "", "45/2019/QH14", "dieu-106", "Điều 106 Bộ luật Lao động 2019",
                    "luyện tập"])
    help_ws = wb.create_sheet("Hướng dẫn")
    for line in [
        "Mỗi dòng của trang 'Câu hỏi' là một câu hỏi; giữ nguyên dòng tiêu đề.",
        "Loại: 'một đáp án', 'nhiều đáp án' hoặc 'đúng/sai' (đúng/sai không cần điền phương án).",
        "Đáp án đúng: chữ cái của phương án (A, B, ...); nhiều đáp án cách nhau bằng dấu phẩy; đúng/sai ghi 'Đúng' hoặc 'Sai'.",
        "Độ khó: 'dễ', 'trung bình' hoặc 'khó'. Lĩnh vực: cách nhau bằng dấu phẩy.",
        "Số hiệu văn bản và mã điều khoản (ví dụ dieu-8) tạo đường dẫn đến điều luật trên Cổng.",
        "Dùng cho: 'thi' (để trống cũng là 'thi') hoặc 'luyện tập'. Câu luyện tập hiện đáp án cho mọi người "
        "nên không bao giờ được rút vào đợt thi; muốn dùng cả hai, sao chép câu hỏi sang nhóm kia trong "
        "Ngân hàng câu hỏi.",
        "Nếu có dòng sai, không câu hỏi nào được nhập; sửa các dòng trong báo cáo lỗi rồi nhập lại.",
    ]:
        append_row(help_ws, [line])
    return _save(wb)


def _save(wb: Workbook) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _text(value) -> str:
    text = "" if value is None else " ".join(str(value).split())
    # Undo the apostrophe our exports put before text that looks like a formula (round trip).
    if text.startswith("'") and text[1:].startswith(FORMULA_TRIGGERS):
        return text[1:]
    return text


def parse_questions(data: bytes) -> tuple[list[dict], list[RowError]]:
    """Read and check every row; return (questions ready to save, problems)."""
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError):
        return [], [RowError(0, "", "Tệp không phải bảng tính Excel (.xlsx) hợp lệ.")]
    ws = wb.worksheets[0]
    rows = ws.iter_rows(values_only=True)
    header = [_text(v) for v in next(rows, ())]
    missing = [c for c in ("Câu hỏi", "Loại", "Đáp án đúng", "Độ khó") if c not in header]
    if missing:
        return [], [RowError(1, ", ".join(missing), "Thiếu cột bắt buộc; hãy dùng tệp mẫu.")]
    index = {name: header.index(name) for name in COLUMNS if name in header}
    from pbgdpl.legal.models import LegalDocument

    parsed, errors, seen = [], [], {}
    for number, raw in enumerate(rows, start=2):
        if number > MAX_ROWS + 1:
            errors.append(RowError(number, "", f"Mỗi lần nhập tối đa {MAX_ROWS} câu hỏi."))
            break
        cell = {name: _text(raw[i]) if i < len(raw) else "" for name, i in index.items()}
        if not any(cell.values()):
            continue
        row_errors = []
        text = cell.get("Câu hỏi", "")
        if not text:
            row_errors.append(RowError(number, "Câu hỏi", "Chưa có nội dung câu hỏi."))
        elif text.lower() in seen:
            row_errors.append(RowError(number, "Câu hỏi", f"Trùng với câu hỏi ở dòng {seen[text.lower()]}."))
        else:
            seen[text.lower()] = number
        kind = KINDS.get(cell.get("Loại", "").lower())
        if kind is None:
            row_errors.append(RowError(number, "Loại", "Phải là 'một đáp án', 'nhiều đáp án' hoặc 'đúng/sai'."))
        level = LEVELS.get(cell.get("Độ khó", "").lower())
        if level is None:
            row_errors.append(RowError(number, "Độ khó", "Phải là 'dễ', 'trung bình' hoặc 'khó'."))
        answer = cell.get("Đáp án đúng", "")
        choices: list[tuple[str, bool]] = []
        if kind == QuestionKind.TRUE_FALSE:
            if answer.lower() not in {"đúng", "sai"}:
                row_errors.append(RowError(number, "Đáp án đúng", "Câu đúng/sai cần ghi 'Đúng' hoặc 'Sai'."))
            choices = [("Đúng", answer.lower() == "đúng"), ("Sai", answer.lower() == "sai")]
        elif kind is not None:
            options = [(letter, cell.get(f"Phương án {letter}", "")) for letter in LETTERS]
            filled = [(letter, t) for letter, t in options if t]
            letters = [a.strip().upper() for a in answer.replace(";", ",").split(",") if a.strip()]
            if len(filled) < 2:
                row_errors.append(RowError(number, "Phương án A", "Cần ít nhất 2 phương án."))
            if not letters:
                row_errors.append(RowError(number, "Đáp án đúng", "Chưa ghi đáp án đúng (chữ cái A–E)."))
            elif any(letter not in dict(filled) for letter in letters):
                row_errors.append(RowError(number, "Đáp án đúng", f"Đáp án '{answer}' không khớp phương án nào đã điền."))
            elif kind == QuestionKind.SINGLE and len(letters) > 1:
                row_errors.append(RowError(number, "Đáp án đúng", "Câu một đáp án chỉ được có một đáp án đúng."))
            choices = [(t, letter in letters) for letter, t in filled]
        pool = POOLS.get(cell.get("Dùng cho", "").lower())
        if pool is None:
            row_errors.append(RowError(number, "Dùng cho", "Phải là 'thi' hoặc 'luyện tập' (để trống là 'thi')."))
        document = None
        doc_number = cell.get("Số hiệu văn bản", "")
        if doc_number:
            document = LegalDocument.objects.filter(number__iexact=doc_number).first()
            if document is None:
                # Not blocking: the cited label is kept; the link can be added once the document is published.
                errors.append(RowError(number, "Số hiệu văn bản", f"Chưa có văn bản số {doc_number} trên Cổng: "
                                       "câu hỏi được nhập nhưng chưa có đường dẫn đến điều luật.", blocking=False))
        errors += row_errors
        if not row_errors:
            parsed.append({"pool": pool, "text": text, "kind": kind, "difficulty": level,
                           "tags": cell.get("Lĩnh vực", ""),
                           "explanation": cell.get("Giải thích", ""), "cite_document": document,
                           "cite_eid": cell.get("Mã điều khoản", ""), "cite_label": cell.get("Căn cứ pháp lý", ""),
                           "choices": choices})
    if not parsed and not errors:
        errors.append(RowError(2, "", "Tệp không có câu hỏi nào."))
    return parsed, errors


@transaction.atomic
def save_questions(parsed: list[dict]) -> int:
    for item in parsed:
        choices = item.pop("choices")
        question = Question.objects.create(**item)
        Choice.objects.bulk_create([Choice(question=question, text=t, is_correct=ok, position=i)
                                    for i, (t, ok) in enumerate(choices)])
    return len(parsed)


def import_questions(data: bytes) -> tuple[int, list[RowError]]:
    """Import every row or none; (number imported, problems). Non-blocking problems are notes."""
    parsed, errors = parse_questions(data)
    if any(e.blocking for e in errors):
        return 0, errors
    return save_questions(parsed), errors


def export_questions(queryset=None) -> bytes:
    """The bank in the import format (so an export can be edited and imported elsewhere)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Câu hỏi"
    append_row(ws, COLUMNS)
    for q in (queryset or Question.objects.all()).select_related("cite_document").prefetch_related("choices"):
        choices = list(q.choices.all())
        if q.kind == QuestionKind.TRUE_FALSE:
            options, answer = [""] * 5, next((c.text for c in choices if c.is_correct), "")
        else:
            options = [c.text for c in choices[:5]] + [""] * (5 - len(choices[:5]))
            answer = ",".join(LETTERS[i] for i, c in enumerate(choices[:5]) if c.is_correct)
        append_row(ws, [q.text, KIND_NAMES[q.kind], *options, answer, LEVEL_NAMES[q.difficulty], q.tags, q.explanation,
                   q.cite_document.number if q.cite_document_id else "", q.cite_eid, q.cite_label,
                   POOL_NAMES[q.pool]])
    return _save(wb)


def export_round_results(round_: Round) -> bytes:
    """Every attempt of the round, ranked, for the organiser (contains personal data: staff only)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Kết quả"
    append_row(ws, ["Hạng", "Giải", "Họ và tên", "Số điện thoại", "Ngày sinh", "Đơn vị", "Xã, phường", "4 số cuối CCCD",
               "Lần thi", "Số câu đúng", "Dự đoán", "Thời gian làm bài (giây)", "Nộp lúc", "Tự động nộp",
               "Được tính", "Hủy kết quả", "Lý do hủy"])
    attempts = Attempt.objects.filter(round=round_).select_related("contestant__unit").order_by(
        "rank", "-correct_count", "submitted_at")
    for a in attempts:
        c = a.contestant
        append_row(ws, [a.rank, a.get_prize_display() if a.prize else "", c.full_name, c.phone,
                   c.birth_date.strftime("%d/%m/%Y") if c.birth_date else "", c.unit.name if c.unit_id else "",
                   c.commune, c.citizen_id_last4, a.number, a.correct_count, a.prediction, a.duration_seconds,
                   a.submitted_at.astimezone().strftime("%d/%m/%Y %H:%M:%S") if a.submitted_at else "",
                   "có" if a.auto_submitted else "", "có" if a.counts else "", "có" if a.disqualified else "",
                   a.disqualified_reason])
    stats = wb.create_sheet("Thống kê")
    s = round_.statistics or {}
    append_row(stats, ["Số người tham gia", s.get("participants", 0)])
    append_row(stats, ["Số bài thi", s.get("attempts", 0)])
    append_row(stats, ["Đáp án câu dự đoán", s.get("prediction_actual")])
    append_row(stats, [])
    append_row(stats, ["Số câu đúng", "Số người"])
    for k, v in s.get("distribution", []):
        append_row(stats, [k, v])
    append_row(stats, [])
    append_row(stats, ["Đơn vị", "Số người"])
    for k, v in s.get("by_unit", []):
        append_row(stats, [k, v])
    append_row(stats, [])
    append_row(stats, ["Xã, phường", "Số người"])
    for k, v in s.get("by_commune", []):
        append_row(stats, [k, v])
    return _save(wb)
