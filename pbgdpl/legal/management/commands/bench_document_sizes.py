"""How the document page's cost grows with the document: render times for 50, 700 and 2,000 articles.

    python manage.py bench_document_sizes [--sizes 50,700,2000] [--runs 10]

Each size is a synthetic code (chapters of 50 articles, two clauses and a point each, like the
real codes), saved through the real ``save_document`` service inside a transaction that is
rolled back at the end: nothing stays in the database. For each it prints the first render (the
provisions' HTML is built and cached per version), the warm median and p95 (the page cache off:
this is the cost of a render, not of a cache hit), the SQL queries and the page size, as JSON.
"""

from __future__ import annotations

import json
import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from pbgdpl.legal.models import DocumentType, Issuer, LegalDocument
from pbgdpl.legal.services import save_document

LETTERS = "abcdđeghiklmn"


def synthetic_code(articles: int) -> str:
    lines = []
    for number in range(1, articles + 1):
        if number % 50 == 1:
            lines += [f"Chương {number // 50 + 1}", f"QUY ĐỊNH NHÓM {number // 50 + 1}"]
        lines.append(f"Điều {number}. Quy định về trường hợp số {number}")
        for clause in (1, 2):
            lines.append(f"{clause}. Cơ quan, tổ chức, cá nhân có trách nhiệm thực hiện nội dung khoản {clause} "
                         f"của Điều {number} theo quy định của pháp luật:")
            lines.append(f"a) Trường hợp thứ nhất của khoản {clause} Điều {number};")
    return "\n".join(lines)


class _Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Render times of the document page for synthetic documents of 50, 700 and 2,000 articles (JSON)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--sizes", default="50,700,2000")
        parser.add_argument("--runs", type=int, default=10)

    def handle(self, *args, sizes: str, runs: int, **options) -> None:
        rows = []
        try:
            with transaction.atomic(), override_settings(ALLOWED_HOSTS=["testserver"], PAGE_CACHE_ENABLED=False):
                for index, size in enumerate(int(s) for s in sizes.split(",")):
                    rows.append(self.measure(index, size, runs))
                raise _Rollback
        except _Rollback:
            pass
        self.stdout.write(json.dumps({"runs": runs, "documents": rows}, ensure_ascii=False, indent=1))

    def measure(self, index: int, articles: int, runs: int) -> dict:
        started = time.perf_counter()
        document = save_document(
            LegalDocument(number=f"{900 + index}/2026/BENCH", title=f"Bộ luật thử nghiệm {articles} điều",
                          doc_type=DocumentType.objects.get(name="Bộ luật"), issuer=Issuer.objects.get(slug="quoc-hoi")),
            text=synthetic_code(articles), publish=True)
        save_s = time.perf_counter() - started
        url = document.get_absolute_url()
        client = Client()  # a new version has a new cache key: the first render builds its HTML
        started = time.perf_counter()
        first = client.get(url)
        first_ms = (time.perf_counter() - started) * 1000
        assert first.status_code == 200, first.status_code
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        ordered = sorted(timings)
        return {
            "articles": articles,
            "save_and_parse_s": round(save_s, 2),
            "first_render_ms": round(first_ms, 1),
            "warm_median_ms": round(statistics.median(timings), 1),
            "warm_p95_ms": round(ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))], 1),
            "queries": len(queries),
            "html_kb": round(len(response.content) / 1024, 1),
        }
