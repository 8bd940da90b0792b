"""`manage.py parse_check PATH_OR_BENCH_DIR`: how well the parser recovers the articles of laws.

PATH is a ``corpus.jsonl`` file, a task directory holding one, or a directory of task directories
(default: the shared benchmark directory beside the project). Prints, for each law, the number of
articles expected and recovered, title matches, extra headings and parse time (median of --repeat
runs), then totals. Exits with status 1 if any article or title is not recovered.

PATH may also be a document file (.txt, .docx, .pdf) or a folder of them: then each file is extracted
and parsed, and the command prints how it was read, what was found (articles, attachments,
appendices) and the warnings an editor will see — a dry run before ``import_documents``.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from pbgdpl.legal.parsing import ExtractionError, extract_text, parse_text
from pbgdpl.legal.parsing.roundtrip import check_law, corpus_files, load_laws

DOCUMENT_SUFFIXES = {".txt", ".docx", ".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}


class Command(BaseCommand):
    help = "Rebuild each law of a corpus.jsonl from its articles, parse it and report what is recovered."
    # Pure text processing: no database, URLs or models involved.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "path", nargs="?", default=str(Path(settings.BASE_DIR).parent / "shared" / "bench")
        )
        parser.add_argument(
            "--details", action="store_true", help="list missing articles and title mismatches"
        )
        parser.add_argument("--repeat", type=int, default=1, help="parse each law N times; ms is the median")

    def handle(self, *args, **options):
        path = Path(options["path"])
        files = corpus_files(path)
        if not files:
            documents = self._documents(path)
            if documents:
                return self._check_documents(documents)
            raise CommandError(f"No corpus.jsonl or document file (.txt, .docx, .pdf) found at {path}")
        laws = load_laws(files)
        totals = {"laws": 0, "expected": 0, "recovered": 0, "titles": 0, "extra": 0, "ms": 0.0}
        failed = 0
        header = f"{'law':<48} {'expected':>8} {'recovered':>9} {'titles':>7} {'extra':>5} {'ms':>7}"
        self.stdout.write(header)
        current_file = None
        for (file, _number), articles in laws.items():
            if file != current_file:
                current_file = file
                self.stdout.write(f"# {file}")
            check = check_law(articles, repeat=options["repeat"])
            name = f"{check.doc_number} {check.title}"[:48]
            self.stdout.write(
                f"{name:<48} {check.expected:>8} {check.recovered:>9} {check.title_matches:>7} "
                f"{len(check.extra):>5} {check.parse_ms:>7.1f}" + ("" if check.ok else "  FAIL")
            )
            if options["details"] or not check.ok:
                if check.missing:
                    self.stdout.write(f"    missing: {', '.join(check.missing[:20])}")
                for number, want, got in check.title_mismatches[:10]:
                    self.stdout.write(f"    Điều {number}: expected {want[:60]!r}, got {got[:60]!r}")
                if check.extra:
                    self.stdout.write(
                        f"    extra headings (genuine headings inside a corpus body): {check.extra}"
                    )
                if not check.increasing:
                    self.stdout.write("    article numbers do not strictly increase")
            totals["laws"] += 1
            totals["expected"] += check.expected
            totals["recovered"] += check.recovered
            totals["titles"] += check.title_matches
            totals["extra"] += len(check.extra)
            totals["ms"] += check.parse_ms
            failed += 0 if check.ok else 1
        expected = totals["expected"] or 1
        self.stdout.write(
            f"TOTAL {totals['laws']} laws: {totals['recovered']}/{totals['expected']} articles "
            f"({100 * totals['recovered'] / expected:.2f} %), {totals['titles']}/{totals['expected']} titles "
            f"({100 * totals['titles'] / expected:.2f} %), {totals['extra']} extra headings, "
            f"parse time {totals['ms']:.0f} ms"
        )
        if failed:
            raise CommandError(f"{failed} law(s) not fully recovered")

    @staticmethod
    def _documents(path: Path) -> list[Path]:
        if path.is_file():
            return [path] if path.suffix.lower() in DOCUMENT_SUFFIXES else []
        if path.is_dir():
            return sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES)
        return []

    def _check_documents(self, documents: list[Path]) -> None:
        """Extract and parse each file; print what an import would store and flag."""
        unreadable = 0
        for file in documents:
            try:
                extracted = extract_text(file)
            except ExtractionError as error:
                unreadable += 1
                self.stdout.write(f"{file.name}: KHÔNG ĐỌC ĐƯỢC — {error}")
                continue
            result = parse_text(extracted.text)
            kinds = [node.kind for node in result.nodes]
            self.stdout.write(
                f"{file.name}: {extracted.method}{' (cần kiểm tra)' if extracted.needs_review else ''}, "
                f"{len(result.articles(main_only=True))} điều, {kinds.count('attachment')} văn bản kèm theo "
                f"({len(result.articles()) - len(result.articles(main_only=True))} điều), "
                f"{kinds.count('appendix')} phụ lục"
                + (f", số {result.metadata['number']}" if "number" in result.metadata else "")
            )
            for warning in [*extracted.warnings, *result.warnings]:
                self.stdout.write(f"    - {warning}")
        self.stdout.write(f"TOTAL {len(documents)} files, {unreadable} unreadable")
