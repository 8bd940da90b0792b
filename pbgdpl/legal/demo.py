"""Demo legal documents: real laws (converted from the benchmark corpora) and provincial samples."""

from __future__ import annotations

import datetime
import json
import logging
import tempfile
from pathlib import Path
from typing import TextIO

from django.utils import timezone

DEMO_DIR = Path(__file__).resolve().parent / "demo_data"
LAWS_FILE = DEMO_DIR / "laws.jsonl.gz"
PROVINCIAL_FILE = DEMO_DIR / "provincial.jsonl"
# The provincial samples' dates were written around this day. On a later install they are moved
# forward by the days since, so the lists "Sắp có hiệu lực", "Sắp hết hiệu lực" and "Dự thảo đang
# lấy ý kiến" still show them.
PROVINCIAL_WRITTEN_ON = datetime.date(2026, 11, 27)
PROVINCIAL_DATE_KEYS = ("issued_on", "effective_from", "effective_to", "gazette_date", "comment_opens", "comment_closes")


def load_demo_documents(stdout: TextIO | None = None) -> str:
    """Import the demo laws and, once, the provincial samples (a second run changes nothing)."""
    from pbgdpl.legal.importing import import_documents

    wagtail_logger = logging.getLogger("wagtail")
    level = wagtail_logger.level
    wagtail_logger.setLevel(max(level, logging.WARNING))
    try:
        reports = [import_documents(LAWS_FILE, progress=False)]
        if not _provincial_samples_loaded():
            with tempfile.TemporaryDirectory() as folder:
                shifted = Path(folder) / PROVINCIAL_FILE.name
                shifted.write_text(provincial_samples_dated_from(timezone.localdate()), encoding="utf-8")
                reports.append(import_documents(shifted, progress=False))
    finally:
        wagtail_logger.setLevel(level)
    for rejection in (rejection for report in reports for rejection in report.rejected):
        if stdout is not None:
            stdout.write(f"  ! {rejection}\n")
    from pbgdpl.legal.services import ensure_document_workflow

    ensure_document_workflow()
    return " ".join(report.summary() for report in reports)


def provincial_samples_dated_from(today: datetime.date) -> str:
    """The provincial samples (JSON Lines) with every date moved by the days since they were written."""
    shift = datetime.timedelta(days=max((today - PROVINCIAL_WRITTEN_ON).days, 0))
    lines = []
    for line in PROVINCIAL_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        for key in PROVINCIAL_DATE_KEYS:
            if record.get(key):
                record[key] = (datetime.date.fromisoformat(record[key]) + shift).isoformat()
        lines.append(json.dumps(record, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def _provincial_samples_loaded() -> bool:
    from pbgdpl.legal.models import LegalDocument

    numbers = [json.loads(line).get("number") for line in PROVINCIAL_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]
    return LegalDocument.objects.filter(number__in=[n for n in numbers if n]).exists()
