"""/api/v1/datasets: the open datasets of /du-lieu-mo/ (registries and statistics) as JSON.

Every dataset an app registers with ``core.open_data`` is served here the same way, so a new
registry or statistic needs no endpoint of its own. The datasets hold no personal data beyond what
each person consented to publish (the providing apps filter and test it).
"""

from __future__ import annotations

from typing import Any

from django.http import Http404
from ninja import Field, Query, Router, Schema

from pbgdpl.core import open_data

router = Router()


class FieldSchema(Schema):
    name: str
    type: str
    description: str


class DatasetSchema(Schema):
    slug: str
    title: str
    description: str
    publisher: str
    licence: str
    fields: list[FieldSchema]
    csv_url: str
    json_url: str


class RowsParams(Schema):
    offset: int = Field(0, ge=0, le=10_000_000)
    limit: int = Field(100, ge=1, le=1000)


class RowsSchema(Schema):
    slug: str
    total: int
    offset: int
    next_offset: int | None
    rows: list[dict[str, Any]]


def _describe(dataset: open_data.Dataset) -> dict:
    return {
        "slug": dataset.slug, "title": dataset.title, "description": dataset.description,
        "publisher": dataset.publisher, "licence": dataset.licence,
        "fields": [{"name": f.name, "type": f.type, "description": f.description} for f in dataset.fields],
        "csv_url": f"/du-lieu-mo/{dataset.slug}.csv", "json_url": f"/du-lieu-mo/{dataset.slug}.json",
    }


@router.get("", response=list[DatasetSchema], summary="Các bộ dữ liệu mở (danh bạ, số liệu thống kê)")
def list_datasets(request):
    return [_describe(dataset) for dataset in open_data.datasets()]


@router.get("/{slug}", response=RowsSchema, summary="Các dòng của một bộ dữ liệu mở")
def dataset_rows(request, slug: str, params: Query[RowsParams]):
    dataset = open_data.dataset(slug)
    if dataset is None:
        raise Http404("Không có bộ dữ liệu này.")
    rows = list(dataset.rows())
    page = rows[params.offset : params.offset + params.limit]
    names = dataset.field_names()
    end = params.offset + len(page)
    return {
        "slug": dataset.slug, "total": len(rows), "offset": params.offset,
        "next_offset": end if end < len(rows) else None,
        # Only the documented fields, as strings, numbers, booleans or null (dates as ISO text).
        "rows": [{name: _plain(row.get(name)) for name in names} for row in page],
    }


def _plain(value):
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
