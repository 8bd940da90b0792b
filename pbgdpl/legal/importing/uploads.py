"""Documents uploaded in the admin: read in the background, checked by an editor, saved as drafts.

The same importer as ``manage.py import_documents`` writes them (``Importer.import_row`` for a
DOCX/PDF/TXT file with the metadata the editor confirmed, ``Importer.run`` for a CSV list), with
``drafts_only``: nothing is published from this screen.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from pbgdpl.core.text import fold_diacritics

from ..models import DocumentType, ImportBatch, ImportItem, Issuer, LegalDocument
from ..services import TextSource
from .runner import Importer, read_rows

logger = logging.getLogger(__name__)

#: What the upload screen accepts: one document per DOCX/PDF/TXT file, or a CSV list of documents.
UPLOAD_SUFFIXES = (".docx", ".pdf", ".txt", ".csv")
#: Outline entries kept for the preview (a code has ~700 articles; the page must stay light).
OUTLINE_LIMIT = 2000
OUTLINE_KINDS = ("part", "chapter", "section", "article", "attachment", "appendix")


def create_batch(files, user) -> ImportBatch:
    """Store the uploaded files and queue one background read per file (after commit)."""
    from ..tasks import read_import_item

    with transaction.atomic():
        batch = ImportBatch.objects.create(created_by=user if user and user.is_authenticated else None)
        items = [ImportItem.objects.create(batch=batch, file=upload, original_name=upload.name[:255])
                 for upload in files]
        for item in items:
            transaction.on_commit(lambda pk=item.pk: read_import_item.enqueue(pk))
    return batch


def read_item(item: ImportItem) -> ImportItem:
    """Extract, parse and summarise one uploaded file (the worker's job); never raises."""
    ImportItem.objects.filter(pk=item.pk).update(status=ImportItem.Status.READING)
    try:
        if item.is_csv:
            _read_csv(item)
        else:
            _read_document(item)
        item.status = ImportItem.Status.READY
    except Exception as error:  # the editor sees a message; the log keeps the traceback
        if isinstance(error, ValueError):  # ExtractionError and friends carry a Vietnamese message
            item.error = str(error)
        else:
            logger.exception("Could not read uploaded import file %s", item.pk)
            item.error = _("Không đọc được tệp (%(error)s).") % {"error": error.__class__.__name__}
        item.status = ImportItem.Status.FAILED
    item.save()
    return item


def _read_document(item: ImportItem) -> None:
    from ..parsing import extract_text, parse_text

    with _named_copy(item) as path:
        extracted = extract_text(path)
    result = parse_text(extracted.text) if extracted.text.strip() else None
    item.text = extracted.text
    item.extraction_method = extracted.method
    item.needs_review = extracted.needs_review
    item.warnings = list(dict.fromkeys([*extracted.warnings, *(result.warnings if result else [])]))
    item.outline = _outline(result) if result else []
    item.metadata = suggested_metadata(result.metadata if result else {})


def _read_csv(item: ImportItem) -> None:
    rows = []
    with _named_copy(item) as path:
        for line, raw in read_rows(path):
            if isinstance(raw, dict):
                rows.append({"line": line, "number": raw.get("number", ""), "title": raw.get("title", ""),
                             "type": raw.get("type", ""), "issuer": raw.get("issuer", ""),
                             "file": raw.get("file", "")})
            else:
                rows.append({"line": line, "error": raw.message})
    item.metadata = {"rows": rows}
    if not rows:
        item.warnings = [_("Tệp CSV không có dòng văn bản nào.")]


def _outline(result) -> list[dict]:
    entries = []

    def walk(nodes, depth):
        for node in nodes:
            if len(entries) >= OUTLINE_LIMIT:
                return
            if node.kind in OUTLINE_KINDS:
                label = (node.heading or f"{node.kind} {node.number}").split("\n")
                entries.append({"eid": node.eid, "kind": node.kind, "depth": depth, "label": " — ".join(label)[:200]})
                walk(node.children, depth + 1)

    walk(result.nodes, 0)
    return entries


def _match(model, name: str):
    """The vocabulary entry named ``name`` (case and diacritics aside), else the longest entry
    ``name`` starts with: the heading "ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN" is "Ủy ban nhân dân tỉnh"."""
    wanted = " ".join(fold_diacritics(name).casefold().split())
    best = None
    for entry in model.objects.filter(active=True).only("pk", "name"):
        folded = fold_diacritics(entry.name).casefold()
        if folded == wanted:
            return entry
        if wanted.startswith(folded + " ") and (best is None or len(folded) > len(fold_diacritics(best.name))):
            best = entry
    return best


def suggested_metadata(meta: dict) -> dict:
    """The parser's guesses turned into form values (vocabulary entries by primary key)."""
    doc_type = _match(DocumentType, meta.get("doc_type", "")) if meta.get("doc_type") else None
    issuer = _match(Issuer, meta.get("issuer", "")) if meta.get("issuer") else None
    return {
        "number": meta.get("number", ""),
        "title": meta.get("title", ""),
        "doc_type": doc_type.pk if doc_type else None,
        "issuer": issuer.pk if issuer else None,
        "issuer_text": meta.get("issuer", ""),
        "issued_on": meta.get("issued_on", ""),
        "signer": meta.get("signer", ""),
        "signer_title": meta.get("signer_title", ""),
    }


class _named_copy:
    """The stored file under its original name in a private temporary folder (the extractor and
    the CSV reader go by the suffix; a CSV's ``file`` column names files beside it)."""

    def __init__(self, item: ImportItem, siblings=()):
        self.item = item
        self.siblings = siblings

    def __enter__(self) -> Path:
        self.folder = Path(tempfile.mkdtemp(prefix="pbgdpl-import-"))
        for other in (self.item, *self.siblings):
            with other.file.open("rb") as source, (self.folder / Path(other.original_name).name).open("wb") as target:
                shutil.copyfileobj(source, target)
        return self.folder / Path(self.item.original_name).name

    def __exit__(self, *exc) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def save_item(item: ImportItem, values: dict, user=None) -> tuple[LegalDocument | None, list[str]]:
    """Save a read DOCX/PDF/TXT item as a draft with the editor's metadata.

    ``values`` are the cleaned form values (vocabulary objects, dates). Returns the document (None
    when the importer refused it) and the importer's messages.
    """
    raw = {
        "number": values.get("number", ""), "title": values["title"], "type": values["doc_type"].name,
        "issuer": values["issuer"].slug, "issued_on": values.get("issued_on"),
        "effective_from": values.get("effective_from"), "signer": values.get("signer", ""),
        "signer_title": values.get("signer_title", ""), "summary": values.get("summary", ""),
        "fields": [f.name for f in values.get("subject_fields", [])], "published": "false",
        "text": item.text or None,
    }
    source = TextSource(source_file=item.original_name, extraction_method=item.extraction_method,
                        needs_review=item.needs_review, warnings=tuple(item.warnings))
    importer = Importer(progress=False, drafts_only=True)
    document = importer.import_row(raw, source=item.original_name, base_dir=Path(tempfile.gettempdir()),
                                   text_source=source)
    return _finish(item, document, importer)


def save_csv_item(item: ImportItem) -> tuple[LegalDocument | None, list[str]]:
    """Import a CSV list (with the batch's other files beside it) as drafts."""
    siblings = [other for other in item.batch.items.exclude(pk=item.pk) if not other.is_csv]
    importer = Importer(progress=False, drafts_only=True)
    with _named_copy(item, siblings) as path:
        importer.run(path)
    return _finish(item, None, importer)


def _finish(item: ImportItem, document, importer: Importer) -> tuple[LegalDocument | None, list[str]]:
    report = importer.report
    messages = [str(r) for r in report.rejected] + list(report.flagged)
    if report.created or report.updated or report.unchanged:
        item.status = ImportItem.Status.SAVED
        item.document = document
        item.error = ""
        messages.insert(0, report.summary())
    else:
        item.error = "\n".join(messages)
    item.save(update_fields=["status", "document", "error"])
    return document, messages


def prune_batches(days: int) -> int:
    """Delete upload batches older than ``days`` days with their stored files; returns how many.

    Saved drafts keep their text and versions (which record the original file name).
    """
    import datetime

    from django.utils import timezone

    cutoff = timezone.now() - datetime.timedelta(days=days)
    old = list(ImportBatch.objects.filter(created_at__lt=cutoff).prefetch_related("items"))
    for batch in old:
        for item in batch.items.all():
            item.file.delete(save=False)
        batch.delete()
    return len(old)
