"""Warm benchmark of the public legal pages: median/p95 time and SQL queries per page.

    python manage.py bench_legal_pages [--runs 20] [--warmup 3] [--json]

(Named apart from the site-wide ``bench_pages`` of the core app, which would shadow it.)

Pages: the document with the most provisions (the 689-article Bộ luật Dân sự in the demo),
/van-ban/, and a list page. Requests go through the whole Django stack in-process (test
client: middleware, URL routing, templates), without a network hop. "Warm" means the process
has already served the page (templates compiled, the document's provisions HTML cached);
the uncached render of the biggest text is reported separately.
"""

from __future__ import annotations

import json
import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.models import Count, F, Q
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from pbgdpl.legal import selectors
from pbgdpl.legal.models import DocumentVersion, ProvisionKind
from pbgdpl.legal.views.rendering import render_rows

LOAD_HINT = (
    "Chưa có văn bản nào đã đăng trong cơ sở dữ liệu. Nạp dữ liệu mẫu bằng "
    "`python manage.py import_documents pbgdpl/legal/demo_data/` (hoặc `python manage.py bootstrap`) rồi chạy lại."
)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


class Command(BaseCommand):
    help = "Đo thời gian hiển thị (trung vị, p95) và số truy vấn SQL của các trang văn bản pháp luật."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--runs", type=int, default=20, help="Số lần đo mỗi trang (mặc định 20).")
        parser.add_argument("--warmup", type=int, default=3, help="Số lần chạy khởi động không tính (mặc định 3).")
        parser.add_argument("--json", action="store_true", dest="as_json", help="In kết quả dạng JSON.")

    def handle(self, *args, runs: int, warmup: int, as_json: bool, **options) -> None:
        if runs < 1 or warmup < 0:
            raise CommandError("--runs phải ≥ 1 và --warmup phải ≥ 0.")
        biggest = self.biggest_version()
        if biggest is None:
            raise CommandError(LOAD_HINT)
        document = biggest.document
        pages = [
            (f"{document.number or document.title} ({biggest.article_count} điều)", document.get_absolute_url()),
            ("/van-ban/", reverse("legal:index")),
            ("/van-ban/?loai=luat&hieu_luc=in_force", reverse("legal:index") + "?loai=luat&hieu_luc=in_force"),
            ("/van-ban/sap-co-hieu-luc/", reverse("legal:list", kwargs={"slug": "sap-co-hieu-luc"})),
        ]
        results = []
        # The test client's host must be accepted whatever the deployment's ALLOWED_HOSTS say.
        with override_settings(ALLOWED_HOSTS=["testserver"]):
            client = Client()
            for label, url in pages:
                results.append(self.measure(client, label, url, runs, warmup))
        uncached = self.measure_uncached_render(biggest.pk)
        if as_json:
            report = {"runs": runs, "warmup": warmup, "pages": results, "uncached_render": uncached}
            self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{'trang':<48} {'trung vị ms':>12} {'p95 ms':>8} {'truy vấn':>9} {'KB':>7}")
        for row in results:
            self.stdout.write(
                f"{row['page']:<48} {row['median_ms']:>12.1f} {row['p95_ms']:>8.1f} {row['queries']:>9} {row['kb']:>7.0f}"
            )
        self.stdout.write(
            f"Dựng HTML toàn văn không dùng bộ nhớ đệm ({uncached['provisions']} điều khoản): "
            f"trung vị {uncached['median_ms']:.1f} ms"
        )

    def biggest_version(self) -> DocumentVersion | None:
        """The current version with the most articles among public documents."""
        return (
            DocumentVersion.objects.filter(document__live=True, document__current_version=F("pk"))
            .annotate(article_count=Count("provisions", filter=Q(provisions__kind=ProvisionKind.ARTICLE)))
            .select_related("document")
            .order_by("-article_count", "pk")
            .first()
        )

    def measure(self, client: Client, label: str, url: str, runs: int, warmup: int) -> dict:
        for _ in range(warmup):
            self.fetch(client, url)
        timings = []
        for _ in range(runs):
            start = time.perf_counter()
            response = self.fetch(client, url)
            timings.append((time.perf_counter() - start) * 1000)
        # Queries are counted on a separate request: capturing them slows the timed ones.
        with CaptureQueriesContext(connection) as queries:
            self.fetch(client, url)
        return {
            "page": label,
            "url": url,
            "median_ms": round(statistics.median(timings), 2),
            "p95_ms": round(percentile(timings, 0.95), 2),
            "queries": len(queries),
            "kb": round(len(response.content) / 1024, 1),
        }

    def fetch(self, client: Client, url: str):
        response = client.get(url)
        if response.status_code != 200:
            raise CommandError(f"{url} trả về mã {response.status_code}.")
        return response

    def measure_uncached_render(self, version_id: int, runs: int = 5) -> dict:
        timings = []
        rows = []
        for _ in range(runs):
            start = time.perf_counter()
            rows = selectors.version_provisions(version_id)
            render_rows(rows)
            timings.append((time.perf_counter() - start) * 1000)
        return {"provisions": len(rows), "median_ms": round(statistics.median(timings), 2)}

