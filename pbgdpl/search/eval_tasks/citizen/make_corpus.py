"""Write corpus.jsonl of the citizen dev set: one row per article of the demo laws.

Usage: python -m pbgdpl.search.eval_tasks.citizen.make_corpus
The corpus is generated (not committed) from pbgdpl/legal/demo_data/laws.jsonl.gz.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
LAWS = HERE.parents[2] / "legal" / "demo_data" / "laws.jsonl.gz"
ARTICLE_RE = re.compile(r"^Điều\s+(\d+[a-z]?)\.\s*(.*)$", re.MULTILINE)


def articles(text: str):
    """(number, title, body) of each article; chapter headings between articles are dropped."""
    marks = list(ARTICLE_RE.finditer(text))
    for m, nxt in zip(marks, marks[1:] + [None], strict=False):
        body = text[m.end() : nxt.start() if nxt else len(text)]
        body = re.split(r"\n(?:Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s+[IVXLC\d]+", body)[0]
        yield m.group(1), m.group(2).strip(), body.strip()


def main() -> int:
    n = 0
    with gzip.open(LAWS, "rt", encoding="utf-8") as fh, open(HERE / "corpus.jsonl", "w", encoding="utf-8") as out:
        for line in fh:
            law = json.loads(line)
            seen = set()
            for number, title, body in articles(law.get("text") or ""):
                key = f"{law['number']}||{number}"
                if key in seen:  # an amending law quoting articles of another: keep the first
                    continue
                seen.add(key)
                row = {"_id": key, "doc_number": law["number"], "doc_title": law["title"], "doc_type": law["type"],
                       "article": number, "text": f"{title}\n\n{body}"}
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                n += 1
    return n


if __name__ == "__main__":
    print(main(), "articles")
