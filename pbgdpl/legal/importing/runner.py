"""Import documents from JSON Lines or CSV files (``manage.py import_documents``).

- One transaction per document: a bad row is reported and skipped, the rest goes in.
- Idempotent: number + issuer identify a document; a row equal to what is stored writes
  nothing, an unchanged text never makes a new version.
- Relations are resolved after every document of the run is in, so a file may cite a
  document that comes later in it. A relation to a document that is neither in the
  database nor in the run refuses the whole row before anything of it is written.
"""

from __future__ import annotations

import csv
import dataclasses
import gzip
import io
import json
import logging
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from tqdm import tqdm

from ..models import LegalDocument
from ..services import RelationSpec, TextSource, content_hash, find_document, normalise_text, save_document
from .rows import DocumentRow, RowError, Vocabularies, parse_row

logger = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (".jsonl", ".jsonl.gz", ".csv")


@dataclass
class Rejection:
    source: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return _("%(source)s dòng %(line)s — %(field)s: %(message)s") % {
            "source": self.source, "line": self.line, "field": self.field, "message": self.message,
        }


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    flagged: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return _("Thêm mới %(created)d, cập nhật %(updated)d, không đổi %(unchanged)d, bị từ chối %(rejected)d.") % {
            "created": len(self.created), "updated": len(self.updated),
            "unchanged": len(self.unchanged), "rejected": len(self.rejected),
        }


def _open_text(path: Path):
    if path.name.endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8-sig")
    return path.open(encoding="utf-8-sig", newline="")


def read_rows(path: Path) -> Iterator[tuple[int, object]]:
    """Yield (line number, raw row or RowError) for a .jsonl(.gz) or .csv file."""
    with _open_text(path) as handle:
        if path.suffix == ".csv":
            reader = csv.DictReader(handle)
            if not reader.fieldnames:
                return
            for record in reader:
                # line_num is the last physical line read: the row's own line for one-line rows.
                yield reader.line_num, {k: v for k, v in record.items() if k is not None}
            return
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as error:
                yield number, RowError("(JSON)", _("dòng không phải JSON hợp lệ (%(error)s).") % {"error": error.msg})


def files_in(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.is_file() and p.name.endswith(SUPPORTED_SUFFIXES))
    return [path]


def _validation_messages(error: ValidationError) -> list[tuple[str, str]]:
    if hasattr(error, "error_dict"):
        return [(name, " ".join(str(m) for m in messages)) for name, messages in error.message_dict.items()]
    return [("(văn bản)", " ".join(error.messages))]


