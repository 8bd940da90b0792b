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
    ensure_document_workflow()
    return report.summary()


def ensure_document_workflow() -> bool:
    """Put legal documents under the editorial workflow (Biên tập viên → Ban biên tập), once.

    Uses the workflow the accounts app creates; an operator's later choice is kept.
    """
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Workflow, WorkflowContentType

    from pbgdpl.accounts.roles import WORKFLOW_NAME

    from .models import LegalDocument

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    if workflow is None:
        return False
    content_type = ContentType.objects.get_for_model(LegalDocument)
    _link, created = WorkflowContentType.objects.get_or_create(
        content_type=content_type, defaults={"workflow": workflow}
    )
    return created
