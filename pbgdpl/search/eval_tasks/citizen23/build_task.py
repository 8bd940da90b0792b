"""Build the citizen23 dev and test tasks from questions.tsv (issue 13, decision 0013).

Usage: python -m pbgdpl.search.eval_tasks.citizen23.build_task [BENCH_TASK_DIR]
       python manage.py search_eval pbgdpl/search/eval_tasks/citizen23/dev --json

The questions were written from the text of the laws in the alqac23-train corpus (default
``../shared/bench/alqac23-train``); that corpus is copied next to the queries (not committed).
The split into dev and test is fixed once: within each writing style, questions are ordered
by law and by a hash of their id and dealt alternately, so both halves hold every style and
nearly every law in the same proportions. Tune on dev only; the test half is for reporting.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_BENCH = HERE.parents[3] / ".." / "shared" / "bench" / "alqac23-train"

LAWS = {
    "BLDS": "Bộ luật dân sự",
    "HNGD": "Luật Hôn nhân và gia đình",
    "CT": "Luật Cư trú",
    "GD": "Luật Giáo dục",
    "VC": "Luật Viên chức",
    "TTHC": "Luật Tố tụng hành chính",
    "HP": "Hiến pháp",
    "MT": "Luật Phòng, chống ma túy",
    "BVMT": "Luật Bảo vệ môi trường",
    "TCTT": "Luật Tiếp cận thông tin",
    "TT": "Luật Trồng trọt",
    "ANM": "Luật An ninh mạng",
    "CN": "Luật Chăn nuôi",
    "DL": "Luật Du lịch",
    "DA": "Luật Điện ảnh",
    "TTTM": "Luật Trọng tài thương mại",
    "TN": "Luật Thanh niên",
}
STYLES = ("dau", "khongdau", "viettat")


def read_questions(path: Path = HERE / "questions.tsv") -> list[dict]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        qid, style, law, text, rel = line.split("\t")
        if style not in STYLES:
            raise ValueError(f"{qid}: unknown style {style!r}")
        ids = []
        for ref in rel.split(","):
            ref = ref.strip()
            other, _, number = ref.rpartition(":")
            ids.append(f"{LAWS[other or law]}||{number}")
        rows.append({"id": qid, "style": style, "law": law, "text": text, "rel": ids})
    return rows


def split(rows: list[dict]) -> dict[str, str]:
    """Question id -> "dev" or "test", stratified by style (and by law within a style)."""
    halves: dict[str, str] = {}
    by_style = defaultdict(list)
    for row in rows:
        by_style[row["style"]].append(row)
    for style in STYLES:
        ordered = sorted(by_style[style], key=lambda r: (r["law"], hashlib.sha1(r["id"].encode()).hexdigest()))
        for i, row in enumerate(ordered):
            halves[row["id"]] = "dev" if i % 2 == 0 else "test"
    return halves


def write_task(target: Path, rows: list[dict], corpus: Path) -> None:
    target.mkdir(exist_ok=True)
    shutil.copyfile(corpus, target / "corpus.jsonl")
    files = {"queries.jsonl": rows} | {f"queries-{style}.jsonl": [r for r in rows if r["style"] == style] for style in STYLES}
    for name, subset in files.items():
        with open(target / name, "w", encoding="utf-8") as fh:
            for r in subset:
                fh.write(json.dumps({"_id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n")
    with open(target / "qrels.tsv", "w", encoding="utf-8") as fh:
        fh.write("query-id\tcorpus-id\tscore\n")
        for r in rows:
            for article in r["rel"]:
                fh.write(f"{r['id']}\t{article}\t1\n")


def main(argv: list[str]) -> None:
    bench = Path(argv[0]) if argv else DEFAULT_BENCH
    corpus = bench / "corpus.jsonl"
    known = {json.loads(line)["_id"] for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()}
    rows = read_questions()
    missing = [(r["id"], a) for r in rows for a in r["rel"] if a not in known]
    if missing:
        raise SystemExit(f"unknown article ids: {missing}")
    halves = split(rows)
    for half in ("dev", "test"):
        write_task(HERE / half, [r for r in rows if halves[r["id"]] == half], corpus)
    print(len(rows), "questions:", sum(1 for h in halves.values() if h == "dev"), "dev,", sum(1 for h in halves.values() if h == "test"), "test")


if __name__ == "__main__":
    main(sys.argv[1:])
