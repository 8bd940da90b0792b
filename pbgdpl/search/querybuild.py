"""Query building: a ParsedQuery becomes the tantivy queries that rank and count.

The lexical score is a sum of BM25 scores over views of the text (see schema.py), each with
a weight. The body counts through its passages (clauses, ``pbody_*``): an entry's score is its
title score plus its best passage's score (retrieval.py). Weights and the experiments that
were measured and dropped are recorded in docs/decisions/0005-search-passages-and-views.md.
"""

from __future__ import annotations

from dataclasses import dataclass

import tantivy

from . import analysis
from .query import ParsedQuery
from .schema import FACET_KEYS
from .understanding import law_titles

W = {
    "title_f": 0.25,
    "title_b": 0.5,  # a phrase of the article title counts more than a loose word
    # Accented views, only when the query has diacritics: a tie-breaker between words
    # that fold alike (thuê/thuế). Measured: larger weights lower nDCG (alqac23 −1.2 at 0.4).
    "title_a": 0.03,
    "pbody_f": 1.0,  # passages (clauses): a long article is found by its best clause
    "pbody_b": 1.0,
    "pbody_a": 0.1,
}
SYNONYM_WEIGHT = 0.4  # expansion terms from the dictionary, in the title and passage views
FUZZY_WEIGHT = 0.5  # an unknown syllable matched at edit distance 1
SUBJECT_BOOST = 1.5  # same for a law whose subject the query mentions ("… về điện ảnh")
LAW_BOOST = 3.0  # multiplicative share of the named law's articles (see build_query)
DIRECT_SCORE = 1e6  # the named provision / document goes first
DEFINITION_SCORE = 20.0  # the clause defining the term a query asks about
STEER_BOOST = 1.08  # whole entries (title and passages) titled as the kind of provision asked for
DF_CUTOFF = 0.3  # drop unigram clauses of syllables in more than this share of index documents


@dataclass
class BuiltQuery:
    """``rank`` orders the entries; ``match`` is the set counted for totals and facets."""

    rank: tantivy.Query
    match: tantivy.Query


def _terms_clause(schema: tantivy.Schema, fieldname: str, terms: list[str], weight: float) -> list[tantivy.Query]:
    """One term query per distinct term (a term repeated in the query counts once)."""
    out = []
    for term in dict.fromkeys(terms):
        q = tantivy.Query.term_query(schema, fieldname, term)
        out.append(tantivy.Query.boost_query(q, weight) if weight != 1.0 else q)
    return out


def _content_query(pq: ParsedQuery, schema: tantivy.Schema, searcher: tantivy.Searcher) -> tantivy.Query | None:
    should: list[tantivy.Query] = []
    known: list[str] = []
    for tok in pq.tokens:
        if len(tok) >= 4 and not tok.isdigit():
            df = searcher.doc_freq("pbody_f", tok) + searcher.doc_freq("title_f", tok)
            if df == 0:
                # Typo tolerance (corrections were tried first): an unknown syllable
                # matches its neighbours at distance 1.
                for fieldname in ("pbody_f", "title_f"):
                    fq = tantivy.Query.fuzzy_term_query(schema, fieldname, tok, distance=1)
                    should.append(tantivy.Query.boost_query(fq, FUZZY_WEIGHT))
                continue
        known.append(tok)
    if len(known) > 2:
        # Very common syllables (có, được, của, người …) cost a pass over most of the index
        # and add almost nothing to BM25; they still count inside bigrams.
        limit = DF_CUTOFF * max(1, searcher.num_docs)
        rare = [t for t in known if searcher.doc_freq("pbody_f", t) <= limit]
        if rare:
            known = rare
    for term in pq.defined_terms:
        # "X là gì", "định nghĩa X", "X là …, đúng hay sai?": the clause that defines X.
        if searcher.doc_freq("defines", term):
            should.append(
                tantivy.Query.const_score_query(tantivy.Query.term_query(schema, "defines", term), DEFINITION_SCORE)
            )
            break
    should += _terms_clause(schema, "title_f", known, W["title_f"])
    should += _terms_clause(schema, "title_b", pq.bigrams, W["title_b"])
    should += _terms_clause(schema, "pbody_f", known, W["pbody_f"])
    should += _terms_clause(schema, "pbody_b", pq.bigrams, W["pbody_b"])
    if pq.has_marks:
        should += _terms_clause(schema, "title_a", pq.accented, W["title_a"])
        should += _terms_clause(schema, "pbody_a", pq.accented, W["pbody_a"])
    for words in pq.expansions:
        grams = analysis.bigrams(words) or words
        view = "b" if len(words) > 1 else "f"
        for fieldname in (f"title_{view}", f"pbody_{view}"):
            should += _terms_clause(schema, fieldname, grams, SYNONYM_WEIGHT)
    if not should:
        return None
    return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in should])


