"""/api/v1/media/…: published videos, outreach materials and infographics (read only).

Newest first by id; ``cursor`` is the last id of the previous page (ids only grow).
"""

from __future__ import annotations

import datetime

from django.http import Http404
from ninja import Field, Path, Query, Router, Schema

from .models import Infographic, Material, Video

router = Router()


class PageParams(Schema):
    cursor: int | None = Field(None, ge=1)
    limit: int = Field(20, ge=1, le=100)


class MaterialSchema(Schema):
    id: int
    title: str
    kind: str
    kind_label: str
    audience: str
    year: int
    issuer: str
    field: str | None
    description: str
    page_count: int
    url: str
    download_url: str
    preview_url: str
    updated_at: datetime.datetime


class VideoSchema(Schema):
    id: int
    title: str
    description: str
    field: str | None
    duration_seconds: int
    source: str
    url: str
    video_url: str | None
    poster_url: str | None
    captions_url: str | None
    external_url: str | None
    updated_at: datetime.datetime


class InfographicSchema(Schema):
    id: int
    title: str
    alt_text: str
    long_description: str
    year: int | None
    field: str | None
    url: str
    download_url: str
    updated_at: datetime.datetime


def _page(queryset, params: PageParams, shape) -> dict:
    rows = queryset.order_by("-id")
    if params.cursor:
        rows = rows.filter(id__lt=params.cursor)
    rows = list(rows.select_related("field")[: params.limit + 1])
    more = len(rows) > params.limit
    rows = rows[: params.limit]
    return {"items": [shape(row) for row in rows], "next_cursor": str(rows[-1].pk) if more else None}


def _material(item: Material) -> dict:
    from django.urls import reverse

    return {"id": item.pk, "title": item.title, "kind": item.kind, "kind_label": item.get_kind_display(),
            "audience": item.get_audience_display(), "year": item.year, "issuer": item.issuer,
            "field": item.field.name if item.field_id else None, "description": item.description,
            "page_count": item.page_count, "url": item.get_absolute_url(), "download_url": item.download_url(),
            "preview_url": reverse("media:material_preview", args=[item.pk]), "updated_at": item.updated_at}


def _video(item: Video) -> dict:
    from django.urls import reverse

    def file_url(name: str, present) -> str | None:
        return reverse("media:video_file", args=[item.pk, name]) if present else None

    video_url = reverse("media:video_stream", args=[item.pk, "mp4"]) if item.mp4 else None

    return {"id": item.pk, "title": item.title, "description": item.description,
            "field": item.field.name if item.field_id else None, "duration_seconds": item.duration_seconds,
            "source": item.source, "url": item.get_absolute_url(), "video_url": video_url,
            "poster_url": file_url("anh.jpg", item.poster), "captions_url": file_url("phu-de.vtt", item.captions),
            "external_url": item.external_url or None, "updated_at": item.updated_at}


def _infographic(item: Infographic) -> dict:
    from django.urls import reverse

    return {"id": item.pk, "title": item.title, "alt_text": item.alt_text, "long_description": item.long_description,
            "year": item.year, "field": item.field.name if item.field_id else None, "url": item.get_absolute_url(),
            "download_url": reverse("media:infographic_download", args=[item.pk]), "updated_at": item.updated_at}


def _one(model, pk: int, shape) -> dict:
    item = model.objects.published().select_related("field").filter(pk=pk).first()
    if item is None:
        raise Http404
    return shape(item)


class MaterialPage(Schema):
    items: list[MaterialSchema]
    next_cursor: str | None = None


class VideoPage(Schema):
    items: list[VideoSchema]
    next_cursor: str | None = None


class InfographicPage(Schema):
    items: list[InfographicSchema]
    next_cursor: str | None = None


def _published_endpoints(plural: str, singular: str, model, schema, page, shape, *, summary: str,
                         one_summary: str) -> None:
    """GET /<plural> (published, newest first, cursor-paged) and GET /<plural>/{<singular>_id} for one
    kind. Operation ids and parameter names are the ones separate endpoint functions had, so the
    published OpenAPI description (and clients generated from it) did not change."""

    def list_items(request, params: Query[PageParams]):
        return _page(model.objects.published(), params, shape)

    def get_item(request, item_id: int = Path(..., alias=f"{singular}_id")):
        return _one(model, item_id, shape)

    router.get(f"/{plural}", response=page, summary=summary,
               operation_id=f"pbgdpl_media_api_list_{plural}")(list_items)
    router.get(f"/{plural}/{{{singular}_id}}", response=schema, summary=one_summary,
               operation_id=f"pbgdpl_media_api_get_{singular}")(get_item)


_published_endpoints("materials", "material", Material, MaterialSchema, MaterialPage, _material,
                     summary="Tài liệu tuyên truyền đã công khai (mới nhất trước)",
                     one_summary="Một tài liệu tuyên truyền")
_published_endpoints("videos", "video", Video, VideoSchema, VideoPage, _video,
                     summary="Video đã công khai (mới nhất trước)", one_summary="Một video")
_published_endpoints("infographics", "infographic", Infographic, InfographicSchema, InfographicPage, _infographic,
                     summary="Infographic đã công khai (mới nhất trước)", one_summary="Một infographic")
