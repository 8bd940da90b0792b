"""Demo penalty decrees: two sample decrees (labelled as samples) imported into the legal registry."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

DECREES_FILE = Path(__file__).resolve().parent / "demo_data" / "penalty_decrees.jsonl"


def load_demo_penalties(stdout: TextIO | None = None) -> str:
    """Import the sample decrees (once) and read them into violations marked as sample data."""
    from pbgdpl.legal.importing import import_documents
    from pbgdpl.legal.services import find_document

    from .penalties.lookup import bump_version
    from .penalties.services import sync_decree

    report = import_documents(DECREES_FILE, progress=False)
    count = 0
    for number in ("901/2026/NĐ-CP", "902/2026/NĐ-CP"):
        document = find_document(number)
        if document is not None:
            decree = sync_decree(document, is_sample=True)
            count += decree.violations.count() if decree else 0
    bump_version()
    return f"{report.summary()} {count} hành vi vi phạm (dữ liệu mẫu)."