def filter_clauses(schema: tantivy.Schema, filters: dict[str, list[str]] | None, kinds: list[str] | None, skip: str = ""):
    """Must-clauses of the selected facet values (and kinds); ``skip`` leaves one facet out."""
    clauses = []
    merged = {k: list(v) for k, v in (filters or {}).items() if k in FACET_KEYS and v}
    if kinds:
        merged["kind"] = list(kinds) + [k for k in merged.get("kind", []) if k not in kinds]
    for key, values in merged.items():
        if key == skip:
            continue
        clauses.append((tantivy.Occur.Must, tantivy.Query.term_set_query(schema, f"facet_{key}", values)))
    return clauses


def with_filters(query: tantivy.Query, clauses: list) -> tantivy.Query:
    return tantivy.Query.boolean_query([(tantivy.Occur.Must, query)] + clauses) if clauses else query


def _preferring(content: tantivy.Query, subset: tantivy.Query, boost: float) -> tuple:
    """A should-clause that multiplies the content score of ``subset``'s entries by ``boost``:
    a boosted copy of the content restricted to that subset."""
    restricted = tantivy.Query.boolean_query(
        [(tantivy.Occur.Must, content), (tantivy.Occur.Must, tantivy.Query.const_score_query(subset, 0.0))]
    )
    return (tantivy.Occur.Should, tantivy.Query.boost_query(restricted, boost - 1.0))


def provision_query(schema: tantivy.Schema, pq: ParsedQuery) -> tantivy.Query:
    return tantivy.Query.term_query(schema, "provision", f"dieu-{pq.provision_ref['article']}")


def build_query(pq: ParsedQuery, schema: tantivy.Schema, searcher: tantivy.Searcher) -> BuiltQuery | None:
    """The ranking and match-set queries of a parsed query; None when there is nothing to search."""
    content = _content_query(pq, schema, searcher)
    titles = law_titles(pq)
    law_q = tantivy.Query.term_set_query(schema, "group_title", titles) if titles else None
    doc_q = tantivy.Query.term_query(schema, "docnum", pq.doc_number) if pq.doc_number else None
    direct: list[tantivy.Query] = []
    if pq.provision_ref and (law_q or doc_q):
        target = tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, provision_query(schema, pq)), (tantivy.Occur.Must, law_q or doc_q)]
        )
        direct.append(tantivy.Query.const_score_query(target, DIRECT_SCORE))
    if content is None:
        # Only a law, a number or a reference: list that document's articles.
        base = doc_q or law_q
        if base is None:
            return None
        rank = tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, tantivy.Query.const_score_query(base, 1.0))] + [(tantivy.Occur.Should, q) for q in direct]
        )
        return BuiltQuery(rank, base)
    clauses = [(tantivy.Occur.Must, content)]
    if law_q is not None:
        # The named law's matching articles get their content score multiplied by LAW_BOOST.
        clauses.append(_preferring(content, law_q, LAW_BOOST))
    elif pq.subject_laws:
        # The question mentions what a law is about ("… quản lý nhà nước về điện ảnh"):
        # a milder preference for that law.
        subj_q = tantivy.Query.term_set_query(schema, "group_title", [law.group_title for law in pq.subject_laws])
        clauses.append(_preferring(content, subj_q, SUBJECT_BOOST))
    match = content
    if doc_q is not None:
        clauses.append((tantivy.Occur.Should, tantivy.Query.const_score_query(doc_q, DIRECT_SCORE / 10)))
        match = tantivy.Query.boolean_query([(tantivy.Occur.Should, content), (tantivy.Occur.Should, doc_q)])
        clauses[0] = (tantivy.Occur.Must, match)
    steer = _steer_query(pq, schema)
    if steer is not None:
        # Multiplies the content score of the articles titled so: a law's "Các hành vi bị
        # nghiêm cấm" is preferred within what the question is about, never found for it alone.
        clauses.append(_preferring(content, steer, STEER_BOOST))
    clauses += [(tantivy.Occur.Should, q) for q in direct]
    return BuiltQuery(tantivy.Query.boolean_query(clauses), match)


def _steer_query(pq: ParsedQuery, schema: tantivy.Schema) -> tantivy.Query | None:
    """Entries (whole entry and passages) whose title holds one of the question shape's words
    (questions.py)."""
    try:
        return _title_words_query(pq.steer, schema, unigram_field="title_k", bigram_field="title_k")
    except ValueError:
        # An index written before schema 9 (until the worker or search_rebuild rebuilds it):
        # the scored title views, which only the whole-entry documents have.
        return _title_words_query(pq.steer, schema, unigram_field="title_f", bigram_field="title_b")


def _title_words_query(phrases: list[str], schema: tantivy.Schema, unigram_field: str, bigram_field: str):
    should = []
    for phrase in phrases:
        words = analysis.fold_all(analysis.syllables(phrase))
        if len(words) > 1:
            should += [tantivy.Query.term_query(schema, bigram_field, g) for g in analysis.bigrams(words)[:1]]
        elif words:
            should.append(tantivy.Query.term_query(schema, unigram_field, words[0]))
    return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in should]) if should else None
