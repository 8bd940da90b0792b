"""Demo legal documents: real laws (converted from the benchmark corpora) and provincial samples."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TextIO

DEMO_DIR = Path(__file__).resolve().parent / "demo_data"


def load_demo_documents(stdout: TextIO | None = None) -> str:
    """Import every file in demo_data/ (idempotent: a second run changes nothing)."""
    from pbgdpl.legal.importing import import_documents

    wagtail_logger = logging.getLogger("wagtail")
    level = wagtail_logger.level
    wagtail_logger.setLevel(max(level, logging.WARNING))
    try:
        report = import_documents(DEMO_DIR, progress=False)
    finally:
        wagtail_logger.setLevel(level)
    for rejection in report.rejected:
        if stdout is not None:
            stdout.write(f"  ! {rejection}\n")
    from pbgdpl.legal.services import ensure_document_workflow

    ensure_document_workflow()
    return report.summary()
