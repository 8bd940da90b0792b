"""Writes of the legal registry: save a document with its text, relations and validity.

Every write path (admin publish, importers, demo loader, the daily refresh) goes through
here, so the provisions, the stored validity and the search outbox never drift apart.
"""

from __future__ import annotations

import contextvars
import datetime
import hashlib
import logging
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from pbgdpl.core import pagecache
from pbgdpl.core.text import strip_invisible, vietnamese_slug
from pbgdpl.search.services import mark_changed

from .models import DocumentVersion, Field, LegalDocument, Predicate, Provision, Relation
from .validity import validity_on

logger = logging.getLogger(__name__)

SEARCH_LABEL = "legal.LegalDocument"

# Set while save_document() publishes, so the `published` signal handler does not redo its work.
_saving = contextvars.ContextVar("legal_saving", default=False)


@dataclass(frozen=True)
class RelationSpec:
    """A relation as an importer or a caller states it, before the object is looked up.

    ``object_number`` (+ optional ``object_issuer`` slug or name) names the other document.
    """

    predicate: str
    object_number: str
    object_issuer: str = ""
    subject_eid: str = ""
    object_eid: str = ""
    effective_on: datetime.date | None = None
    ends_on: datetime.date | None = None
    note: str = ""


@dataclass(frozen=True)
class TextSource:
    """Where a text came from: the extractor's method and warnings travel with the version."""

    source_file: str = ""
    extraction_method: str = ""
    needs_review: bool = False
    warnings: tuple[str, ...] = ()
    version_date: datetime.date | None = None
    note: str = ""


