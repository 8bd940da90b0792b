"""Build the citizen dev task (corpus.jsonl, queries.jsonl, queries-khongdau.jsonl, qrels.tsv).

Usage: python -m pbgdpl.search.eval_tasks.citizen.build_task
       python manage.py search_eval pbgdpl/search/eval_tasks/citizen --json
The questions (questions.tsv) were written for this project; the corpus is generated
from the demo laws, so only the questions are committed.
"""

from __future__ import annotations

import json
from pathlib import Path

from pbgdpl.core.text import fold_diacritics

from . import make_corpus

HERE = Path(__file__).resolve().parent

def main() -> None:
    make_corpus.main()
    known = {json.loads(line)["_id"] for line in open(HERE / "corpus.jsonl", encoding="utf-8")}
    rows = []
    for line in (HERE / "questions.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        qid, text, rel = line.split("\t")
        ids = [r.strip() for r in rel.split(",") if r.strip()]
        missing = [r for r in ids if r not in known]
        if missing:
            raise SystemExit(f"{qid}: unknown article ids {missing}")
        rows.append((qid, text, ids))
    with open(HERE / "queries.jsonl", "w", encoding="utf-8") as a, open(HERE / "queries-khongdau.jsonl", "w", encoding="utf-8") as b:
        for qid, text, _ in rows:
            a.write(json.dumps({"_id": qid, "text": text}, ensure_ascii=False) + "\n")
            b.write(json.dumps({"_id": qid, "text": fold_diacritics(text)}, ensure_ascii=False) + "\n")
    with open(HERE / "qrels.tsv", "w", encoding="utf-8") as fh:
        fh.write("query-id\tcorpus-id\tscore\n")
        for qid, _, ids in rows:
            for r in ids:
                fh.write(f"{qid}\t{r}\t1\n")
    print(len(rows), "questions")


if __name__ == "__main__":
    main()
