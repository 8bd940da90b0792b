"""manage.py search_bench --articles N: build rate and query latency on a synthetic index.

Articles are assembled from real Vietnamese legal sentences (the bench corpus when
present, else the demo laws shipped with the legal app), so the vocabulary and term
statistics look like a real index of N articles.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import resource
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from pbgdpl.search import analysis, engine
from pbgdpl.search.evaluation import percentile
from pbgdpl.search.index import IndexHandle
from pbgdpl.search.indexer import build_temporary
from pbgdpl.search.registry import SearchEntry

DOC_TYPES = ["Luật", "Nghị định", "Thông tư", "Quyết định", "Nghị quyết"]
ISSUERS = ["Quốc hội", "Chính phủ", "Bộ Tư pháp", "UBND tỉnh", "HĐND tỉnh"]


def _sources(source: Path | None) -> list[str]:
    """Article texts "<title>\n\n<body>" from a task directory or the demo laws."""
    texts: list[str] = []
    bench = source or Path(settings.BASE_DIR).parent / "shared" / "bench"
    for corpus in sorted(bench.glob("*/corpus.jsonl")) + sorted(bench.glob("corpus.jsonl")):
        for line in corpus.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line).get("text", ""))
    if not texts:
        demo = Path(settings.BASE_DIR) / "pbgdpl" / "legal" / "demo_data" / "laws.jsonl.gz"
        if demo.exists():
            with gzip.open(demo, "rt", encoding="utf-8") as fh:
                for line in fh:
                    law = json.loads(line)
                    for article in re.split(r"\n(?=Điều \d+)", law.get("text", "")):
                        head, _, body = article.partition("\n")
                        title = re.sub(r"^Điều \d+[a-z]?\.\s*", "", head)
                        texts.append(f"{title}\n\n{body}")
    return texts


def _rss_mb() -> float:
    """Resident memory of this process now (Linux), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class Command(BaseCommand):
    help = "Build a synthetic index of N articles and print build rate and query latency percentiles."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=20000)
        parser.add_argument("--queries", type=int, default=300)
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument("--threads", type=int, default=1, help="indexing threads of the tantivy writer")
        parser.add_argument("--source", type=Path, default=None, help="a task directory (corpus.jsonl) to take sentences from")
        parser.add_argument("--keep", type=Path, default=None, help="build the index here and keep it; reuse it if it exists")

    def handle(self, *args, articles: int, queries: int, seed: int, threads: int, source: Path | None, keep: Path | None, **options):
        rng = random.Random(seed)
        texts = _sources(source)
        if not texts:
            raise CommandError("No source text found (bench corpus or pbgdpl/legal/demo_data).")
        titles, clauses, sentences = [], [], []
        for text in texts:
            title, _, body = text.partition("\n\n")
            titles.append(title.strip()[:200])
            parts = [p.strip() for p in re.split(r"\n+", body) if len(p.strip()) > 20]
            clauses.extend(parts)
            for p in parts:
                sentences.extend(s for s in re.split(r"[.;:]", p) if 6 <= len(s.split()) <= 30)

        def entries():
            per_doc = 60
            for i in range(articles):
                d = i // per_doc
                year = 1995 + d % 30
                n_clauses = rng.randint(1, 5)
                body = "\n".join(f"{k + 1}. {rng.choice(clauses)}" for k in range(n_clauses))
                yield SearchEntry(
                    key=f"bench:{d}#dieu-{i % per_doc + 1}",
                    kind="legal",
                    title=f"Điều {i % per_doc + 1}. {rng.choice(titles)}",
                    body=body,
                    url=f"/bench/{d}/#dieu-{i % per_doc + 1}",
                    group_key=f"bench:{d}",
                    group_title=f"{DOC_TYPES[d % 5]} {rng.choice(titles)} {year}",
                    group_url=f"/bench/{d}/",
                    doc_number=f"{d % 300 + 1}/{year}/{['QH', 'NĐ-CP', 'TT-BTP', 'QĐ-UBND', 'NQ-HĐND'][d % 5]}",
                    facets={"doc_type": [DOC_TYPES[d % 5]], "issuer": [ISSUERS[d % 5]], "year": [str(year)]},
                )

        with tempfile.TemporaryDirectory(prefix="pbgdpl-bench-") as tmp:
            path = keep or Path(tmp) / "index"
            if keep and (keep / "meta.json").exists():
                n, build_s = articles, None  # reused: build figures come from the first run
            else:
                started = time.perf_counter()
                n = build_temporary(path, entries(), threads=threads)
                build_s = time.perf_counter() - started
            handle = IndexHandle.open(path)
            qs = []
            for _ in range(queries):
                words = rng.choice(sentences).split()
                k = rng.randint(3, min(12, len(words)))
                start = rng.randint(0, len(words) - k)
                q = " ".join(words[start : start + k])
                qs.append(analysis.fold(q) if rng.random() < 0.5 else q)
            for q in qs[:10]:  # warm-up
                engine.search(q, handle=handle, dictionary=None)
            times, flat, cpu = [], [], []
            for q in qs:
                t, c = time.perf_counter(), time.process_time()
                engine.search(q, handle=handle)
                times.append((time.perf_counter() - t) * 1000)
                cpu.append((time.process_time() - c) * 1000)
                t = time.perf_counter()
                engine.search(q, handle=handle, grouped=False, with_facets=False, per_page=100)
                flat.append((time.perf_counter() - t) * 1000)
            size_mb = sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6
            serving_rss_mb = _rss_mb()
        row = {
            "articles": n,
            "build_s": round(build_s, 1) if build_s else None,
            "articles_per_s": round(n / build_s, 1) if build_s else None,
            "index_mb": round(size_mb, 1),
            "queries": len(qs),
            "page_p50_ms": round(percentile(times, 50), 2),
            "page_p95_ms": round(percentile(times, 95), 2),
            "page_p99_ms": round(percentile(times, 99), 2),
            # CPU time of the page searches: the latency on an unloaded machine.
            "page_cpu_p50_ms": round(percentile(cpu, 50), 2),
            "page_cpu_p95_ms": round(percentile(cpu, 95), 2),
            "flat100_p50_ms": round(percentile(flat, 50), 2),
            "flat100_p95_ms": round(percentile(flat, 95), 2),
            # Memory of this process: while serving queries from the open index, and the peak
            # (the build included, which holds the writer's heap).
            "serving_rss_mb": round(serving_rss_mb, 1),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        }
        self.stdout.write(json.dumps(row, ensure_ascii=False))
