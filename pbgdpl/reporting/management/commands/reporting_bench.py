"""manage.py reporting_bench --communes 3321 --indicators 30 --periods 4: time to total and export.

Builds a synthetic province (N communes, M indicators, P half-year periods, an accepted return from
every commune in every period) inside a transaction that is rolled back at the end, so the database
is left as it was; prints JSON with ``aggregate_ms`` (totals for every unit of the province, latest
period) and ``export_ms`` (the XLSX of those totals with the previous period beside them).
"""

from __future__ import annotations

import datetime
import json
import os
import random
import time
from decimal import Decimal

from django.core.management.base import BaseCommand
from django.db import transaction

from pbgdpl.reporting.aggregation import rollup
from pbgdpl.reporting.models import (
    Aggregation,
    FormIndicator,
    Indicator,
    PeriodType,
    ReportForm,
    ReportingPeriod,
    Return,
    ReturnStatus,
    ReturnValue,
    Unit,
    UnitKind,
)
from pbgdpl.reporting.services.spreadsheets import totals_workbook

PREFIX = "BENCH"


class _Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Build a synthetic province in a rolled-back transaction; print aggregate and export times as JSON."

    def add_arguments(self, parser):
        parser.add_argument("--communes", type=int, default=3321)
        parser.add_argument("--indicators", type=int, default=30)
        parser.add_argument("--periods", type=int, default=4)
        parser.add_argument("--repeat", type=int, default=3, help="timed runs; the median is reported")
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, communes: int, indicators: int, periods: int, repeat: int, seed: int, **options):
        report: dict[str, object] = {}
        try:
            with transaction.atomic():
                built = time.perf_counter()
                province, period = self._build(communes, indicators, periods, random.Random(seed))
                report["build_s"] = round(time.perf_counter() - built, 1)
                aggregate, export, aggregate_cpu, export_cpu = [], [], [], []
                units = list(Unit.objects.filter(parent=province).order_by("path"))
                for _ in range(max(1, repeat)):
                    started, cpu = time.perf_counter(), time.process_time()
                    result = rollup(period, province)
                    aggregate.append((time.perf_counter() - started) * 1000)
                    aggregate_cpu.append((time.process_time() - cpu) * 1000)
                    started, cpu = time.perf_counter(), time.process_time()
                    data = totals_workbook(period, province, result, units)
                    export.append((time.perf_counter() - started) * 1000)
                    export_cpu.append((time.process_time() - cpu) * 1000)
                report.update({
                    "communes": communes, "indicators": indicators, "periods": periods,
                    "values": ReturnValue.objects.filter(indicator__code__startswith=PREFIX).count(),
                    "aggregate_ms": round(sorted(aggregate)[len(aggregate) // 2], 1),
                    "export_ms": round(sorted(export)[len(export) // 2], 1),
                    # CPU time of this process: what the work costs when other processes share the cores.
                    "aggregate_cpu_ms": round(sorted(aggregate_cpu)[len(aggregate_cpu) // 2], 1),
                    "export_cpu_ms": round(sorted(export_cpu)[len(export_cpu) // 2], 1),
                    "load_average_1min": round(os.getloadavg()[0], 2),
                    "export_bytes": len(data),
                    "province_reporting_units": result.reporting_units.get(province.pk, 0),
                })
                raise _Rollback
        except _Rollback:
            pass
        self.stdout.write(json.dumps(report, ensure_ascii=False))

    def _build(self, communes: int, indicator_count: int, period_count: int, rng: random.Random):
        province = Unit(code=f"{PREFIX}-T", name="Tỉnh thử tải", kind=UnitKind.PROVINCE)
        province.save()
        Unit.objects.bulk_create([Unit(code=f"{PREFIX}-{n:05d}", name=f"Xã thử tải {n}", kind=UnitKind.COMMUNE,
                                       parent=province) for n in range(communes)], batch_size=1000)
        units = list(Unit.objects.filter(parent=province))
        for unit in units:
            unit.path = f"{province.path}{unit.pk}/"
        Unit.objects.bulk_update(units, ["path"], batch_size=1000)
        aggregations = [Aggregation.SUM, Aggregation.SUM, Aggregation.LATEST, Aggregation.AVERAGE]
        indicators = [Indicator.objects.create(code=f"{PREFIX}{n:02d}", name=f"Chỉ tiêu thử tải {n}",
                                               unit_of_measure="lần", aggregation=aggregations[n % 4])
                      for n in range(indicator_count)]
        form = ReportForm.objects.create(code=f"{PREFIX}-FORM", name="Biểu thử tải", period_type=PeriodType.HALF_YEAR,
                                         unit_kinds=[UnitKind.COMMUNE])
        FormIndicator.objects.bulk_create([FormIndicator(form=form, indicator=i, sort_order=n)
                                           for n, i in enumerate(indicators)])
        period = None
        for p in range(period_count):
            start = datetime.date(2000 + p // 2, 1 if p % 2 == 0 else 7, 1)
            end = datetime.date(start.year, 6, 30) if p % 2 == 0 else datetime.date(start.year, 12, 31)
            period = ReportingPeriod.objects.create(form=form, label=f"Kỳ thử tải {p + 1}", start=start, end=end,
                                                    deadline=end + datetime.timedelta(days=10))
            Return.objects.bulk_create([Return(unit=u, period=period, status=ReturnStatus.ACCEPTED) for u in units],
                                       batch_size=1000)
            returns = Return.objects.filter(period=period).values_list("pk", flat=True)
            ReturnValue.objects.bulk_create(
                (ReturnValue(return_obj_id=r, indicator=i, value=Decimal(rng.randint(0, 500)))
                 for r in returns for i in indicators), batch_size=5000)
        return province, period
