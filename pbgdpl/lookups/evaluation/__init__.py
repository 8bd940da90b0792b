"""Everyday questions about fines and how well the penalty look-up answers them."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

QUESTIONS_FILE = Path(__file__).resolve().parent / "penalty_questions.jsonl"


def load_questions(path: Path = QUESTIONS_FILE) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [row for row in rows if "question" in row]


def evaluate(questions: list[dict], *, on: datetime.date, top: int = 3) -> dict:
    """Share of questions whose relevant violation is in the top ``top``, with the misses listed."""
    from ..penalties.lookup import find_violations

    hits, misses, reciprocal = 0, [], 0.0
    for row in questions:
        relevant = {(number, eid) for number, eid in row["relevant"]}
        found = find_violations(row["question"], on=on, limit=10)
        keys = [(violation.decree.document.number, violation.eid) for violation in found]
        rank = next((i for i, key in enumerate(keys, 1) if key in relevant), None)
        reciprocal += 1 / rank if rank else 0.0
        if rank and rank <= top:
            hits += 1
        else:
            misses.append({"question": row["question"], "rank": rank, "top": [f"{n} {e}" for n, e in keys[:3]]})
    total = len(questions)
    return {"questions": total, f"top{top}": hits, f"top{top}_share": round(hits / total, 3) if total else 0.0,
            "mrr": round(reciprocal / total, 3) if total else 0.0, "misses": misses}
