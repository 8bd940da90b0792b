"""Read queries of the public legal pages: listings with facets (validity at a date comes from
``LegalDocument.objects.with_validity_at``), lists, and the data of one document page.

Facets follow Peachjam's rule: the base queryset applies the page's own restriction (public,
enacted, a list's window), and each facet's counts apply every filter *except its own*, so
ticking a value never hides the other values of the same group.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db.models import (
    Count,
    Prefetch,
    QuerySet,
)
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from pbgdpl.core import pagecache
from pbgdpl.core.numbers import parse_ascii_int

from .models import (
    IN_FORCE_STATUSES,
    DocumentType,
    DocumentVersion,
    Field,
    Issuer,
    LegalDocument,
    Provision,
    Relation,
    Scope,
    Validity,
)

# Windows of the lists (days after / before the reference date).
NEW_DOCUMENTS_DAYS = 30
COMING_INTO_FORCE_DAYS = 30
EXPIRING_DAYS = 30

# ----------------------------------------------------------------------------------------------
# Public documents
# ----------------------------------------------------------------------------------------------


def public_documents() -> QuerySet:
    """Every document a visitor may open: published (live). Drafts for comment included."""
    return LegalDocument.objects.published()


def enacted_documents() -> QuerySet:
    """Published documents that are law (not drafts put out for comment)."""
    return LegalDocument.objects.published().enacted()


# ----------------------------------------------------------------------------------------------
# Listing with filters and facets
# ----------------------------------------------------------------------------------------------

SORTS = {
    "moi-nhat": ("-issued_on", "-id"),
    "cu-nhat": ("issued_on", "id"),
    "ten": ("title", "id"),
}
DEFAULT_SORT = "moi-nhat"
SORT_LABELS = {
    "moi-nhat": _("Ngày ban hành mới nhất"),
    "cu-nhat": _("Ngày ban hành cũ nhất"),
    "ten": _("Trích yếu (A–Z)"),
}

#: Facet keys (also the GET parameter names), in display order.
FACET_KEYS = ("hieu_luc", "loai", "co_quan", "linh_vuc", "nam", "pham_vi")
FACET_LABELS = {
    "hieu_luc": _("Tình trạng hiệu lực"),
    "loai": _("Loại văn bản"),
    "co_quan": _("Cơ quan ban hành"),
    "linh_vuc": _("Lĩnh vực"),
    "nam": _("Năm ban hành"),
    "pham_vi": _("Phạm vi"),
}


@dataclass
class Filters:
    """Parsed, valid filter values (each a list: values within a group are alternatives)."""

    on: datetime.date
    values: dict[str, list[str]] = field(default_factory=dict)

    def get(self, key: str) -> list[str]:
        return self.values.get(key, [])

    @property
    def active(self) -> bool:
        return any(self.values.values())


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    key: str
    label: str
    values: list[FacetValue]


def _apply(queryset: QuerySet, key: str, values: Sequence[str]) -> QuerySet:
    """Restrict ``queryset`` (annotated with ``validity_at``) by one filter group."""
    if not values:
        return queryset
    if key == "hieu_luc":
        return queryset.filter(validity_at__in=values)
    if key == "loai":
        return queryset.filter(doc_type__slug__in=values)
    if key == "co_quan":
        return queryset.filter(issuer__slug__in=values)
    if key == "linh_vuc":
        # A subquery rather than a join, so a document in two ticked fields is counted once.
        return queryset.filter(pk__in=LegalDocument.objects.filter(fields__slug__in=values).values("pk"))
    if key == "nam":
        return queryset.filter(issued_on__year__in=[int(value) for value in values])
    if key == "pham_vi":
        return queryset.filter(scope__in=values)
    raise KeyError(key)


def filter_documents(base: QuerySet, filters: Filters, *, exclude: str | None = None, annotate: bool = False) -> QuerySet:
    """``base`` restricted by every filter group except ``exclude`` (the facet whose counts are
    being computed). Validity on ``filters.on`` is annotated (``validity_at``) only when a filter
    or the caller needs it: the expression is the costly part of the query."""
    needs_validity = annotate or (exclude != "hieu_luc" and bool(filters.get("hieu_luc")))
    queryset = base.with_validity_at(filters.on) if needs_validity else base
    for key in FACET_KEYS:
        if key != exclude:
            queryset = _apply(queryset, key, filters.get(key))
    return queryset


def _counts(queryset: QuerySet, *group_by: str) -> list[dict]:
    return list(queryset.order_by().values(*group_by).annotate(n=Count("pk", distinct=True)))


def facet_counts(base: QuerySet, filters: Filters) -> list[Facet]:
    """Every facet with its values' counts; each facet applies every filter but its own.

    One GROUP BY query per facet. Selected values keep a row (count 0) so they can be unticked.
    """
    facets = []
    for key in FACET_KEYS:
        queryset = filter_documents(base, filters, exclude=key, annotate=key == "hieu_luc")
        selected = set(filters.get(key))
        rows: list[tuple[str, str, int]] = []
        if key == "hieu_luc":
            counts = {row["validity_at"]: row["n"] for row in _counts(queryset, "validity_at")}
            rows = [(choice.value, str(choice.label), counts.get(choice.value, 0)) for choice in Validity]
        elif key in ("loai", "co_quan", "linh_vuc"):
            prefix = {"loai": "doc_type", "co_quan": "issuer", "linh_vuc": "fields"}[key]
            counts = _counts(queryset.filter(**{f"{prefix}__isnull": False}), f"{prefix}__slug", f"{prefix}__name", f"{prefix}__order")
            counts.sort(key=lambda row: (row[f"{prefix}__order"], row[f"{prefix}__name"]))
            rows = [(row[f"{prefix}__slug"], row[f"{prefix}__name"], row["n"]) for row in counts]
            missing = selected - {row[0] for row in rows}
            if missing:
                model = {"loai": DocumentType, "co_quan": Issuer, "linh_vuc": Field}[key]
                rows += [(slug, name, 0) for slug, name in model.objects.filter(slug__in=missing).values_list("slug", "name")]
        elif key == "nam":
            counts = _counts(queryset.filter(issued_on__isnull=False).annotate(year=ExtractYear("issued_on")), "year")
            rows = sorted(((str(row["year"]), str(row["year"]), row["n"]) for row in counts), reverse=True)
            rows += [(year, year, 0) for year in sorted(selected - {row[0] for row in rows}, reverse=True)]
        elif key == "pham_vi":
            counts = {row["scope"]: row["n"] for row in _counts(queryset, "scope")}
            rows = [(choice.value, str(choice.label), counts.get(choice.value, 0)) for choice in Scope]
        values = [
            FacetValue(value=value, label=label, count=count, selected=value in selected)
            for value, label, count in rows
            if count or value in selected
        ]
        facets.append(Facet(key=key, label=str(FACET_LABELS[key]), values=values))
    return facets


def known_values(key: str, values: Iterable[str]) -> set[str]:
    """Which of ``values`` exist for filter group ``key`` (one query for the vocabularies).

    A value with a NUL or other control character exists nowhere, and PostgreSQL refuses it in a
    query, so it is dropped before asking."""
    values = {value for value in values if value.isprintable()}
    if key == "hieu_luc":
        return values & set(Validity.values)
    if key == "pham_vi":
        return values & set(Scope.values)
    if key == "nam":
        return {value for value in values if parse_ascii_int(value, minimum=1800, maximum=2200) is not None}
    model = {"loai": DocumentType, "co_quan": Issuer, "linh_vuc": Field}[key]
    return set(model.objects.filter(slug__in=values).values_list("slug", flat=True))


def listing_rows(queryset: QuerySet) -> QuerySet:
    """Light rows for a list of documents: no text, vocabularies joined, fields prefetched."""
    return queryset.defer("full_text", "summary", "validity_reason", "validity_override_reason").select_related(
        "doc_type", "issuer"
    ).prefetch_related(Prefetch("fields", queryset=Field.objects.only("name", "slug")))


# ----------------------------------------------------------------------------------------------
# The lists users ask for (DOMAIN.md), each agreeing with validity at the reference date
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentList:
    slug: str
    title: str
    description: str
    sort: tuple[str, ...]


LISTS: dict[str, DocumentList] = {
    item.slug: item
    for item in (
        DocumentList(
            "moi-ban-hanh", _("Văn bản mới ban hành"),
            _("Văn bản ban hành trong %(days)s ngày qua.") % {"days": NEW_DOCUMENTS_DAYS}, ("-issued_on", "-id"),
        ),
        DocumentList(
            "sap-co-hieu-luc", _("Văn bản sắp có hiệu lực"),
            _("Văn bản sẽ có hiệu lực trong %(days)s ngày tới.") % {"days": COMING_INTO_FORCE_DAYS},
            ("effective_from", "id"),
        ),
        DocumentList(
            "co-hieu-luc-tu-hom-nay", _("Văn bản có hiệu lực từ hôm nay"),
            _("Văn bản bắt đầu có hiệu lực từ ngày này."), ("-issued_on", "-id"),
        ),
        DocumentList(
            "sap-het-hieu-luc", _("Văn bản sắp hết hiệu lực"),
            _("Văn bản sẽ hết hiệu lực trong %(days)s ngày tới.") % {"days": EXPIRING_DAYS}, ("effective_to", "id"),
        ),
        DocumentList(
            "du-thao", _("Dự thảo đang lấy ý kiến"),
            _("Dự thảo văn bản đang trong thời gian lấy ý kiến nhân dân."), ("comment_closes", "id"),
        ),
        DocumentList(
            "van-ban-cua-tinh", _("Văn bản của tỉnh"),
            _("Văn bản do Hội đồng nhân dân, Ủy ban nhân dân tỉnh và cấp xã ban hành."), ("-issued_on", "-id"),
        ),
    )
}


def list_documents(slug: str, on: datetime.date) -> QuerySet:
    """The documents of list ``slug`` on ``on``, ordered for that list.

    Date windows come from the registry's queryset methods; the validity condition makes each
    list agree with ``validity_on`` (an override or a repeal before entry into force wins).
    """
    documents = public_documents().with_validity_at(on)
    in_force = [status.value for status in IN_FORCE_STATUSES]
    if slug == "moi-ban-hanh":
        queryset = documents.issued_since(on - datetime.timedelta(days=NEW_DOCUMENTS_DAYS)).filter(issued_on__lte=on)
    elif slug == "sap-co-hieu-luc":
        queryset = documents.coming_into_force(on, on + datetime.timedelta(days=COMING_INTO_FORCE_DAYS)).filter(
            validity_at=Validity.NOT_YET
        )
    elif slug == "co-hieu-luc-tu-hom-nay":
        queryset = documents.effective_from_on(on).filter(validity_at__in=in_force)
    elif slug == "sap-het-hieu-luc":
        queryset = documents.expiring(on, on + datetime.timedelta(days=EXPIRING_DAYS)).filter(validity_at__in=in_force)
    elif slug == "du-thao":
        queryset = documents.open_for_comment(on)
    elif slug == "van-ban-cua-tinh":
        queryset = documents.enacted().provincial()
    else:
        raise KeyError(slug)
    return queryset.order_by(*LISTS[slug].sort)


def latest_documents(limit: int = 30, *, field_slug: str = "", type_slug: str = "") -> list[LegalDocument]:
    """Newest enacted public documents for the feeds (by issue date, then creation), optionally of
    one field (lĩnh vực) or one document type."""
    pagecache.record_list(LegalDocument)
    queryset = enacted_documents()
    if field_slug:
        queryset = queryset.filter(pk__in=LegalDocument.objects.filter(fields__slug=field_slug).values("pk"))
    if type_slug:
        queryset = queryset.filter(doc_type__slug=type_slug)
    return list(
        queryset.select_related("doc_type", "issuer").defer("full_text").order_by("-issued_on", "-created_at")[:limit]
    )


# ----------------------------------------------------------------------------------------------
# One document page
# ----------------------------------------------------------------------------------------------


def get_public_document(slug: str) -> LegalDocument | None:
    """A published document with what its page shows, in a fixed handful of queries:
    the row (type, issuer, current version, the page extensions' annotations), fields,
    attachments with files, versions' dates, and relations both ways with the other side's type."""
    from .page_extensions import annotations

    queryset = (
        public_documents()
        .filter(slug=slug)
        .select_related("doc_type", "issuer")
        .defer("full_text")
        .annotate(**annotations())
        .prefetch_related(
            Prefetch("fields", queryset=Field.objects.only("name", "slug")),
            "attachments__file",
            Prefetch(
                "versions",
                queryset=DocumentVersion.objects.defer("text").order_by("-version_date", "-id"),
                to_attr="version_list",
            ),
            Prefetch(
                "outgoing_relations",
                queryset=Relation.objects.select_related("object__doc_type").defer("object__full_text"),
            ),
            Prefetch(
                "incoming_relations",
                queryset=Relation.objects.select_related("subject__doc_type").defer("subject__full_text"),
            ),
        )
    )
    return queryset.first()


@dataclass
class ProvisionNode:
    """One provision with its children, in document order."""

    row: Provision
    children: list[ProvisionNode] = field(default_factory=list)


def build_tree(rows: list[Provision]) -> list[ProvisionNode]:
    """Nest rows (in document order) under their parents; orphans become roots."""
    nodes = {row.pk: ProvisionNode(row) for row in rows}
    roots = []
    for row in rows:
        parent = nodes.get(row.parent_id) if row.parent_id else None
        (parent.children if parent else roots).append(nodes[row.pk])
    return roots


def version_provisions(version_id: int) -> list[Provision]:
    """Every provision of a version in document order, from ONE query."""
    return list(
        Provision.objects.filter(version_id=version_id)
        .order_by("order")
        .only("id", "parent_id", "kind", "number", "title", "source_heading", "text", "eid", "depth", "order")
    )