def normalise_text(text: str) -> str:
    """NFC, Unix newlines, no invisible characters, no trailing spaces: noise is not a new version."""
    text = strip_invisible(unicodedata.normalize("NFC", text)).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def content_hash(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def find_document(number: str, issuer: str = "") -> LegalDocument | None:
    """Look a document up by its number and, when given, its issuer (slug or name).

    Without an issuer the number must be unambiguous.
    """
    qs = LegalDocument.objects.filter(number__iexact=number.strip())
    if issuer:
        qs = qs.filter(Q(issuer__slug=issuer) | Q(issuer__name__iexact=issuer))
    found = list(qs[:2])
    return found[0] if len(found) == 1 else None


def resolve_relations(specs: Sequence[RelationSpec]) -> list[tuple[RelationSpec, LegalDocument]]:
    """Find each relation's object or raise ValidationError naming the field ``relations``."""
    errors = []
    resolved = []
    valid_predicates = set(Predicate.values)
    for spec in specs:
        if spec.predicate not in valid_predicates:
            errors.append(
                _("Quan hệ “%(predicate)s” không hợp lệ; dùng một trong: %(choices)s.")
                % {"predicate": spec.predicate, "choices": ", ".join(sorted(valid_predicates))}
            )
            continue
        target = find_document(spec.object_number, spec.object_issuer)
        if target is None:
            errors.append(
                _("Không tìm thấy văn bản số “%(number)s” mà quan hệ “%(predicate)s” trỏ tới.")
                % {"number": spec.object_number, "predicate": spec.predicate}
            )
            continue
        resolved.append((spec, target))
    if errors:
        raise ValidationError({"relations": errors})
    return resolved


def _reserved_slugs() -> frozenset[str]:
    try:
        from .urls import RESERVED_SLUGS
    except ImportError:  # the public pages are optional for the registry itself
        return frozenset()
    return RESERVED_SLUGS


def unique_slug(document: LegalDocument) -> str:
    """A slug from the number (or the title), made unique with the issuer's slug, then a counter.

    Slugs the public URLs use for their own pages (lists, feeds) are never taken.
    """
    base = vietnamese_slug(document.number or document.title, 180) or "van-ban"
    reserved = _reserved_slugs()
    candidates = [base, f"{base}-{document.issuer.slug}"[:200]]
    others = LegalDocument.objects.exclude(pk=document.pk) if document.pk else LegalDocument.objects.all()
    for candidate in candidates:
        if candidate not in reserved and not others.filter(slug=candidate).exists():
            return candidate
    counter = 2
    while f"{base}-{counter}" in reserved or others.filter(slug=f"{base}-{counter}").exists():
        counter += 1
    return f"{base}-{counter}"


def save_document(
    document: LegalDocument,
    *,
    text: str | None = None,
    fields: Iterable[Field] | None = None,
    relations: Sequence[RelationSpec] | None = None,
    source: TextSource | None = None,
    publish: bool = True,
    user=None,
) -> LegalDocument:
    """Validate and save ``document`` (new or existing) in one transaction.

    - ``text`` replaces the full text; a text that differs from the latest version becomes a
      new dated ``DocumentVersion`` parsed into provisions (an unchanged text does nothing).
    - ``relations`` (when given) replace the document's outgoing relations; a relation to a
      document that does not exist is refused.
    - validity is recomputed for the document and every document its relations touch, and
      each changed document is queued for reindexing.
    - ``publish`` publishes the result (a revision is saved either way, so the admin shows it).

    Raises ``ValidationError`` naming the offending field; nothing is written then.
    """
    if text is not None:
        document.full_text = normalise_text(text)
    # Metadata typed or imported from a spreadsheet may carry soft hyphens and zero-width spaces too.
    for name in ("title", "summary", "number", "signer", "signer_title"):
        setattr(document, name, strip_invisible(getattr(document, name) or ""))
    if not document.slug:
        document.slug = unique_slug(document)
    document.full_clean()
    resolved = resolve_relations(relations) if relations is not None else None

    if not publish and document.pk and document.live:
        return _save_pending_changes(document, fields, resolved, user)

    with transaction.atomic():
        previous_targets = set(document.outgoing_relations.values_list("object_id", flat=True)) if document.pk else set()
        if document.pk is None:
            document.live = publish
            document.has_unpublished_changes = not publish
        document.save()
        if fields is not None:
            document.fields.set(list(fields))
        if resolved is not None:
            _replace_relations(document, resolved)
        sync_text(document, source or TextSource())
        refresh_document_validity(document)
        document.save()

        token = _saving.set(True)
        try:
            revision = document.save_revision(user=user, log_action=True, clean=False)
            if publish:
                revision.publish(user=user, skip_permission_checks=True)
        finally:
            _saving.reset(token)
        document.refresh_from_db()

        targets = previous_targets | set(document.outgoing_relations.values_list("object_id", flat=True))
        refresh_validity_of(LegalDocument.objects.filter(pk__in=targets))
        mark_changed(SEARCH_LABEL, document.pk)
    return document


def _save_pending_changes(document, fields, resolved, user) -> LegalDocument:
    """Changes to a published document that are not to be published yet: a draft revision only.

    The public row, its versions and its validity stay as they are until the revision is
    published (then the ``published`` signal brings them up to date).
    """
    if fields is not None:
        document.fields = list(fields)
    if resolved is not None:
        document.outgoing_relations = [
            Relation(
                subject_eid=spec.subject_eid, predicate=spec.predicate, object=target,
                object_eid=spec.object_eid, effective_on=spec.effective_on, ends_on=spec.ends_on, note=spec.note,
            )
            for spec, target in resolved
        ]
    with transaction.atomic():
        document.save_revision(user=user, log_action=True, clean=False)
    return document


def _replace_relations(document: LegalDocument, resolved: list[tuple[RelationSpec, LegalDocument]]) -> None:
    document.outgoing_relations.all().delete()
    Relation.objects.bulk_create(
        [
            Relation(
                subject=document,
                subject_eid=spec.subject_eid,
                predicate=spec.predicate,
                object=target,
                object_eid=spec.object_eid,
                effective_on=spec.effective_on,
                ends_on=spec.ends_on,
                note=spec.note,
            )
            for spec, target in resolved
        ]
    )


def sync_text(document: LegalDocument, source: TextSource | None = None, *, reparse: bool = False) -> bool:
    """Make the latest version hold ``document.full_text``; return True when a version was created.

    A text equal to the latest version's changes nothing (re-imports are idempotent); a
    different one — even an unannounced edit — becomes a new version dated ``version_date``
    (default: the issue date for the first version, today for later ones).
    """
    source = source or TextSource()
    text = normalise_text(document.full_text or "")
    if not text:
        return False
    digest = content_hash(text)
    latest = document.versions.order_by("-id").first()
    if latest is not None and latest.content_hash == digest:
        if reparse or not latest.provisions.exists():
            replace_provisions(latest)
        if document.current_version_id != latest.pk:
            document.current_version = latest
            LegalDocument.objects.filter(pk=document.pk).update(current_version=latest)
        return False
    if source.version_date:
        version_date = source.version_date
    elif latest is None:
        version_date = document.issued_on or timezone.localdate()
    else:
        version_date = timezone.localdate()
    version = DocumentVersion.objects.create(
        document=document,
        version_date=version_date,
        text=text,
        content_hash=digest,
        source_file=source.source_file,
        extraction_method=source.extraction_method,
        needs_review=source.needs_review,
        warnings=list(source.warnings),
        note=source.note,
    )
    replace_provisions(version)
    document.current_version = version
    LegalDocument.objects.filter(pk=document.pk).update(current_version=version)
    return True


def replace_provisions(version: DocumentVersion) -> int:
    """Parse the version's text and store its provision tree (replacing any previous parse).

    The parser's eids depend only on the text, so re-parsing the same text keeps them.
    Rows are written one tree level at a time so each level can point at its parents.
    """
    from .parsing import parse_text

    result = parse_text(version.text)
    warnings = list(result.warnings)
    rows: list[tuple[Provision, object]] = []  # (row, parent node)
    seen_eids: set[str] = set()
    levels: dict[int, list[tuple[Provision, object, object]]] = {}
    order = 0

    def walk(nodes, parent_node, depth):
        nonlocal order
        for node in nodes:
            order += 1
            eid = node.eid or f"{node.kind}-{order}"
            if eid in seen_eids:
                warnings.append(_("Mã định danh trùng lặp “%(eid)s” đã được đổi tên.") % {"eid": eid})
                eid = f"{eid}-{order}"
            seen_eids.add(eid)
            row = Provision(
                version=version,
                kind=node.kind,
                number=(node.number or "")[:20],
                title=(node.title or "")[:1000],
                source_heading=(getattr(node, "heading", "") or "")[:1000],
                text=node.text or "",
                eid=eid[:200],
                order=order,
                depth=depth,
            )
            levels.setdefault(depth, []).append((row, node, parent_node))
            walk(node.children, node, depth + 1)

    walk(result.nodes, None, 0)
    version.provisions.all().delete()
    by_node: dict[int, Provision] = {}
    for depth in sorted(levels):
        batch = []
        for row, _node, parent_node in levels[depth]:
            if parent_node is not None:
                row.parent = by_node[id(parent_node)]
            batch.append(row)
        Provision.objects.bulk_create(batch, batch_size=500)
        for row, node, _parent in levels[depth]:
            by_node[id(node)] = row
            rows.append((row, node))
    if warnings != version.warnings:
        merged = list(dict.fromkeys([*version.warnings, *warnings]))
        DocumentVersion.objects.filter(pk=version.pk).update(warnings=merged)
        version.warnings = merged
    return len(rows)


def refresh_document_validity(document: LegalDocument, on: datetime.date | None = None) -> bool:
    """Store the validity computed for ``on`` on the document; True when it changed."""
    on = on or timezone.localdate()
    status, reason, _related = validity_on(document, on)
    changed = (document.validity, document.validity_reason) != (status.value, reason)
    document.validity = status.value
    document.validity_reason = reason
    document.validity_checked_on = on
    return changed


def refresh_validity_of(documents, on: datetime.date | None = None) -> list[int]:
    """Recompute and store validity for ``documents``; queue the changed ones for reindexing.

    Returns the primary keys of the documents whose status or reason changed.
    """
    on = on or timezone.localdate()
    changed = []
    queryset = documents.select_related("doc_type").prefetch_related(
        "incoming_relations__subject__doc_type"
    ).defer("full_text")
    for document in queryset:
        if refresh_document_validity(document, on):
            changed.append(document.pk)
            LegalDocument.objects.filter(pk=document.pk).update(
                validity=document.validity,
                validity_reason=document.validity_reason,
                validity_checked_on=on,
            )
            mark_changed(SEARCH_LABEL, document.pk)
            pagecache.purge_object(SEARCH_LABEL, document.pk)  # a queryset update sends no signal
        else:
            LegalDocument.objects.filter(pk=document.pk).update(validity_checked_on=on)
    return changed


REFRESH_CHUNK = 200


def refresh_all_validity(on: datetime.date | None = None) -> list[int]:
    """The daily job: recompute every document's validity (dates pass, relations take effect).

    Works in short transactions of REFRESH_CHUNK documents so that, on SQLite, editors and
    importers are not locked out for the whole run.
    """
    on = on or timezone.localdate()
    pks = list(LegalDocument.objects.order_by("pk").values_list("pk", flat=True))
    changed: list[int] = []
    for start in range(0, len(pks), REFRESH_CHUNK):
        with transaction.atomic():
            changed += refresh_validity_of(LegalDocument.objects.filter(pk__in=pks[start : start + REFRESH_CHUNK]), on)
    return changed


def after_publish(document: LegalDocument) -> None:
    """What an admin publish needs: the text as a version, validity, reindexing.

    Called from the ``published`` signal; save_document() does the same work itself.
    """
    if _saving.get():
        return
    with transaction.atomic():
        sync_text(document)
        refresh_validity_of(LegalDocument.objects.filter(pk=document.pk))
        targets = set(document.outgoing_relations.values_list("object_id", flat=True))
        targets |= set(getattr(document, "_previous_relation_targets", ()))
        refresh_validity_of(LegalDocument.objects.filter(pk__in=targets))
        mark_changed(SEARCH_LABEL, document.pk)


def after_unpublish_or_delete(document_pk: int, target_pks: Iterable[int]) -> None:
    """A document left the public site: drop it from the index, recompute what it affected."""
    if _saving.get():
        return
    mark_changed(SEARCH_LABEL, document_pk)
    refresh_validity_of(LegalDocument.objects.filter(pk__in=list(target_pks)))


def ensure_document_workflow() -> bool:
    """Put legal documents under the editorial workflow (Biên tập viên → Ban biên tập), once.

    Uses the workflow the accounts app creates; an operator's later choice is kept.
    Returns True when the link was created now.
    """
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Workflow, WorkflowContentType

    from pbgdpl.accounts.roles import WORKFLOW_NAME

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    if workflow is None:
        return False
    content_type = ContentType.objects.get_for_model(LegalDocument)
    _link, created = WorkflowContentType.objects.get_or_create(
        content_type=content_type, defaults={"workflow": workflow}
    )
    return created
