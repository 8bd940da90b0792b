"""/api/v1/media/…: published videos, outreach materials and infographics (read only).

Newest first by id; ``cursor`` is the last id of the previous page (ids only grow).
"""

from __future__ import annotations

import datetime

from django.http import Http404
from ninja import Field, Query, Router, Schema

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


@router.get("/materials", response=MaterialPage, summary="Tài liệu tuyên truyền đã công khai (mới nhất trước)")
def list_materials(request, params: Query[PageParams]):
    return _page(Material.objects.published(), params, _material)


@router.get("/materials/{material_id}", response=MaterialSchema, summary="Một tài liệu tuyên truyền")
def get_material(request, material_id: int):
    return _one(Material, material_id, _material)


@router.get("/videos", response=VideoPage, summary="Video đã công khai (mới nhất trước)")
def list_videos(request, params: Query[PageParams]):
    return _page(Video.objects.published(), params, _video)


@router.get("/videos/{video_id}", response=VideoSchema, summary="Một video")
def get_video(request, video_id: int):
    return _one(Video, video_id, _video)


@router.get("/infographics", response=InfographicPage, summary="Infographic đã công khai (mới nhất trước)")
def list_infographics(request, params: Query[PageParams]):
    return _page(Infographic.objects.published(), params, _infographic)


@router.get("/infographics/{infographic_id}", response=InfographicSchema, summary="Một infographic")
def get_infographic(request, infographic_id: int):
    return _one(Infographic, infographic_id, _infographic)
