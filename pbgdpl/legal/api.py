"""/api/v1/documents: the legal registry as data — filters as on /van-ban/, validity at any date,
the provision tree with eids, relations both ways. Registered by ``LegalConfig.ready()``."""

from __future__ import annotations

import datetime

from django.db.models import Max
from django.http import Http404
from ninja import Field as SchemaField
from ninja import Query, Router, Schema

from pbgdpl.api.pagination import newest_first

from . import selectors
from .models import LegalDocument, Validity
from .validity import validity_on

router = Router()


class DocumentSummary(Schema):
    slug: str
    number: str
    title: str
    doc_type: str
    issuer: str
    issued_on: datetime.date | None
    effective_from: datetime.date | None
    effective_to: datetime.date | None
    validity: str = SchemaField(description="Mã tình trạng hiệu lực tại ngày hỏi (tham số `ngay`)")
    validity_label: str
    url: str


class DocumentPage(Schema):
    items: list[DocumentSummary]
    next_cursor: str | None = SchemaField(None, description="Gửi lại trong `cursor` để lấy trang sau")


class ProvisionSchema(Schema):
    eid: str
    kind: str
    number: str
    title: str
    text: str
    children: list[ProvisionSchema] = []


class RelationSchema(Schema):
    predicate: str
    label: str
    document: str = SchemaField(description="slug của văn bản bên kia")
    number: str
    subject_eid: str
    object_eid: str
    effective_on: datetime.date | None


class DocumentDetail(DocumentSummary):
    summary: str
    fields: list[str]
    validity_reason: str
    provisions: list[ProvisionSchema]
    relations_out: list[RelationSchema]
    relations_in: list[RelationSchema]


class ListFilters(Schema):
    loai: list[str] = SchemaField([], description="slug loại văn bản")
    co_quan: list[str] = SchemaField([], description="slug cơ quan ban hành")
    linh_vuc: list[str] = SchemaField([], description="slug lĩnh vực")
    nam: list[str] = SchemaField([], description="năm ban hành")
    hieu_luc: list[str] = SchemaField([], description="mã tình trạng hiệu lực")
    pham_vi: list[str] = SchemaField([], description="central / provincial / commune")
    ngay: datetime.date | None = SchemaField(None, description="hiệu lực tính tại ngày này (mặc định hôm nay)")
    cursor: str | None = None
    limit: int = SchemaField(20, ge=1, le=100)


def _summary(document: LegalDocument, status: str) -> dict:
    return {
        "slug": document.slug, "number": document.number, "title": document.title,
        "doc_type": document.doc_type.name, "issuer": document.issuer.name, "issued_on": document.issued_on,
        "effective_from": document.effective_from, "effective_to": document.effective_to,
        "validity": status, "validity_label": str(Validity(status).label), "url": document.get_absolute_url(),
    }


@router.get("", response=DocumentPage, summary="Danh sách văn bản (lọc như trang /van-ban/)")
def list_documents(request, filters: Query[ListFilters]):
    on = filters.ngay or datetime.date.today()
    values = {key: sorted(selectors.known_values(key, getattr(filters, key))) for key in selectors.FACET_KEYS}
    queryset = selectors.filter_documents(selectors.enacted_documents(), selectors.Filters(on=on, values=values),
                                          annotate=True)
    rows, next_cursor = newest_first(selectors.listing_rows(queryset), date_field="issued_on",
                                     cursor=filters.cursor, limit=filters.limit)
    request._api_last_modified = selectors.enacted_documents().aggregate(latest=Max("updated_at"))["latest"]
    return {"items": [_summary(row, row.validity_at) for row in rows], "next_cursor": next_cursor}


def _tree(nodes) -> list[dict]:
    return [{"eid": n.row.eid, "kind": n.row.kind, "number": n.row.number, "title": n.row.title,
             "text": n.row.text, "children": _tree(n.children)} for n in nodes]


def _relation(relation, other) -> dict:
    return {"predicate": relation.predicate, "label": str(relation.get_predicate_display()), "document": other.slug,
            "number": other.number, "subject_eid": relation.subject_eid, "object_eid": relation.object_eid,
            "effective_on": relation.effective_on}


def _public(slug: str) -> LegalDocument:
    document = selectors.get_public_document(slug)
    if document is None:
        raise Http404
    return document


@router.get("/{slug}", response=DocumentDetail, summary="Một văn bản: hiệu lực, cây điều khoản, quan hệ")
def get_document(request, slug: str, ngay: datetime.date | None = None):
    document = _public(slug)
    result = validity_on(document, ngay or datetime.date.today())
    provisions = selectors.build_tree(selectors.version_provisions(document.current_version_id)) \
        if document.current_version_id else []
    request._api_last_modified = document.updated_at
    return {
        **_summary(document, result.status), "summary": document.summary,
        "fields": [field.name for field in document.fields.all()], "validity_reason": result.reason,
        "provisions": _tree(provisions),
        "relations_out": [_relation(r, r.object) for r in document.outgoing_relations.all() if r.object.live],
        "relations_in": [_relation(r, r.subject) for r in document.incoming_relations.all() if r.subject.live],
    }


@router.get("/{slug}/provisions/{eid}", response=ProvisionSchema, summary="Một điều, khoản, điểm theo mã (eid)")
def get_provision(request, slug: str, eid: str):
    document = _public(slug)
    if not document.current_version_id:
        raise Http404
    rows = selectors.version_provisions(document.current_version_id)
    for node in _walk(selectors.build_tree(rows)):
        if node.row.eid == eid:
            return _tree([node])[0]
    raise Http404


def _walk(nodes):
    for node in nodes:
        yield node
        yield from _walk(node.children)
