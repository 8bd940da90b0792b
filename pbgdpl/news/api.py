"""/api/v1/news: public articles with cursor pagination, filters by section and date.

Registered by ``NewsConfig.ready()``. Only live, unrestricted articles; the body is given as
plain text (the site's page keeps the layout) so partners can index or quote it.
"""

from __future__ import annotations

import datetime

from django.db.models import Max
from django.http import Http404
from ninja import Field, Query, Router, Schema

from pbgdpl.api.pagination import newest_first

from .blocks import body_plain_text
from .models import ArticleIndexPage, ArticlePage

router = Router()


class ArticleSummary(Schema):
    id: int
    slug: str
    title: str
    date: datetime.date
    summary: str
    section: str = Field(description="slug của chuyên mục (trang danh sách) chứa tin")
    section_title: str
    tags: list[str]
    url: str


class ArticleDetail(ArticleSummary):
    body: str = Field(description="Nội dung dạng văn bản thuần")
    source: str


class ArticlePageList(Schema):
    items: list[ArticleSummary]
    next_cursor: str | None = Field(None, description="Gửi lại trong `cursor` để lấy trang sau")


class NewsFilters(Schema):
    chuyen_muc: str | None = Field(None, description="slug chuyên mục, ví dụ `tin-tuc`")
    tu_ngay: datetime.date | None = Field(None, description="ngày đăng từ (kể cả)")
    den_ngay: datetime.date | None = Field(None, description="ngày đăng đến (kể cả)")
    cursor: str | None = None
    limit: int = Field(20, ge=1, le=100)


def public_articles():
    """Live articles without a view restriction, with what the schema needs."""
    return ArticlePage.objects.live().public().prefetch_related("tags")


def _parents(rows) -> dict[int, ArticleIndexPage]:
    paths = {row.path[: -ArticlePage.steplen] for row in rows}
    return {page.path: page for page in ArticleIndexPage.objects.filter(path__in=paths)}


def _summary(page: ArticlePage, parents: dict) -> dict:
    parent = parents.get(page.path[: -ArticlePage.steplen])
    return {"id": page.pk, "slug": page.slug, "title": page.title, "date": page.date, "summary": page.summary,
            "section": parent.slug if parent else "", "section_title": parent.title if parent else "",
            "tags": [tag.name for tag in page.tags.all()], "url": page.url or ""}


@router.get("", response=ArticlePageList, summary="Tin bài đã đăng (mới nhất trước)")
def list_news(request, filters: Query[NewsFilters]):
    queryset = public_articles()
    if filters.chuyen_muc:
        section = ArticleIndexPage.objects.live().filter(slug=filters.chuyen_muc).first()
        queryset = queryset.child_of(section) if section else queryset.none()
    if filters.tu_ngay:
        queryset = queryset.filter(date__gte=filters.tu_ngay)
    if filters.den_ngay:
        queryset = queryset.filter(date__lte=filters.den_ngay)
    rows, next_cursor = newest_first(queryset, date_field="date", cursor=filters.cursor, limit=filters.limit)
    request._api_last_modified = ArticlePage.objects.live().aggregate(latest=Max("last_published_at"))["latest"]
    parents = _parents(rows)
    return {"items": [_summary(row, parents) for row in rows], "next_cursor": next_cursor}


@router.get("/{article_id}", response=ArticleDetail, summary="Một tin bài")
def get_news(request, article_id: int):
    page = public_articles().filter(pk=article_id).first()
    if page is None:
        raise Http404
    request._api_last_modified = page.last_published_at
    return {**_summary(page, _parents([page])), "body": body_plain_text(page.body), "source": page.source}
