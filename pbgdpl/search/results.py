"""What a search returns: result types shared by the engine, the views and the JSON API."""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass, field

from .query import ParsedQuery


@dataclass
class FacetValue:
    value: str
    count: int
    selected: bool = False


@dataclass
class ResultHit:
    key: str
    kind: str
    title: str
    url: str
    snippet_html: str
    score: float
    group_key: str = ""
    group_title: str = ""
    doc_number: str = ""


@dataclass
class ResultGroup:
    key: str
    title: str
    url: str
    doc_number: str
    kind: str
    date: datetime.date | None
    facets: dict[str, list[str]]
    hits: list[ResultHit]
    score: float


@dataclass
class SearchPage:
    query: ParsedQuery
    total: int = 0
    groups: list[ResultGroup] = field(default_factory=list)
    hits: list[ResultHit] = field(default_factory=list)  # flat article ranking (grouped=False)
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    direct_hit: ResultHit | None = None
    suggestion: str | None = None
    elapsed_ms: float = 0.0
    page: int = 1
    per_page: int = 10
    error: str | None = None

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page)) if self.per_page else 1


@dataclass
class Suggestion:
    title: str
    url: str
    doc_number: str
    kind: str
