"""reporting_bench prints its figures as JSON and leaves the database as it was."""

import io
import json

from django.core.management import call_command

from pbgdpl.reporting.models import Indicator, Unit


def test_bench_prints_json_and_rolls_back(db):
    out = io.StringIO()
    call_command("reporting_bench", communes=25, indicators=4, periods=2, repeat=1, stdout=out)
    report = json.loads(out.getvalue())
    assert report["values"] == 25 * 4 * 2 and report["province_reporting_units"] == 25
    assert report["aggregate_ms"] > 0 and report["export_ms"] > 0 and report["export_bytes"] > 0
    assert not Unit.objects.exists() and not Indicator.objects.exists()
