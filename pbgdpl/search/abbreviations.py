"""Ambiguous abbreviations resolved by the rest of the question, from the index's own texts.

"đk" is "điều kiện", "đăng ký" or (in chat) "được"; "hđ" is "hợp đồng" or "hội đồng". The
parser cannot tell them apart, so it keeps the form and searches every meaning as a weak
expansion. Here the question's other words decide: the passages that best match them (a
pseudo-relevance pass over the index) are counted for each meaning; a meaning found in clearly
more of them than any other becomes ordinary query content, in place of the form ("đk để được
nhờ người khác mang thai hộ" → "điều kiện …", whose article is "Điều kiện mang thai hộ …").
A meaning of one syllable ("được", "bạn") never wins: folded it is many words and often a
very common one. When no meaning stands out the query stays as typed.
"""

from __future__ import annotations

import tantivy

from . import analysis
from .query import ParsedQuery, adjacent_bigrams

TOP_PASSAGES = 20  # the passages that best match the rest of the question
MIN_FOUND = 3  # the winning meaning is in at least this many of them
MARGIN = 2.0  # … and in at least this many times as many as the runner-up
COMMON_SHARE = 0.3  # context syllables in more than this share of passages are left out (querybuild.DF_CUTOFF)


def resolve(pq: ParsedQuery, schema: tantivy.Schema, searcher: tantivy.Searcher) -> None:
    """Replace each ambiguous form whose meaning the rest of the question makes clear."""
    for form, meanings in pq.ambiguous:
        if form not in pq.tokens:
            continue
        context = [t for t in pq.tokens if t != form]
        top = _top_passages(context, schema, searcher)
        if not top:
            continue
        counts = []
        for accented in meanings:
            folded = analysis.fold_all(accented)
            counts.append((_found_in(folded, top, schema, searcher), accented, folded))
        counts.sort(key=lambda c: -c[0])
        best = counts[0]
        runner_up = counts[1][0] if len(counts) > 1 else 0
        if best[0] >= MIN_FOUND and best[0] >= MARGIN * max(runner_up, 0.5):
            _replace(pq, form, best[1], best[2], [c[2] for c in counts])


def _top_passages(context: list[str], schema: tantivy.Schema, searcher: tantivy.Searcher) -> set:
    limit = COMMON_SHARE * max(1, searcher.num_docs)
    terms = [t for t in dict.fromkeys(context) if not t.isdigit() and 0 < searcher.doc_freq("pbody_f", t) <= limit]
    if not terms:
        return set()
    query = tantivy.Query.boolean_query(
        [(tantivy.Occur.Should, tantivy.Query.term_query(schema, "pbody_f", t)) for t in terms]
    )
    return {(a.segment_ord, a.doc) for _, a in searcher.search(query, TOP_PASSAGES).hits}


def _found_in(folded: list[str], top: set, schema: tantivy.Schema, searcher: tantivy.Searcher) -> int:
    """How many of the ``top`` passages hold the meaning (its bigrams, or its one syllable)."""
    if len(folded) < 2:
        # One syllable, folded, is many words ("ban": bạn, bán, ban) and often a very common
        # one ("được"): its count says nothing about the meaning.
        return 0
    clauses = [tantivy.Query.term_query(schema, "pbody_b", g) for g in analysis.bigrams(folded)]
    query = tantivy.Query.boolean_query([(tantivy.Occur.Must, c) for c in clauses])
    hits = searcher.search(query, max(1000, len(top))).hits
    return sum(1 for _, a in hits if (a.segment_ord, a.doc) in top)


def _replace(pq: ParsedQuery, form: str, accented: list[str], folded: list[str], meanings: list[list[str]]) -> None:
    tokens, typed, positions = [], [], []
    for tok, acc, pos in zip(pq.tokens, pq.accented, pq.positions, strict=False):
        if tok == form:
            tokens += folded
            typed += accented
            positions += [pos + k / 100 for k in range(len(folded))]
        else:
            tokens.append(tok)
            typed.append(acc)
            positions.append(pos)
    pq.tokens, pq.accented, pq.positions = tokens, typed, positions
    pq.bigrams = adjacent_bigrams(tokens, positions)
    pq.expansions = [e for e in pq.expansions if e not in meanings]
    pq.spelled_out = " ".join(" ".join(accented) if analysis.fold(w) == form else w for w in pq.spelled_out.split())
    pq.resolved.append((form, " ".join(accented)))
