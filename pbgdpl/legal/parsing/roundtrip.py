"""Round-trip check of the parser on article corpora (the benchmark ``corpus.jsonl`` files).

For each law, the full text is rebuilt from its articles as ``"Điều N. <title>\\n<body>"`` (the title
is the first line of the corpus text, the body the rest), parsed, and the parsed articles are compared
with the corpus: every article number and title must be recovered, in order. Headings that the corpus
left inside another article's body (e.g. "Điều 64. …" inside Điều 63 of a source) are genuine
headings: they are reported as ``extra`` and allowed only if article numbers still strictly increase.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .patterns import _unit_value
from .structure import parse_text


@dataclass
class LawCheck:
    """Figures for one law."""

    doc_number: str
    title: str
    expected: int
    recovered: int = 0
    title_matches: int = 0
    extra: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    title_mismatches: list[tuple[str, str, str]] = field(default_factory=list)
    increasing: bool = True
    parse_ms: float = 0.0
    warnings: int = 0

    @property
    def ok(self) -> bool:
        return (
            self.recovered == self.expected
            and self.title_matches == self.expected
            and self.increasing
            and not self.missing
        )


def corpus_files(path: Path) -> list[Path]:
    """``corpus.jsonl`` files at PATH (a file, a task directory or a directory of task directories)."""
    path = Path(path)
    if path.is_file():
        return [path]
    direct = path / "corpus.jsonl"
    if direct.is_file():
        return [direct]
    return sorted(path.glob("*/corpus.jsonl"))


def load_laws(files: Iterable[Path]) -> dict[tuple[str, str], list[dict]]:
    """Articles grouped by (corpus file, doc_number), in file order."""
    laws: dict[tuple[str, str], list[dict]] = {}
    for file in files:
        with open(file, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    row = json.loads(line)
                    laws.setdefault((str(file), row["doc_number"]), []).append(row)
    return laws


def split_article(text: str) -> tuple[str, str]:
    """Corpus article text → (title, body): the first line is the title."""
    text = text.strip("\n")
    title, _, body = text.partition("\n")
    return title.strip(), body.strip("\n")


def rebuild(articles: list[dict]) -> str:
    """The law's text rebuilt from its articles."""
    parts = []
    for row in articles:
        title, body = split_article(row["text"])
        parts.append(f"Điều {row['article']}. {title}\n{body}".rstrip("\n"))
    return "\n\n".join(parts) + "\n"


def check_law(articles: list[dict], *, repeat: int = 1) -> LawCheck:
    """Parse the rebuilt text of one law and compare its articles with the corpus.

    ``parse_ms`` is the median of ``repeat`` parses of the whole text.
    """
    first = articles[0]
    check = LawCheck(doc_number=first["doc_number"], title=first.get("doc_title", ""), expected=len(articles))
    text = rebuild(articles)
    timings = []
    for _ in range(max(1, repeat)):
        started = time.perf_counter()
        result = parse_text(text)
        timings.append((time.perf_counter() - started) * 1000)
    check.parse_ms = statistics.median(timings)
    check.warnings = len(result.warnings)
    parsed = result.articles()
    values = [_unit_value(node.number) for node in parsed]
    check.increasing = all(
        a is not None and b is not None and a < b for a, b in zip(values, values[1:], strict=False)
    )
    by_position = 0
    for row in articles:
        number = str(row["article"])
        title, _ = split_article(row["text"])
        # Find this article at or after the current position (extra headings may sit in between).
        index = next((k for k in range(by_position, len(parsed)) if parsed[k].number == number), None)
        if index is None:
            check.missing.append(number)
            continue
        check.extra.extend(node.number for node in parsed[by_position:index])
        by_position = index + 1
        check.recovered += 1
        if parsed[index].title == title:
            check.title_matches += 1
        else:
            check.title_mismatches.append((number, title, parsed[index].title))
    check.extra.extend(node.number for node in parsed[by_position:])
    return check
