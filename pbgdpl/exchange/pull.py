"""Pull: documents of the national source become UNPUBLISHED drafts in the legal registry.

The source is a paged list (docs/exchange.md "Pull"). Each page is processed, then its cursor is
stored (``Checkpoint``), so a run that fails resumes at the page it failed on. A source id seen
before with the same content hash is skipped; with a new hash the existing draft is updated. A
document whose number and issuer already exist in the registry (typed by an editor) is linked to
the source id, never duplicated. ``legal.services.save_document`` parses the provision tree.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from pbgdpl.legal.importing.rows import RowError, Vocabularies
from pbgdpl.legal.models import LegalDocument
from pbgdpl.legal.parsing.extract import ExtractionError, extract_text
from pbgdpl.legal.services import TextSource, find_document, save_document

from .client import ExchangeClient, ExchangeError, configured
from .models import Checkpoint, Direction, ExchangeRun, PulledItem
from .push import MAX_LOGGED_ERRORS, finish

logger = logging.getLogger(__name__)
CHECKPOINT = "pull-cursor"
PAGE_SIZE = 50
MAX_FILE_BYTES = 30 * 1024 * 1024


class ItemError(Exception):
    """One item cannot be imported (bad metadata, unreadable file): logged, the run goes on."""


def _date(value, name: str) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise ItemError(f"{name} “{value}” không phải ngày YYYY-MM-DD") from None


def _text(client: ExchangeClient, item: dict) -> tuple[str, TextSource]:
    if item.get("text"):
        return str(item["text"]), TextSource(extraction_method="txt", note="Nhận từ trục chia sẻ dữ liệu")
    url = item.get("file_url")
    if not url:
        return "", TextSource()
    response = client.request("GET", url)
    if len(response.content) > MAX_FILE_BYTES:
        raise ItemError("tệp văn bản quá lớn")
    suffix = Path(urlsplit(url).path).suffix.lower() or ".txt"
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / f"van-ban{suffix}"
        path.write_bytes(response.content)
        try:
            extracted = extract_text(path)
        except ExtractionError as error:
            raise ItemError(str(error)) from None
    return extracted.text, TextSource(source_file=url[:500], extraction_method=extracted.method,
                                      needs_review=extracted.needs_review, warnings=tuple(extracted.warnings),
                                      note="Nhận từ trục chia sẻ dữ liệu")


def _import(client: ExchangeClient, item: dict, vocabularies: Vocabularies) -> bool:
    """Create or update the draft for one source item; False when it is unchanged."""
    if not isinstance(item, dict):
        raise ItemError("mục không phải đối tượng JSON")
    source_id = str(item.get("id") or "").strip()[:200]
    if not source_id or not item.get("number") or not item.get("title"):
        raise ItemError("thiếu id, number hoặc title")
    digest = hashlib.sha256(json.dumps(item, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    seen = PulledItem.objects.filter(source_id=source_id).select_related("document").first()
    if seen and seen.content_hash == digest:
        return False
    try:
        doc_type = vocabularies.doc_type(str(item.get("doc_type", "")))
        issuer = vocabularies.issuer(str(item.get("issuer", "")), str(item.get("scope", "")))
    except RowError as error:
        raise ItemError(str(error)) from None
    document = (seen.document if seen else None) or find_document(str(item["number"]), issuer.slug) \
        or LegalDocument()
    if document.pk and document.live and not (seen and seen.document_id == document.pk):
        # An editor already published this document: link it, leave their text alone.
        PulledItem.objects.update_or_create(source_id=source_id, defaults={"content_hash": digest,
                                                                           "document": document})
        return False
    text, source = _text(client, item)
    document.number, document.title = str(item["number"])[:100], str(item["title"])[:1000]
    document.doc_type, document.issuer = doc_type, issuer
    document.summary = str(item.get("summary") or "")
    document.signer = str(item.get("signer") or "")[:200]
    document.issued_on = _date(item.get("issued_on"), "issued_on")
    document.effective_from = _date(item.get("effective_from"), "effective_from")
    document.effective_to = _date(item.get("effective_to"), "effective_to")
    try:
        with transaction.atomic():
            document = save_document(document, text=text or None, source=source, publish=False)
            PulledItem.objects.update_or_create(source_id=source_id, defaults={"content_hash": digest,
                                                                               "document": document})
    except ValidationError as error:
        raise ItemError("; ".join(error.messages)) from None
    return True


def pull() -> ExchangeRun | None:
    """One pull run from the stored cursor to the end of the list; None when not configured."""
    if not configured(settings.EXCHANGE_PULL_URL):
        return None
    run = ExchangeRun.objects.create(direction=Direction.PULL)
    checkpoint, _ = Checkpoint.objects.get_or_create(name=CHECKPOINT)
    vocabularies = Vocabularies(create_issuers=True)
    client = ExchangeClient()
    try:
        while True:
            params = {"limit": PAGE_SIZE, **({"cursor": checkpoint.value} if checkpoint.value else {})}
            try:
                page = client.request("GET", settings.EXCHANGE_PULL_URL, params=params).json()
                items, next_cursor = page["items"], page.get("next_cursor")
            except (ExchangeError, ValueError, KeyError, TypeError) as error:
                return finish(run, aborted=f"trang {checkpoint.value or 'đầu'}: {error}")
            for item in items:
                try:
                    if _import(client, item, vocabularies):
                        run.received += 1
                    else:
                        run.unchanged += 1
                except (ItemError, ExchangeError) as error:
                    run.failed += 1
                    if len(run.errors) < MAX_LOGGED_ERRORS:
                        run.errors.append(f"{item.get('id', '?') if isinstance(item, dict) else '?'}: {error}")
            if not next_cursor:
                return finish(run)
            checkpoint.value = str(next_cursor)[:500]
            checkpoint.save()
            run.save()
    finally:
        client.close()
