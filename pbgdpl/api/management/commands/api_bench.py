"""Time GET /api/v1/documents?limit=100 (and one document with its provision tree) in process; prints JSON."""

from __future__ import annotations

import json
import statistics
import time

from django.core.management.base import BaseCommand
from django.test import Client
from django.test.utils import override_settings

from pbgdpl.legal.models import LegalDocument


class Command(BaseCommand):
    help = "API latency on the current database (run after bootstrap for the demo data)."

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=60)

    def handle(self, *args, requests: int, **options):
        client = Client(HTTP_HOST="127.0.0.1")
        biggest = LegalDocument.objects.published().order_by("-current_version__provisions__order").first()
        report = {}
        with override_settings(API_ANON_PER_MINUTE=10**9, ALLOWED_HOSTS=["*"]):
            for name, url in (("documents_100", "/api/v1/documents?limit=100"),
                              ("document_tree", f"/api/v1/documents/{biggest.slug}" if biggest else None)):
                if url is None:
                    continue
                client.get(url)  # warm
                timings = []
                for _ in range(requests):
                    started = time.perf_counter()
                    response = client.get(url)
                    timings.append((time.perf_counter() - started) * 1000)
                    assert response.status_code == 200, response.status_code
                timings.sort()
                report[name] = {"url": url, "p50_ms": round(statistics.median(timings), 1),
                                "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 1), "bytes": len(response.content)}
        self.stdout.write(json.dumps(report, ensure_ascii=False))
