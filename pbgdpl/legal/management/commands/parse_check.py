"""`manage.py parse_check PATH_OR_BENCH_DIR`: how well the parser recovers the articles of laws.

PATH is a ``corpus.jsonl`` file, a task directory holding one, or a directory of task directories
(default: the shared benchmark directory beside the project). Prints, for each law, the number of
articles expected and recovered, title matches, extra headings and parse time (median of --repeat runs), then totals. Exits
with status 1 if any article or title is not recovered.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from pbgdpl.legal.parsing.roundtrip import check_law, corpus_files, load_laws


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
            raise CommandError(f"No corpus.jsonl found at {path}")
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
