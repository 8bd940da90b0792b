"""Import a generated land price table of N rows and time look-ups; prints JSON. Leaves nothing behind."""

from __future__ import annotations

import datetime
import json
import random
import statistics
import time
from io import BytesIO

from django.core.management.base import BaseCommand
from django.db import transaction
from openpyxl import Workbook

from pbgdpl.geo.communes import communes_of
from pbgdpl.lookups.landprices.importer import COLUMNS, import_table
from pbgdpl.lookups.landprices.lookup import find_prices

SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý")
GIVEN = ("Văn Linh", "Thiện Thuật", "Huệ", "Trãi", "Du", "Quang Phục", "Hưng Đạo", "Thái Tông", "Lợi", "Bình",
         "Đức Cảnh", "Thị Minh Khai", "Chí Thanh", "Công Trứ", "Khuyến", "Đình Chiểu")


class Command(BaseCommand):
    help = "Land price import and look-up timings on a generated table (default 20,000 rows)."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=20_000)
        parser.add_argument("--queries", type=int, default=300)
        parser.add_argument("--province", default="Hưng Yên")

    def handle(self, *args, rows: int, queries: int, province: str, **options):
        rng = random.Random(20261204)
        communes = communes_of(province)
        streets = [f"Đường {s} {g}" for s in SURNAMES for g in GIVEN]
        book = Workbook()
        sheet = book.active
        sheet.append([header for _name, header in COLUMNS])
        written = []
        for i in range(rows):
            commune, street = rng.choice(communes), rng.choice(streets)
            price = rng.randrange(2_000, 60_000) * 1000
            sheet.append([commune, street, f"Số {i}", f"Số {i + 100}", "Đất ở", price, price // 2, price // 3, price // 4])
            written.append((commune, street))
        buffer = BytesIO()
        book.save(buffer)
        content = buffer.getvalue()
        with transaction.atomic():
            started = time.perf_counter()
            result = import_table(content, title="Bench", valid_from=datetime.date(2000, 1, 1), communes=communes)
            import_s = time.perf_counter() - started
            if not result.ok:
                self.stderr.write("\n".join(result.errors[:10]))
                transaction.set_rollback(True)
                return
            timings = []
            on = datetime.date(2001, 1, 1)
            for commune, street in rng.sample(written, min(queries, len(written))):
                from pbgdpl.core.text import fold_diacritics

                started = time.perf_counter()
                answer = find_prices(commune=fold_diacritics(commune), street=fold_diacritics(street.split(" ", 1)[1]), on=on)
                timings.append((time.perf_counter() - started) * 1000)
                assert answer.rows, (commune, street)
            transaction.set_rollback(True)  # leave the database as it was
        timings.sort()
        report = {
            "rows": rows, "xlsx_bytes": len(content), "import_s": round(import_s, 2),
            "lookup_ms_p50": round(statistics.median(timings), 2),
            "lookup_ms_p95": round(timings[int(len(timings) * 0.95) - 1], 2), "queries": len(timings),
        }
        self.stdout.write(json.dumps(report))
