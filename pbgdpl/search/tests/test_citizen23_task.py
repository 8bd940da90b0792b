"""The citizen23 question set: split once, stratified by writing style (decision 0013)."""

import json
from collections import Counter

from pbgdpl.search.eval_tasks.citizen23 import build_task


def test_the_committed_halves_are_the_split_of_the_questions():
    rows = build_task.read_questions()
    halves = build_task.split(rows)
    for half in ("dev", "test"):
        committed = [json.loads(line)["_id"] for line in (build_task.HERE / half / "queries.jsonl").read_text().splitlines()]
        assert committed == [r["id"] for r in rows if halves[r["id"]] == half]


def test_each_half_holds_every_style_in_about_equal_shares():
    rows = build_task.read_questions()
    assert len(rows) >= 150
    halves = build_task.split(rows)
    per_half = {half: Counter(r["style"] for r in rows if halves[r["id"]] == half) for half in ("dev", "test")}
    for style in build_task.STYLES:
        assert abs(per_half["dev"][style] - per_half["test"][style]) <= 1
        assert per_half["dev"][style] >= len(rows) // 7
