"""Legal registry models, re-exported so callers import from ``pbgdpl.legal.models``."""

from .choices import PREDICATE_VERBS, Predicate, ProvisionKind, Scope, Validity
from .documents import (
    IN_FORCE_STATUSES,
    DocumentAttachment,
    DocumentVersion,
    LegalDocument,
    LegalDocumentQuerySet,
    Provision,
)
from .imports import ImportBatch, ImportItem
from .relations import Relation
from .vocabularies import DocumentType, Field, Issuer

__all__ = [
    "IN_FORCE_STATUSES",
    "PREDICATE_VERBS",
    "DocumentAttachment",
    "DocumentType",
    "DocumentVersion",
    "Field",
    "ImportBatch",
    "ImportItem",
    "Issuer",
    "LegalDocument",
    "LegalDocumentQuerySet",
    "Predicate",
    "Provision",
    "ProvisionKind",
    "Relation",
    "Scope",
    "Validity",
]
