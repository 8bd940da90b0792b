"""Retrieval evaluation on a task directory (corpus.jsonl, queries*.jsonl, qrels.tsv).

The corpus is converted to SearchEntry objects and indexed into a temporary index with
the site's own analysis and schema; queries go through ``engine.search`` unchanged.
"""

from __future__ import annotations

import json
import math
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from pbgdpl.core.text import vietnamese_slug

from . import engine
from .index import IndexHandle
from .indexer import build_temporary
from .registry import SearchEntry
from .semantic.embedding import embed_pending, record_entries
from .semantic.model import embed_query
from .semantic.signal import open_store


def corpus_entries(task_dir: Path):
    with open(task_dir / "corpus.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            text = row.get("text", "")
            title, _, body = text.partition("\n\n")
            if not body:
                title, body = "", text
            article = str(row.get("article", ""))
            # Shaped like the legal source's article entries (kind, element id in the URL); the
            # key stays the task's id so rankings compare with the relevance judgements.
            document_url = f"/eval/{vietnamese_slug(row.get('doc_number') or row.get('doc_title', ''))}/"
            yield SearchEntry(
                key=row["_id"],
                kind="provision",
                title=f"Điều {article}. {title}".strip() if article else title,
                body=body,
                url=f"{document_url}#dieu-{article}" if article else document_url,
                group_key=row.get("doc_number") or row.get("doc_title", ""),
                group_title=row.get("doc_title", ""),
                group_url=document_url,
                doc_number=row.get("doc_number", ""),
                facets={"doc_type": [row["doc_type"]]} if row.get("doc_type") else {},
            )


def read_qrels(task_dir: Path) -> dict[str, dict[str, float]]:
    qrels: dict[str, dict[str, float]] = defaultdict(dict)
    with open(task_dir / "qrels.tsv", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3 or (i == 0 and not parts[2].replace(".", "").isdigit()):
                continue
            qrels[parts[0]][parts[1]] = float(parts[2])
    return qrels


def ndcg_at(ranked: list[str], rel: dict[str, float], k: int = 10) -> float:
    dcg = sum(rel.get(doc, 0.0) / math.log2(i + 2) for i, doc in enumerate(ranked[:k]))
    ideal = sorted(rel.values(), reverse=True)[:k]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    s = sorted(values)
    return s[min(len(s) - 1, max(0, math.ceil(p / 100 * len(s)) - 1))]


def displayed_page(q: str, handle: IndexHandle, dictionary=None):
    """The first results page as /tim-kiem/ shows it (same engine call as the view, without
    facet counts, which do not change the order); ``displayed_hits()`` is its reading order."""
    return engine.search(q, per_page=engine.PAGE_SIZE, grouped=True, with_facets=False, handle=handle, dictionary=dictionary)


def evaluate_queries(handle: IndexHandle, queries: list[dict], qrels, dictionary=None, details=None) -> dict:
    ndcgs, mrrs, r10s, r100s, times, cpu = [], [], [], [], [], []
    page_ndcgs, page_times, cards, right_cards = [], [], 0, 0
    for q in queries:
        rel = qrels.get(q["_id"])
        if not rel:
            continue
        started_cpu = time.process_time()
        page = engine.search(q["text"], per_page=100, grouped=False, with_facets=False, handle=handle, dictionary=dictionary)
        cpu.append((time.process_time() - started_cpu) * 1000)
        times.append(page.elapsed_ms)
        ranked = [h.key for h in page.hits]
        ndcgs.append(ndcg_at(ranked, rel))
        shown_page = displayed_page(q["text"], handle, dictionary)
        shown = [hit.key for hit in shown_page.displayed_hits()]
        page_ndcgs.append(ndcg_at(shown, rel))
        page_times.append(shown_page.elapsed_ms)
        if shown_page.answer is not None:
            cards += 1
            right_cards += rel.get(shown_page.answer.key, 0) > 0
        rr = 0.0
        for i, key in enumerate(ranked[:10]):
            if rel.get(key, 0) > 0:
                rr = 1.0 / (i + 1)
                break
        mrrs.append(rr)
        relevant = {k for k, v in rel.items() if v > 0}
        r10s.append(len(relevant & set(ranked[:10])) / len(relevant))
        r100s.append(len(relevant & set(ranked[:100])) / len(relevant))
        if details is not None:
            details.append(
                {"id": q["_id"], "ndcg": ndcgs[-1], "ndcg_page": page_ndcgs[-1], "top": ranked[:3], "page": shown[:5], "rel": list(relevant)}
            )
    n = len(ndcgs)

    def pct(xs):
        return round(100 * statistics.fmean(xs), 2) if xs else 0.0

    return {
        "n": n,
        "ndcg@10": pct(ndcgs),
        "ndcg@10_page": pct(page_ndcgs),
        "mrr@10": pct(mrrs),
        "r@10": pct(r10s),
        "r@100": pct(r100s),
        "p50_ms": round(percentile(times, 50), 2),
        "p95_ms": round(percentile(times, 95), 2),
        # CPU time of the same calls: what latency would be on an idle machine (wall-clock
        # figures above include waiting for a busy CPU).
        "p50_cpu_ms": round(percentile(cpu, 50), 2),
        "p95_cpu_ms": round(percentile(cpu, 95), 2),
        "p95_page_ms": round(percentile(page_times, 95), 2),
        # How often the answer card is shown, and how often its provision is a relevant one.
        "answer_card_shown": round(100 * cards / n, 2) if n else 0.0,
        "answer_card_right": round(100 * right_cards / cards, 2) if cards else 0.0,
    }


def run_task(task_dir: Path, dictionary=None, details: dict | None = None, vectors_path: Path | None = None,
             progress=None, embed_missing: bool = True) -> list[dict]:
    """Index the task's corpus into a temporary index and evaluate every queries*.jsonl.

    With ``vectors_path`` (and SEARCH_SEMANTIC on), the corpus's vectors are read from that
    content-addressed store, computing the missing ones first (minutes the first time) unless
    ``embed_missing`` is False: then an entry without a vector counts as average similarity, as
    on a site whose worker is still catching up."""
    task_dir = Path(task_dir)
    qrels = read_qrels(task_dir)
    results = []
    with tempfile.TemporaryDirectory(prefix="pbgdpl-eval-") as tmp:
        path = Path(tmp) / "index"
        build_temporary(path, corpus_entries(task_dir))
        handle = IndexHandle.open(path)
        if vectors_path is not None:
            store = open_store(Path(vectors_path))
            record_entries(store, corpus_entries(task_dir))
            if embed_missing:
                embed_pending(store, progress=progress)
            handle.vectors_path = Path(vectors_path)
        for qfile in sorted(task_dir.glob("queries*.jsonl")):
            queries = [json.loads(line) for line in qfile.read_text(encoding="utf-8").splitlines() if line.strip()]
            # Warm the reader (vocabulary, law names) so latency is measured warm.
            for q in queries[:5]:
                engine.search(q["text"], per_page=100, grouped=False, with_facets=False, handle=handle, dictionary=dictionary)
            # Each query file's latency is first-time: a question typed without diacritics restores
            # to the text its accented twin in another file reads, and citizen23's queries.jsonl
            # repeats the style files, so vectors cached by an earlier file made p50 look like lexical.
            embed_query.cache_clear()
            d = [] if details is not None else None
            row = {"queries": qfile.name, **evaluate_queries(handle, queries, qrels, dictionary, d)}
            if details is not None:
                details[qfile.name] = d
            results.append(row)
    return results
