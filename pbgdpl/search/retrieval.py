"""Retrieval and ranking: run the ranking query and turn its documents into ranked entries.

The index holds, per entry, one whole-entry document (unit 0: title, document title,
numbers) and one document per passage (unit 1: a clause of the body, see
``schema.passages``). Tantivy returns them mixed; an entry's score is its whole-entry score
plus its best passage's score, and the best passage is what the snippet shows.
"""

from __future__ import annotations

from dataclasses import dataclass

import tantivy

MAX_FETCH = 1000


@dataclass
class EntryScore:
    """One entry (article) of the ranking, gathered from its whole-entry and passage documents."""

    gid: int  # the group (document) it belongs to
    first_position: int  # rank of its first document in tantivy's answer
    aid: int = 0  # the entry (hash of its key)
    whole: float = 0.0
    passage: float = 0.0  # best passage
    boost: float = 0.0  # what the semantic fusion adds (semantic/fusion.py)
    whole_address: tantivy.DocAddress | None = None
    passage_address: tantivy.DocAddress | None = None

    @property
    def score(self) -> float:
        return self.whole + self.passage + self.boost

    @property
    def address(self) -> tantivy.DocAddress:
        """The document shown for the entry: its best passage, else the whole entry."""
        return self.passage_address or self.whole_address

    def add(self, score: float, address: tantivy.DocAddress, unit: int) -> None:
        if unit:
            if self.passage_address is None or score > self.passage:
                self.passage, self.passage_address = score, address
        elif self.whole_address is None:
            self.whole, self.whole_address = score, address


def order_kwargs(sort: str) -> dict:
    """tantivy's ordering arguments for a sort other than relevance (by date)."""
    if sort in ("newest", "oldest"):
        return {"order_by_field": "date", "order": tantivy.Order.Desc if sort == "newest" else tantivy.Order.Asc}
    return {}


def retrieve(searcher: tantivy.Searcher, rank: tantivy.Query, n_entries: int, sort: str = "relevance") -> list[EntryScore]:
    """About ``n_entries`` best entries, best first (or in date order for a date sort, scores 0)."""
    order_kw = order_kwargs(sort)
    limit = min(MAX_FETCH, n_entries * 4 + 40)
    res = searcher.search(rank, limit, count=False, **order_kw)
    if not res.hits:
        return []
    addrs = [a for _, a in res.hits]
    aids = searcher.fast_field_values("aid", addrs)
    units = searcher.fast_field_values("unit", addrs)
    gids = searcher.fast_field_values("gid", addrs)
    entries: dict[int, EntryScore] = {}
    for pos, ((score, addr), aid, unit, gid) in enumerate(zip(res.hits, aids, units, gids, strict=True)):
        entry = entries.get(aid)
        if entry is None:
            entry = entries[aid] = EntryScore(gid=gid, first_position=pos, aid=aid)
        entry.add(float(score) if not order_kw else 0.0, addr, unit)
    ranked = list(entries.values())
    if order_kw:
        ranked.sort(key=lambda e: e.first_position)
    else:
        ranked.sort(key=lambda e: -e.score)
    return ranked