class Importer:
    """``drafts_only`` keeps every imported document unpublished (the admin's upload screen)."""

    def __init__(self, *, create_issuers: bool = False, progress: bool = True, drafts_only: bool = False):
        self.vocabularies = Vocabularies(create_issuers=create_issuers)
        self.progress = progress
        self.drafts_only = drafts_only
        self.report = ImportReport()

    def import_row(self, raw: dict, *, source: str, base_dir: Path,
                   text_source: TextSource | None = None) -> LegalDocument | None:
        """Check and import one row given as a dict (the columns of a CSV row); None when rejected.

        ``text_source`` describes a ``text`` extracted beforehand (method, warnings), so the
        version records it as if the importer had read the file itself.
        """
        try:
            row = parse_row(raw, 1, self.vocabularies, base_dir)
        except RowError as error:
            self._reject(source, 1, error.field, error.message)
            return None
        row.source = text_source
        return self._import_one(source, row)

    def run(self, path: Path) -> ImportReport:
        path = Path(path)
        if not path.exists():
            raise FileNotFoundError(path)
        rows: list[tuple[str, DocumentRow]] = []
        for file in files_in(path):
            rows.extend((file.name, row) for row in self._checked_rows(file))
        rows = self._drop_unresolvable(rows)
        deferred: list[tuple[str, DocumentRow, LegalDocument]] = []
        bar = tqdm(total=len(rows), desc=_("Nhập văn bản"), unit=_("văn bản"), file=sys.stderr,
                   disable=None if self.progress else True)
        for source, row in rows:
            document = self._import_one(source, row)
            if document is not None and row.relations and not self._relations_resolvable_now(row):
                deferred.append((source, row, document))
            bar.update(1)
        bar.close()
        for source, row, document in deferred:
            self._attach_relations(source, row, document)
        return self.report

    def _reject(self, source: str, line: int, field_name: str, message: str) -> None:
        self.report.rejected.append(Rejection(source, line, field_name, message))

    def _checked_rows(self, file: Path) -> list[DocumentRow]:
        rows: list[DocumentRow] = []
        seen: dict[tuple[str, int], int] = {}
        try:
            raw_rows = list(read_rows(file))
        except (OSError, UnicodeDecodeError, csv.Error) as error:
            self._reject(file.name, 0, "(tệp)", _("không đọc được tệp: %(error)s") % {"error": error})
            return rows
        for line, raw in raw_rows:
            if isinstance(raw, RowError):
                self._reject(file.name, line, raw.field, raw.message)
                continue
            try:
                row = parse_row(raw, line, self.vocabularies, file.parent)
            except RowError as error:
                self._reject(file.name, line, error.field, error.message)
                continue
            if row.number and row.key in seen:
                self._reject(file.name, line, "number", _("trùng số ký hiệu với dòng %(line)d.") % {"line": seen[row.key]})
                continue
            if row.number:
                seen[row.key] = line
            rows.append(row)
        return rows

    def _drop_unresolvable(self, rows):
        """Refuse rows with a relation to a document that is neither stored nor in this run."""
        while True:
            in_run = {(row.number.casefold(), row.issuer) for _s, row in rows if row.number}
            kept, dropped = [], False
            for source, row in rows:
                missing = [spec for spec in row.relations if not self._target_known(spec, in_run)]
                if missing:
                    self._reject(
                        source, row.line, "relations",
                        _("không tìm thấy văn bản số “%(number)s” mà quan hệ “%(predicate)s” trỏ tới.")
                        % {"number": missing[0].object_number, "predicate": missing[0].predicate},
                    )
                    dropped = True
                else:
                    kept.append((source, row))
            rows = kept
            if not dropped:
                return rows

    @staticmethod
    def _target_known(spec: RelationSpec, in_run) -> bool:
        number = spec.object_number.casefold()
        for run_number, issuer in in_run:
            if run_number == number and (
                not spec.object_issuer
                or spec.object_issuer in {issuer.slug, issuer.name}
                or spec.object_issuer.casefold() == issuer.name.casefold()
            ):
                return True
        return find_document(spec.object_number, spec.object_issuer) is not None

    @staticmethod
    def _relations_resolvable_now(row: DocumentRow) -> bool:
        return all(find_document(s.object_number, s.object_issuer) for s in row.relations)

    def _text_for(self, row: DocumentRow) -> tuple[str | None, TextSource]:
        if row.text is not None and row.source is not None:
            return row.text, dataclasses.replace(row.source, version_date=row.version_date)
        if row.text is not None or row.file is None:
            return row.text, TextSource(version_date=row.version_date)
        from ..parsing import ExtractionError, extract_text

        try:
            extracted = extract_text(row.file)
        except ExtractionError as error:
            raise RowError("file", str(error)) from error
        except Exception as error:  # any other reader failure is still the file's fault
            logger.warning("Could not extract %s: %s", row.file, error)
            raise RowError("file", _("không đọc được tệp “%(name)s” (%(error)s).") % {
                "name": row.file.name, "error": error.__class__.__name__}) from error
        source = TextSource(
            source_file=row.file.name,
            extraction_method=extracted.method,
            needs_review=extracted.needs_review,
            warnings=tuple(extracted.warnings),
            version_date=row.version_date,
        )
        if not normalise_text(extracted.text):
            if extracted.needs_review:
                # A scan nobody could read: keep the metadata as an unpublished draft for an editor.
                return None, source
            raise RowError("file", _("tệp “%(name)s” không có nội dung đọc được.") % {"name": row.file.name})
        return extracted.text, source

    def _import_one(self, source: str, row: DocumentRow) -> LegalDocument | None:
        try:
            text, text_source = self._text_for(row)
        except RowError as error:
            self._reject(source, row.line, error.field, error.message)
            return None
        document = None
        if row.number:
            document = LegalDocument.objects.filter(number__iexact=row.number, issuer=row.issuer).first()
        if document is None and not row.number:
            document = LegalDocument.objects.filter(
                number="", issuer=row.issuer, title=row.values["title"]
            ).first()
        created = document is None
        publish = row.publish and not self.drafts_only
        if text is None and text_source.needs_review:
            publish = False
            self.report.flagged.append(
                _("%(source)s dòng %(line)s — %(number)s: chưa đọc được toàn văn từ “%(file)s”, đã lưu bản nháp "
                  "để biên tập viên nhập (%(warnings)s).") % {
                    "source": source, "line": row.line, "number": row.number or row.values["title"],
                    "file": text_source.source_file, "warnings": "; ".join(text_source.warnings)}
            )
        relations = row.relations if self._relations_resolvable_now(row) else None
        if document is not None and not self._differs(document, row, text, relations, publish):
            self.report.unchanged.append(str(document))
            return document
        document = document or LegalDocument()
        document.number = row.number
        document.issuer = row.issuer
        document.doc_type = row.doc_type
        for name, value in row.values.items():
            setattr(document, name, value)
        try:
            with transaction.atomic():
                save_document(
                    document, text=text, fields=row.fields, relations=relations,
                    source=text_source, publish=publish,
                )
        except ValidationError as error:
            for field_name, message in _validation_messages(error):
                self._reject(source, row.line, field_name, message)
            return None
        except Exception:  # never a traceback for the operator; the log keeps it
            logger.exception("Unexpected error importing %s line %s", source, row.line)
            self._reject(source, row.line, "(văn bản)", _("lỗi không mong đợi, xem nhật ký máy chủ."))
            return None
        (self.report.created if created else self.report.updated).append(str(document))
        return document

    def _differs(self, document: LegalDocument, row: DocumentRow, text, relations, publish: bool) -> bool:
        if document.doc_type_id != row.doc_type.pk or document.live != publish:
            return True
        if any(getattr(document, name) != value for name, value in row.values.items()):
            return True
        if {f.pk for f in row.fields} != set(document.fields.values_list("pk", flat=True)):
            return True
        if text is not None:
            latest = document.versions.order_by("-id").values_list("content_hash", flat=True).first()
            if latest != content_hash(text):
                return True
        if relations is not None and self._relation_keys(relations) != self._stored_relation_keys(document):
            return True
        return False

    @staticmethod
    def _relation_keys(specs) -> set:
        keys = set()
        for spec in specs:
            target = find_document(spec.object_number, spec.object_issuer)
            keys.add((spec.predicate, target.pk if target else None, spec.subject_eid, spec.object_eid,
                      spec.effective_on, spec.ends_on, spec.note))
        return keys

    @staticmethod
    def _stored_relation_keys(document: LegalDocument) -> set:
        return set(
            document.outgoing_relations.values_list(
                "predicate", "object_id", "subject_eid", "object_eid", "effective_on", "ends_on", "note"
            )
        )

    def _attach_relations(self, source: str, row: DocumentRow, document: LegalDocument) -> None:
        document.refresh_from_db()
        if self._relation_keys(row.relations) == self._stored_relation_keys(document):
            return
        try:
            with transaction.atomic():
                save_document(document, relations=row.relations, publish=row.publish and not self.drafts_only)
        except ValidationError as error:
            for field_name, message in _validation_messages(error):
                self._reject(source, row.line, field_name, message)


def import_documents(path, *, create_issuers: bool = False, progress: bool = True,
                     drafts_only: bool = False) -> ImportReport:
    """Import every document in ``path`` (a .jsonl, .jsonl.gz or .csv file, or a folder of them)."""
    return Importer(create_issuers=create_issuers, progress=progress, drafts_only=drafts_only).run(Path(path))
