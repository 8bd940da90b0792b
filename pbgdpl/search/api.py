"""/api/v1/search: the site search as data (article-level hits, flat ranking). Registered by SearchConfig."""

from __future__ import annotations

from ninja import Field, Query, Router, Schema

from . import engine

router = Router()
KINDS = ("document", "article", "news", "page", "question")


class HitSchema(Schema):
    kind: str
    title: str
    url: str
    snippet: str = Field(description="đoạn trích (HTML, các từ khớp trong <mark>)")
    document_number: str
    document_title: str
    score: float


class SearchResult(Schema):
    query: str
    total: int
    page: int
    hits: list[HitSchema]


class SearchParams(Schema):
    q: str = Field(..., min_length=1, max_length=200)
    page: int = Field(1, ge=1, le=100)
    per_page: int = Field(10, ge=1, le=50)
    kind: list[str] = Field([], description=f"một trong {KINDS}")


@router.get("", response=SearchResult, summary="Tìm kiếm (có dấu hoặc không dấu), kết quả đến từng điều")
def search(request, params: Query[SearchParams]):
    q, page = params.q, params.page
    result = engine.search(q, page=page, per_page=params.per_page, kinds=params.kind or None, grouped=False,
                           with_facets=False)
    hits = [
        {"kind": hit.kind, "title": hit.title, "url": hit.url, "snippet": hit.snippet_html,
         "document_number": hit.doc_number, "document_title": hit.group_title, "score": round(hit.score, 4)}
        for hit in result.hits
    ]
    return {"query": q, "total": result.total, "page": page, "hits": hits}
