"""Presentation: ranked entries become hits with snippets, groups under their document, and
the direct hit (the provision or document the query names)."""

from __future__ import annotations

import datetime

import tantivy

from .query import ParsedQuery
from .querybuild import DIRECT_SCORE, provision_query
from .results import ResultGroup, ResultHit
from .retrieval import EntryScore
from .schema import FACET_KEYS
from .snippets import highlight
from .understanding import law_titles

MAX_GROUP_HITS = 3
MAX_SNIPPETS = 10  # a flat list of 100 shows snippets for its first entries only
# The answer card: the best entry is a provision that outscores the runner-up by this factor.
ANSWER_MARGIN = 1.5
ANSWER_QUESTIONS = 2  # published Q&As shown beside the card …
ANSWER_QUESTION_SHARE = 0.5  # … when they score at least this share of the card's provision
ANSWER_QUESTION_DEPTH = 30  # … and rank among the first entries


def _first(doc: dict, name: str) -> str:
    return (doc.get(name) or [""])[0]


def _to_date(value) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    return value


def make_hit(doc: tantivy.Document, score: float, terms: set[str], snippet: bool) -> ResultHit:
    def one(name: str) -> str:
        value = doc.get_first(name)
        return value if isinstance(value, str) else ""

    return ResultHit(
        key=one("key"),
        kind=one("facet_kind"),
        title=one("title"),
        url=one("url"),
        snippet_html=highlight(one("body"), terms) if snippet else "",
        score=float(score),
        group_key=one("group_key"),
        group_title=one("group_title"),
        doc_number=one("doc_number_display"),
        validity=one("facet_validity"),
    )


def flat_hits(searcher: tantivy.Searcher, ranked: list[EntryScore], start: int, count: int, terms: set[str]) -> list[ResultHit]:
    return [
        make_hit(searcher.doc(entry.address), entry.score, terms, snippet=i < MAX_SNIPPETS)
        for i, entry in enumerate(ranked[start : start + count])
    ]


def _runs(ranked: list[EntryScore], scored: bool) -> list[list[EntryScore]]:
    """The entries cut into display groups.

    Ranked by relevance, a group is a run of consecutive entries of one document in the
    ranking (at most MAX_GROUP_HITS): a document's second article is shown under its first
    only when no other document's article ranks between them, otherwise the document comes
    back lower down with that article. The page then reads exactly like the ranking, so
    grouping never pushes another document's best answer down (issue 13: with groups of a
    document's three best articles the page lost 4–6 nDCG points to the ranking).
    In date order every document is one group of its (up to three) entries.
    """
    if not scored:
        members: dict[int, list[EntryScore]] = {}
        for entry in ranked:
            members.setdefault(entry.gid, []).append(entry)
        return [entries[:MAX_GROUP_HITS] for entries in members.values()]
    runs: list[list[EntryScore]] = []
    for entry in ranked:
        if runs and runs[-1][0].gid == entry.gid and len(runs[-1]) < MAX_GROUP_HITS:
            runs[-1].append(entry)
        else:
            runs.append([entry])
    return runs


def grouped_hits(
    searcher: tantivy.Searcher, ranked: list[EntryScore], start: int, count: int, terms: set[str], scored: bool
) -> list[ResultGroup]:
    """Display groups ``start``…``start + count`` (see ``_runs``), each with its entries."""
    groups = []
    for entries in _runs(ranked, scored)[start : start + count]:
        hits = [make_hit(searcher.doc(e.address), e.score, terms, snippet=True) for e in entries]
        first = searcher.doc(entries[0].address).to_dict()
        groups.append(
            ResultGroup(
                key=first["group_key"][0],
                title=_first(first, "group_title") or hits[0].title,
                url=_first(first, "group_url") or hits[0].url,
                doc_number=_first(first, "doc_number_display"),
                kind=_first(first, "facet_kind"),
                date=_to_date((first.get("date") or [None])[0]),
                facets={k: first.get(f"facet_{k}", []) for k in FACET_KEYS if first.get(f"facet_{k}")},
                hits=hits,
                score=entries[0].score if scored else 0.0,
            )
        )
    return groups


def answer_card(
    searcher: tantivy.Searcher, ranked: list[EntryScore], terms: set[str]
) -> tuple[ResultHit | None, list[ResultHit]]:
    """The provision that clearly answers the question, with the published Q&As near it.

    The card is the best-ranked provision when nothing but Q&As ranks above it and it leads
    the next provision by ANSWER_MARGIN (a Q&A saying the same thing does not cancel it)."""
    card_entry, runner_up, card, questions = None, None, None, []
    for entry in ranked[:ANSWER_QUESTION_DEPTH]:
        hit = make_hit(searcher.doc(entry.address), entry.score, terms, snippet=True)
        if hit.kind == "question":
            if len(questions) < ANSWER_QUESTIONS:
                questions.append((entry, hit))
        elif card_entry is None:
            if hit.kind != "provision":
                return None, []
            card_entry, card = entry, hit
        elif hit.kind == "provision":
            runner_up = entry
            break
    if card_entry is None or card_entry.score <= 0:
        return None, []
    if runner_up is not None and card_entry.score < ANSWER_MARGIN * runner_up.score:
        return None, []
    return card, [hit for entry, hit in questions if entry.score >= ANSWER_QUESTION_SHARE * card_entry.score]


def direct_hit(pq: ParsedQuery, schema: tantivy.Schema, searcher: tantivy.Searcher) -> ResultHit | None:
    """The provision a reference names ("điều 35 bộ luật lao động"), else the document a
    number names ("45/2019/QH14")."""
    target = None
    if pq.doc_number:
        target = tantivy.Query.term_query(schema, "docnum", pq.doc_number)
    elif pq.law and pq.provision_ref:
        target = tantivy.Query.term_set_query(schema, "group_title", law_titles(pq))
    if target is None:
        return None
    if pq.provision_ref:
        q = tantivy.Query.boolean_query([(tantivy.Occur.Must, target), (tantivy.Occur.Must, provision_query(schema, pq))])
        res = searcher.search(q, 1, count=False)
        if res.hits:
            return make_hit(searcher.doc(res.hits[0][1]), DIRECT_SCORE, set(pq.tokens), snippet=True)
    res = searcher.search(target, 1, count=False)
    if not res.hits:
        return None
    doc = searcher.doc(res.hits[0][1])
    hit = make_hit(doc, DIRECT_SCORE, set(pq.tokens), snippet=False)
    # A document number leads to the document itself.
    return ResultHit(
        key=hit.group_key, kind=hit.kind, title=hit.group_title or hit.title,
        url=_first(doc.to_dict(), "group_url") or hit.url,
        snippet_html="", score=DIRECT_SCORE, group_key=hit.group_key, group_title=hit.group_title,
        doc_number=hit.doc_number,
    )
