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
    validity: str = ""  # the document's validity status, for provisions


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
    # The provision that clearly answers the question, shown as a card above the groups.
    answer: ResultHit | None = None
    answer_questions: list[ResultHit] = field(default_factory=list)  # published Q&As beside the card
    suggestion: str | None = None
    elapsed_ms: float = 0.0
    page: int = 1
    per_page: int = 10
    error: str | None = None

    def displayed_hits(self) -> list[ResultHit]:
        """The results page in reading order: the direct hit, the answer card and the Q&As beside
        it, then each group's hits in order; an entry shown twice (a card repeated in its group) counts once."""
        shown: list[ResultHit] = []
        seen: set[str] = set()
        for hit in [self.direct_hit, self.answer, *self.answer_questions, *(h for g in self.groups for h in g.hits)]:
            if hit is not None and hit.key not in seen:
                seen.add(hit.key)
                shown.append(hit)
        return shown

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page)) if self.per_page else 1


@dataclass
class Suggestion:
    title: str
    url: str
    doc_number: str
    kind: str
