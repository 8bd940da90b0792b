"""Routing: field suggestion from the question text, answerer suggestion, the evaluation command."""

from __future__ import annotations

import json
from io import StringIO

from django.core.management import call_command

from pbgdpl.qa import routing, services

from .factories import submit


def test_field_is_suggested_from_text_typed_without_diacritics(demo_qa):
    routing.forget_model()
    assert routing.suggest_field("toi muon ly hon, con 2 tuoi thi ai nuoi") == "Hôn nhân và gia đình"
    assert routing.suggest_field("cong ty no luong 2 thang toi nghi viec co phai bao truoc") == "Lao động"


def test_answerer_is_who_answered_this_field_before(laws, roles):
    editor, board = roles["editor"], roles["board"]
    question, _ = submit()
    services.assign(question, editor, board)
    services.save_answer(question, board, text="Theo Điều 35, bạn được nghỉ việc không cần báo trước.")
    assert routing.suggest_answerer("Lao động") == board
    # No history for a field: the least-loaded answerer.
    assert routing.suggest_answerer("Hình sự") == editor


def test_routing_eval_reports_accuracy_on_held_out_folds(demo_qa):
    out = StringIO()
    call_command("qa_routing_eval", "--json", stdout=out)
    result = json.loads(out.getvalue())
    assert result["questions"] == 49 and result["folds"] == 4
    # Far better than always guessing the commonest field.
    assert result["accuracy_classifier"] > result["majority_baseline"] + 0.25
    assert 0 <= result["accuracy_with_similar_answers"] <= 1
