"""The search API used by the web pages, the JSON endpoint and search_eval.

    from pbgdpl.search.engine import search, suggest

    page = search("nghi thai san duoc may thang", filters={"doc_type": ["Luật"]})
    for group in page.groups:
        group.title, group.url, [hit.snippet_html for hit in group.hits]

Retrieval is at article level; results are grouped under their document (group_key)
at display time. ``grouped=False`` returns the flat ranked article list (evaluation,
JSON API).
"""

from __future__ import annotations

import datetime
import html
import logging
import math
import re
import threading
import time
from dataclasses import dataclass, field

import tantivy

from . import analysis
from .dictionary import Dictionary, get_dictionary
from .index import IndexHandle, get_handle
from .query import LawIndex, LawName, ParsedQuery, adjacent_bigrams, law_names_for, parse
from .schema import FACET_KEYS

log = logging.getLogger(__name__)

# Field weights of the lexical fusion (BM25 per view, summed by tantivy's BooleanQuery).
# Whole-article body views (body_*) are not indexed: a long article scored as one bag of
# words lost to its own best clause (passage) in every measurement, so the body counts
# through its passages (pbody_*) and the entry score = title score + best passage score.
W = {
    "body_f": 0.0,
    "body_b": 0.0,
    "body_a": 0.0,
    "title_f": 0.25,
    "title_b": 0.5,  # a phrase of the article title counts more than a loose word
    # Accented views, only when the query has diacritics: a tie-breaker between words
    # that fold alike (thuê/thuế). Measured: larger weights lower nDCG (alqac23 −1.2 at 0.4).
    "title_a": 0.03,
    "synonym": 0.4,  # expansion terms from the dictionary
    "fuzzy": 0.5,
    "gtitle_f": 0.0,
    "gtitle_b": 0.0,
    "pbody_f": 1.0,  # passages (clauses): a long article is also found by its best clause
    "pbody_b": 1.0,
    "pbody_a": 0.1,
}
SUBJECT_BOOST = 1.5  # same for a law whose subject the query mentions ("… về điện ảnh")
LAW_BOOST = 3.0  # multiplicative share of the named law's articles (see _law_clause)
DIRECT_SCORE = 1e6  # the named provision / document goes first
LEGAL_TITLE_PREFIXES = (
    "hien phap", "bo luat", "luat", "nghi dinh", "nghi quyet", "thong tu", "quyet dinh", "phap lenh",
    "chi thi", "lenh", "van ban hop nhat", "thong tu lien tich",
)
MAX_GROUP_HITS = 3
DEFINITION_SCORE = 20.0  # the clause defining the term a query asks about
SECOND_PASSAGE = 0.0
POINT_WEIGHT = 1.0  # a point-level passage counts a little less than a whole clause
TITLE_COVERAGE = 0.0  # score × (1 + this × share of the entry title in the query); measured: no gain
RERANK_K = 30  # share of the second-best passage in an entry's score
MAX_FETCH = 1000


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


# --- what the reader derives from its index (recomputed when the index changes) -------------


def _derived(handle: IndexHandle, searcher: tantivy.Searcher) -> dict:
    d = handle.derived
    if "laws" not in d:
        laws: list[LawName] = []
        try:
            res = searcher.aggregate(
                tantivy.Query.all_query(), {"t": {"terms": {"field": "group_title", "size": 20000}}}
            )
            for bucket in res["t"]["buckets"]:
                title = bucket["key"]
                folded = " ".join(analysis.fold_all(analysis.syllables(title)))
                if title and folded.startswith(LEGAL_TITLE_PREFIXES):
                    laws.append(law_names_for(title))
        except Exception:  # an empty index has no column yet
            log.debug("No group titles in the index", exc_info=True)
        d["laws"] = LawIndex(laws)
    return d


VOCAB_MAX_AGE_S = 300.0


def _slow_derived(handle: IndexHandle, key: str, compute) -> dict:
    """A costly derived table: computed once synchronously, then refreshed in a background
    thread when older than VOCAB_MAX_AGE_S (the stale one serves meanwhile)."""
    d = handle.derived
    searcher = handle.searcher()
    # Recompute now when the index grew a lot since (a first import, a small site).
    if key not in d or searcher.num_docs > 1.2 * d.get(f"{key}_n", 0) + 100:
        d[key] = compute(searcher)
        d[f"{key}_at"] = time.monotonic()
        d[f"{key}_n"] = searcher.num_docs
    elif time.monotonic() - d.get(f"{key}_at", 0) > VOCAB_MAX_AGE_S and not d.get(f"{key}_busy"):
        d[f"{key}_busy"] = True

        def refresh() -> None:
            try:
                s = handle.searcher()
                d[key] = compute(s)
                d[f"{key}_at"] = time.monotonic()
                d[f"{key}_n"] = s.num_docs
            except Exception:
                log.exception("Refreshing %s failed", key)
            finally:
                d[f"{key}_busy"] = False

        threading.Thread(target=refresh, daemon=True).start()
    return d[key]


def _index_terms(handle: IndexHandle) -> dict[str, dict]:
    """Both tables derived from the index's accented terms, built in ONE pass over them (at
    200k articles a pass takes seconds): ``vocab`` maps a folded syllable to (its most
    frequent accented spelling, document frequency); ``spellings`` to its accented spellings,
    most frequent first (≤ 4)."""

    def compute(s: tantivy.Searcher) -> dict[str, dict]:
        vocab: dict[str, tuple[str, int]] = {}
        forms: dict[str, dict[str, int]] = {}
        for fieldname in ("title_a", "pbody_a"):
            try:
                terms = s.terms_with_prefix(fieldname, "")
            except ValueError:
                terms = []
            for term, count in terms:
                f = analysis.fold(term)
                best = vocab.get(f)
                if best is None or count > best[1]:
                    vocab[f] = (term, count)
                slot = forms.setdefault(f, {})
                slot[term] = slot.get(term, 0) + count
        spellings = {f: sorted(v.items(), key=lambda kv: -kv[1])[:4] for f, v in forms.items()}
        return {"vocab": vocab, "spellings": spellings}

    return _slow_derived(handle, "terms", compute)


def _vocabulary(handle: IndexHandle, searcher: tantivy.Searcher) -> dict[str, tuple[str, int]]:
    """folded syllable → (most frequent accented spelling, document frequency)."""
    return _index_terms(handle)["vocab"]


# --- query building --------------------------------------------------------------------------


QTF_EXP = 0.0  # weight of a term repeated in the query: qtf ** QTF_EXP


def _terms_clause(schema, fieldname: str, terms: list[str], weight: float) -> list[tantivy.Query]:
    out = []
    if not weight:
        return out
    counts: dict[str, int] = {}
    for term in terms:
        counts[term] = counts.get(term, 0) + 1
    for term, qtf in counts.items():
        w = weight * (qtf**QTF_EXP if QTF_EXP else 1.0)
        q = tantivy.Query.term_query(schema, fieldname, term)
        out.append(tantivy.Query.boost_query(q, w) if w != 1.0 else q)
    return out


def _content_query(pq: ParsedQuery, handle: IndexHandle, searcher: tantivy.Searcher) -> tantivy.Query | None:
    schema = handle.schema
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
                    should.append(tantivy.Query.boost_query(fq, W["fuzzy"]))
                continue
        known.append(tok)
    if DF_CUTOFF and len(known) > 2:
        # Very common syllables (có, được, của, người …) cost a pass over most of the index
        # and add almost nothing to BM25; they still count inside bigrams.
        limit = DF_CUTOFF * max(1, searcher.num_docs)
        rare = [t for t in known if searcher.doc_freq("pbody_f", t) <= limit]
        if rare:
            known = rare
    if pq.defined_terms:
        # "X là gì", "định nghĩa X", "X là …, đúng hay sai?": the clause that defines X.
        for term in pq.defined_terms:
            if searcher.doc_freq("defines", term):
                should.append(
                    tantivy.Query.const_score_query(tantivy.Query.term_query(schema, "defines", term), DEFINITION_SCORE)
                )
                break
    should += _terms_clause(schema, "body_f", known, W["body_f"])
    should += _terms_clause(schema, "title_f", known, W["title_f"])
    if W["gtitle_f"]:
        should += _terms_clause(schema, "gtitle_f", known, W["gtitle_f"])
    if W["gtitle_b"]:
        should += _terms_clause(schema, "gtitle_b", pq.bigrams, W["gtitle_b"])
    should += _terms_clause(schema, "body_b", pq.bigrams, W["body_b"])
    should += _terms_clause(schema, "title_b", pq.bigrams, W["title_b"])
    if W["pbody_f"]:
        should += _terms_clause(schema, "pbody_f", known, W["pbody_f"])
        should += _terms_clause(schema, "pbody_b", pq.bigrams, W["pbody_b"])
    if pq.has_marks:
        should += _terms_clause(schema, "body_a", pq.accented, W["body_a"])
        should += _terms_clause(schema, "title_a", pq.accented, W["title_a"])
        if W["pbody_f"]:
            should += _terms_clause(schema, "pbody_a", pq.accented, W["pbody_a"])
    for words in pq.expansions:
        grams = analysis.bigrams(words) or words
        for view in ("body", "title", "pbody"):
            fieldname = f"{view}_b" if len(words) > 1 else f"{view}_f"
            should += _terms_clause(schema, fieldname, grams, W["synonym"] * (W[fieldname] and 1.0))
    if not should:
        return None
    return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in should])


def _filter_clauses(schema, filters: dict[str, list[str]] | None, kinds: list[str] | None, skip: str = ""):
    clauses = []
    merged = {k: list(v) for k, v in (filters or {}).items() if k in FACET_KEYS and v}
    if kinds:
        merged["kind"] = list(kinds) + [k for k in merged.get("kind", []) if k not in kinds]
    for key, values in merged.items():
        if key == skip:
            continue
        clauses.append((tantivy.Occur.Must, tantivy.Query.term_set_query(schema, f"facet_{key}", values)))
    return clauses


def _law_titles(pq: ParsedQuery) -> list[str]:
    return [law.group_title for law in pq.laws] if pq.laws else ([pq.law.group_title] if pq.law else [])


def build_query(pq: ParsedQuery, handle: IndexHandle, searcher: tantivy.Searcher) -> tuple[tantivy.Query | None, tantivy.Query | None]:
    """(ranking query, match-set query for counts and facets) of a parsed query."""
    schema = handle.schema
    content = _content_query(pq, handle, searcher)
    law_titles = _law_titles(pq)
    law_q = tantivy.Query.term_set_query(schema, "group_title", law_titles) if law_titles else None
    direct: list[tantivy.Query] = []
    doc_q = None
    if pq.doc_number:
        doc_q = tantivy.Query.term_query(schema, "docnum", pq.doc_number)
    if pq.provision_ref and (law_q or doc_q):
        prov = tantivy.Query.term_query(schema, "provision", f"dieu-{pq.provision_ref['article']}")
        direct.append(
            tantivy.Query.const_score_query(
                tantivy.Query.boolean_query([(tantivy.Occur.Must, prov), (tantivy.Occur.Must, law_q or doc_q)]),
                DIRECT_SCORE,
            )
        )
    if content is None:
        # Only a law, a number or a reference: list that document's articles.
        base = doc_q or law_q
        if base is None:
            return None, None
        rank = tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, tantivy.Query.const_score_query(base, 1.0))] + [(tantivy.Occur.Should, q) for q in direct]
        )
        return rank, base
    clauses = [(tantivy.Occur.Must, content)]
    if law_q is not None:
        # The named law's matching articles get their content score multiplied ~LAW_BOOST:
        # a boosted copy of the content restricted to that law.
        clauses.append(
            (
                tantivy.Occur.Should,
                tantivy.Query.boost_query(
                    tantivy.Query.boolean_query([(tantivy.Occur.Must, content), (tantivy.Occur.Must, tantivy.Query.const_score_query(law_q, 0.0))]),
                    LAW_BOOST - 1.0,
                ),
            )
        )
    elif pq.subject_laws and SUBJECT_BOOST > 1.0:
        # The question mentions what a law is about ("… quản lý nhà nước về điện ảnh"):
        # a milder preference for that law.
        subj_q = tantivy.Query.term_set_query(schema, "group_title", [law.group_title for law in pq.subject_laws])
        clauses.append(
            (
                tantivy.Occur.Should,
                tantivy.Query.boost_query(
                    tantivy.Query.boolean_query([(tantivy.Occur.Must, content), (tantivy.Occur.Must, tantivy.Query.const_score_query(subj_q, 0.0))]),
                    SUBJECT_BOOST - 1.0,
                ),
            )
        )
    if doc_q is not None:
        clauses.append((tantivy.Occur.Should, tantivy.Query.const_score_query(doc_q, DIRECT_SCORE / 10)))
        match = tantivy.Query.boolean_query([(tantivy.Occur.Should, content), (tantivy.Occur.Should, doc_q)])
        clauses[0] = (tantivy.Occur.Must, match)
    else:
        match = content
    clauses += [(tantivy.Occur.Should, q) for q in direct]
    return tantivy.Query.boolean_query(clauses), match


# --- snippets ---------------------------------------------------------------------------------

_TOKEN_RE = re.compile(r"[^\W_]+", re.UNICODE)


def highlight(text: str, terms: set[str], max_words: int = 40) -> str:
    """Escaped text around the best-matching passage, matched words wrapped in <mark>.

    ``terms`` are folded syllables, so a query typed without diacritics still marks
    the accented words of the original text.
    """
    text = analysis.nfc(text or "")
    tokens = list(_TOKEN_RE.finditer(text))
    if not tokens:
        return html.escape(text[:300])
    fold1 = analysis._fold_syllable
    hits = [fold1(t.group(0).lower()) in terms for t in tokens]
    best_start, best_score = 0, -1
    if len(tokens) > max_words and terms:
        window_terms: dict[str, int] = {}
        for i in range(len(tokens)):
            if i >= max_words:
                out = tokens[i - max_words]
                if hits[i - max_words]:
                    key = fold1(out.group(0).lower())
                    window_terms[key] -= 1
                    if not window_terms[key]:
                        del window_terms[key]
            if hits[i]:
                key = fold1(tokens[i].group(0).lower())
                window_terms[key] = window_terms.get(key, 0) + 1
            if i >= max_words - 1:
                score = len(window_terms) * 10 + sum(window_terms.values())
                if score > best_score:
                    best_score, best_start = score, i - max_words + 1
    end = min(len(tokens), best_start + max_words)
    start_char = tokens[best_start].start() if best_start else 0
    end_char = tokens[end - 1].end() if end < len(tokens) else len(text)
    parts = ["…" if best_start else ""]
    pos = start_char
    for i in range(best_start, end):
        t = tokens[i]
        parts.append(html.escape(text[pos : t.start()]))
        word = html.escape(t.group(0))
        parts.append(f"<mark>{word}</mark>" if hits[i] else word)
        pos = t.end()
    parts.append(html.escape(text[pos:end_char]))
    if end < len(tokens):
        parts.append("…")
    return "".join(parts).replace("\n", " ")


# --- the API ----------------------------------------------------------------------------------


def _to_date(value) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    return value


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in _LETTERS]
    inserts = [a + c + b for a, b in splits for c in _LETTERS]
    return set(deletes + transposes + replaces + inserts)


def _correct_typos(pq: ParsedQuery, handle: IndexHandle, searcher: tantivy.Searcher) -> None:
    """Replace folded syllables unknown to the index by their most frequent neighbour at
    edit distance 1 (``kiep`` → ``nghiep`` is too far; ``nhun`` → ``nhung``)."""
    vocab = _vocabulary(handle, searcher)
    if not vocab:
        return
    changed = False
    for i, tok in enumerate(pq.tokens):
        if len(tok) < 3 or tok.isdigit() or tok in vocab:
            continue
        best, best_count = None, 0
        for cand in _edits1(tok):
            hit = vocab.get(cand)
            if hit and hit[1] > best_count:
                best, best_count = cand, hit[1]
        if best:
            pq.corrections[tok] = best
            pq.tokens[i] = best
            changed = True
    if changed:
        pq.bigrams = adjacent_bigrams(pq.tokens, pq.positions)


def _spellings(handle: IndexHandle, searcher: tantivy.Searcher) -> dict[str, list[tuple[str, int]]]:
    """folded syllable → its accented spellings in the index, most frequent first (≤ 4)."""
    return _index_terms(handle)["spellings"]


# Everyday question phrases: they are how citizens ask, and law texts hardly contain them,
# so the index alone cannot tell "mấy tháng" (how many months) from "máy" (machine).
QUESTION_PHRASES = [
    "được mấy", "có mấy", "mấy tháng", "mấy năm", "mấy ngày", "mấy tuổi", "mấy lần", "mấy giờ",
    "mấy tiếng", "mấy người", "mấy đời", "lớp mấy", "tù mấy", "bao nhiêu", "bao lâu", "bao giờ",
    "cần gì", "những gì", "giấy tờ gì", "thủ tục gì", "là gì", "làm gì", "ở đâu", "nộp đâu",
    "khi nào", "thế nào", "ra sao", "làm sao", "có sao", "ai được", "là ai",
]
PHRASE_PAIR_SCORE = math.log1p(20)  # a bigram of a dictionary or question phrase


def _phrase_pairs(dictionary: Dictionary | None) -> tuple[set[str], dict[str, set[str]]]:
    """Accented bigrams of the dictionary's phrases, fillers and question phrases, and the
    accented spellings of their syllables by folded form (cached on the dictionary)."""
    from .query import BUILTIN_FILLERS, QUESTION_WORDS

    cached = getattr(dictionary, "_phrase_pairs", None)
    if cached is not None:
        return cached
    texts = list(BUILTIN_FILLERS) + QUESTION_PHRASES + sorted(QUESTION_WORDS)
    if dictionary is not None:
        for table in (dictionary.synonyms, dictionary.fillers, dictionary.colloquial):
            for cands in table.entries.values():
                texts.extend(" ".join(acc) for acc, _ in cands)
    pairs: set[str] = set()
    forms: dict[str, set[str]] = {}
    for text in texts:
        syl = analysis.syllables(text)
        pairs.update(analysis.bigrams(syl))
        for w in syl:
            if analysis.has_diacritics(w):
                forms.setdefault(analysis.fold(w), set()).add(w)
    result = (pairs, forms)
    if dictionary is not None:
        dictionary._phrase_pairs = result
    return result


def _known_phrases(words: list[str], dictionary: Dictionary | None) -> list[tuple[int, list[str]]]:
    """(start, accented syllables) of multi-syllable phrases with diacritics found in the
    folded query, from the built-in question words and the dictionary's terms."""
    from .query import BUILTIN_FILLERS

    cached = getattr(dictionary, "_accented_phrases", None)
    phrases: dict[tuple[str, ...], list[str]] = cached if cached is not None else {}
    texts = list(BUILTIN_FILLERS) if cached is None else []
    if dictionary is not None and cached is None:
        for table in (dictionary.abbreviations, dictionary.synonyms, dictionary.fillers):
            for cands in table.entries.values():
                for acc, value in cands:
                    texts.append(" ".join(acc))
                    if isinstance(value, str):
                        texts.append(value)
                    elif isinstance(value, list):
                        texts.extend(v for v in value if isinstance(v, str))
    for text in texts:
        syl = analysis.syllables(text)
        if len(syl) >= 2 and analysis.has_diacritics(text):
            phrases.setdefault(tuple(analysis.fold_all(syl)), syl)
    if dictionary is not None and cached is None:
        dictionary._accented_phrases = phrases
    found = []
    i = 0
    while i < len(words):
        for n in range(min(8, len(words) - i), 1, -1):
            phrase = phrases.get(tuple(words[i : i + n]))
            if phrase:
                found.append((i, phrase))
                i += n
                break
        else:
            i += 1
    return found


def _suggestion(
    pq: ParsedQuery, handle: IndexHandle, searcher: tantivy.Searcher, dictionary: Dictionary | None = None
) -> str | None:
    """Accented spelling of a query typed without diacritics ("nghi thai san" → "nghỉ thai
    sản"), chosen from the index's own words: each syllable's spellings are scored by how
    often they occur next to the neighbours' spellings (accented bigrams), best path wins."""
    if pq.has_marks or not pq.folded.strip():
        return None
    spellings = _spellings(handle, searcher)
    words = analysis._WORD_RE.findall(pq.normalized)[:20]
    try:
        searcher.doc_freq("pbody_ab", "")
        pairs_known = True
    except ValueError:  # an index written before accented bigrams existed
        pairs_known = False
    if not words:
        return None
    options = [[s for s, _ in spellings.get(w, [])] or [w] for w in words]
    # Spellings the dictionary and question phrases use ("mấy") compete too, helped by
    # their phrase bigrams ("được mấy", "mấy tháng") below.
    phrase_pairs, phrase_forms = _phrase_pairs(dictionary)
    for i, w in enumerate(words):
        options[i] += sorted(phrase_forms.get(w, set()) - set(options[i]))
    # Phrases the dictionary and the question words know ("bao nhiêu", "nợ lương",
    # "đuổi việc") keep their spelling: the law texts rarely contain them.
    for start, phrase in _known_phrases(words, dictionary):
        for k, syllable in enumerate(phrase):
            options[start + k] = [syllable]
    unigram = [{s: math.log1p(c) for s, c in spellings.get(w, [])} for w in words]
    # Viterbi over the spellings; pair scores from document frequencies of accented bigrams.
    best: dict[str, tuple[float, list[str]]] = {s: (0.1 * unigram[0].get(s, 0.0), [s]) for s in options[0]}
    for i in range(1, len(words)):
        nxt: dict[str, tuple[float, list[str]]] = {}
        for s in options[i]:
            cands = []
            for prev, (score, path) in best.items():
                pair = (
                    searcher.doc_freq("pbody_ab", f"{prev}_{s}")
                    if pairs_known and (len(options[i]) > 1 or len(best) > 1)
                    else 0
                )
                bonus = PHRASE_PAIR_SCORE if f"{prev}_{s}" in phrase_pairs else 0.0
                cands.append((score + math.log1p(pair) + bonus + 0.1 * unigram[i].get(s, 0.0), path))
            score, path = max(cands, key=lambda x: x[0])
            nxt[s] = (score, path + [s])
        best = nxt
    restored = max(best.values(), key=lambda x: x[0])[1]
    return " ".join(restored) if restored != words else None


def search(
    q: str,
    *,
    filters: dict[str, list[str]] | None = None,
    sort: str = "relevance",
    page: int = 1,
    per_page: int = 10,
    kinds: list[str] | None = None,
    grouped: bool = True,
    with_facets: bool = True,
    handle: IndexHandle | None = None,
    dictionary: Dictionary | None = None,
) -> SearchPage:
    """Search the site index. Never raises for bad input: errors come back in ``page.error``."""
    started = time.perf_counter()
    page = max(1, int(page or 1))
    per_page = max(1, min(int(per_page or 10), 100))
    handle = handle or get_handle()
    searcher = handle.searcher()
    derived = _derived(handle, searcher)
    dictionary = dictionary if dictionary is not None else get_dictionary()
    pq = parse(q, dictionary, derived["laws"], _vocabulary(handle, searcher))
    if pq.law:
        pq.laws = _matching_laws(pq, derived["laws"])
    _correct_typos(pq, handle, searcher)
    result = SearchPage(query=pq, page=page, per_page=per_page)
    try:
        _run(result, pq, handle, searcher, filters, sort, kinds, grouped, with_facets, dictionary)
    except Exception:
        log.exception("Search failed for %r", q)
        result.error = "Không thực hiện được tìm kiếm này. Vui lòng thử lại với từ khóa khác."
    result.elapsed_ms = (time.perf_counter() - started) * 1000
    return result


def _matching_laws(pq: ParsedQuery, laws: list[LawName]) -> list[LawName]:
    """Every version of the named law; the year typed (if any) picks one."""
    name = max(pq.law.names, key=len)
    base = name[:-1] if pq.law.year and name and name[-1] == pq.law.year else name
    same = [law for law in laws if base in law.names or any(n[: len(base)] == base and len(n) == len(base) + 1 for n in law.names)]
    year = re.search(r"\b(19|20)\d\d\b", pq.folded)
    if year:
        by_year = [law for law in same if law.year == year.group(0)]
        if by_year:
            return by_year
    return same or [pq.law]


def _run(result, pq, handle, searcher, filters, sort, kinds, grouped, with_facets, dictionary=None) -> None:
    schema = handle.schema
    rank, match = build_query(pq, handle, searcher)
    if rank is None:
        return
    filt = _filter_clauses(schema, filters, kinds)
    if filt:
        rank = tantivy.Query.boolean_query([(tantivy.Occur.Must, rank)] + filt)
    order_kw = {}
    if sort in ("newest", "oldest"):
        order_kw = {"order_by_field": "date", "order": tantivy.Order.Desc if sort == "newest" else tantivy.Order.Asc}
    terms = set(pq.tokens) | {w for words in pq.expansions for w in words}
    need = result.page * result.per_page
    if not grouped:
        ranked = _retrieve(searcher, rank, need, order_kw, per_article=True, pq=pq)
        start = (result.page - 1) * result.per_page
        for i, (_, score, addr, _) in enumerate(ranked[start : start + result.per_page]):
            result.hits.append(_hit(searcher.doc(addr), score, terms, snippet=i < 10))
        match_f = tantivy.Query.boolean_query([(tantivy.Occur.Must, match)] + filt) if filt else match
        whole = tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, match_f), (tantivy.Occur.Must, tantivy.Query.term_query(schema, "unit", 0))]
        )
        result.total = searcher.search(whole, 1, count=True).count
    else:
        ranked = _retrieve(searcher, rank, max(100, need * 8), order_kw, per_article=True, pq=pq)
        order: list[int] = []
        members: dict[int, list[tuple[float, tantivy.DocAddress]]] = {}
        for _, score, addr, gid in ranked:
            if gid not in members:
                members[gid] = []
                order.append(gid)
            members[gid].append((score, addr))
        start = (result.page - 1) * result.per_page
        for gid in order[start : start + result.per_page]:
            hits = [_hit(searcher.doc(a), s, terms, snippet=True) for s, a in members[gid][:MAX_GROUP_HITS]]
            first = searcher.doc(members[gid][0][1]).to_dict()
            facets = {k: first.get(f"facet_{k}", []) for k in FACET_KEYS if first.get(f"facet_{k}")}
            result.groups.append(
                ResultGroup(
                    key=first["group_key"][0],
                    title=(first.get("group_title") or [""])[0] or hits[0].title,
                    url=(first.get("group_url") or [""])[0] or hits[0].url,
                    doc_number=(first.get("doc_number_display") or [""])[0],
                    kind=(first.get("facet_kind") or [""])[0],
                    date=_to_date((first.get("date") or [None])[0]),
                    facets=facets,
                    hits=hits,
                    score=members[gid][0][0] if not order_kw else 0.0,
                )
            )
        if with_facets:
            result.total, result.facets = _count_and_facets(searcher, schema, match, filters, kinds)
        else:
            match_f = tantivy.Query.boolean_query([(tantivy.Occur.Must, match)] + filt) if filt else match
            result.total = _count_groups(searcher, match_f)
        result.suggestion = _suggestion(pq, handle, searcher, dictionary)
    result.direct_hit = _direct_hit(pq, handle, searcher)


def _title_coverage(title: str, query_grams: set[str], query_words: set[str]) -> float:
    """Share of an entry title's bigrams (or words, for a one-word title) found in the query."""
    title = re.sub(r"^\s*(?:điều|dieu)\s+\d+[a-zđ]?\s*[.:]?\s*", "", analysis.normalize(title))
    words = [w for w in analysis.fold_all(analysis._WORD_RE.findall(title)) if w not in _TITLE_STOP]
    if not words:
        return 0.0
    if len(words) == 1:
        return 1.0 if words[0] in query_words else 0.0
    grams = set(analysis.bigrams(words))
    return len(grams & query_grams) / len(grams)


# Joining words skipped when comparing a title with the query ("quyền và nghĩa vụ của …").
_TITLE_STOP = frozenset({"va", "cac", "cua", "nhung", "hoac", "doi", "voi", "ve", "trong"})


def _rerank_titles(searcher, pq: ParsedQuery, scored: list) -> list:
    """Raise the entries whose own title the query spells out (in a few steps of the top)."""
    if not TITLE_COVERAGE or not scored:
        return scored
    words = [w for w in pq.tokens if w not in _TITLE_STOP]
    query_grams = set(analysis.bigrams(words))
    query_words = set(words)
    head = scored[:RERANK_K]
    out = []
    for aid, s, rec in head:
        addr = rec[2] or rec[3]
        title = (searcher.doc(addr).to_dict().get("title") or [""])[0]
        cov = _title_coverage(title, query_grams, query_words)
        out.append((aid, s * (1.0 + TITLE_COVERAGE * cov), rec))
    out.sort(key=lambda x: -x[1])
    return out + scored[RERANK_K:]


def _retrieve(searcher, rank, n_articles: int, order_kw: dict, per_article: bool = True, pq: ParsedQuery | None = None):
    """Ranked entries as (aid, score, address to show, gid).

    Tantivy returns whole-entry and passage documents mixed; an entry's score is its
    whole-entry score plus its best passage's score, and the best passage is what the
    snippet shows.
    """
    limit = min(MAX_FETCH, n_articles * 4 + 40)
    res = searcher.search(rank, limit, count=False, **order_kw)
    if not res.hits:
        return []
    addrs = [a for _, a in res.hits]
    aids = searcher.fast_field_values("aid", addrs)
    units = searcher.fast_field_values("unit", addrs)
    gids = searcher.fast_field_values("gid", addrs)
    acc: dict[int, list] = {}
    for pos, ((score, addr), aid, unit, gid) in enumerate(zip(res.hits, aids, units, gids, strict=True)):
        rec = acc.get(aid)
        if rec is None:
            # [whole score, best passage score, whole addr, passage addr, gid, first position,
            #  second passage score]
            rec = acc[aid] = [0.0, 0.0, None, None, gid, pos, 0.0]
        s = float(score) if not order_kw else 0.0
        if unit == 2:
            s *= POINT_WEIGHT
        if unit:
            if rec[3] is None or s > rec[1]:
                rec[6] = rec[1]
                rec[1], rec[3] = s, addr
            elif s > rec[6]:
                rec[6] = s
        elif rec[2] is None:
            rec[0], rec[2] = s, addr
    if order_kw:
        items = sorted(acc.items(), key=lambda kv: kv[1][5])
        return [(aid, 0.0, rec[3] or rec[2], rec[4]) for aid, rec in items]
    scored = [(aid, rec[0] + rec[1] + SECOND_PASSAGE * rec[6], rec) for aid, rec in acc.items()]
    scored.sort(key=lambda x: -x[1])
    if pq is not None:
        scored = _rerank_titles(searcher, pq, scored)
    return [(aid, s, rec[3] or rec[2], rec[4]) for aid, s, rec in scored]


def _hit(doc: tantivy.Document, score: float, terms: set[str], snippet: bool) -> ResultHit:
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
    )


DF_CUTOFF = 0.3  # drop unigram clauses of syllables in more than this share of index documents
EXACT_GROUPS = 1000  # up to this many matching groups counts are exact; beyond, HyperLogLog


def _count_groups(searcher: tantivy.Searcher, query: tantivy.Query) -> int:
    """Number of groups (documents) with a matching entry: exact for small result sets,
    a close estimate (±2 %) for very large ones, where exact counting costs too much."""
    est = searcher.aggregate(query, {"c": {"cardinality": {"field": "group_key"}}})["c"]["value"] or 0
    if est > EXACT_GROUPS:
        return int(round(est))
    res = searcher.aggregate(query, {"g": {"terms": {"field": "group_key", "size": EXACT_GROUPS * 5}}})
    return len(res["g"]["buckets"])


def _facet_pass(searcher, q, keys: list[str], selected) -> tuple[int, dict[str, list[FacetValue]]]:
    """One aggregation pass: the number of groups matching ``q`` and, for each facet key,
    the groups per value. Cardinality estimates first; exact counts when the result is
    small enough (≤ EXACT_GROUPS groups), which is also when a second pass is cheap."""

    def run(exact: bool) -> dict:
        sub = (
            {"g": {"terms": {"field": "group_key", "size": EXACT_GROUPS * 5}}}
            if exact
            else {"g": {"cardinality": {"field": "group_key"}}}
        )
        agg = {key: {"terms": {"field": f"facet_{key}", "size": 200}, "aggs": sub} for key in keys}
        agg["_total"] = sub["g"]
        return searcher.aggregate(q, agg)

    res = run(exact=False)
    total = int(round(res["_total"].get("value") or 0))
    if total <= EXACT_GROUPS:
        res = run(exact=True)
        total = len(res["_total"]["buckets"])
    out: dict[str, list[FacetValue]] = {}
    for key in keys:
        values = [
            FacetValue(b["key"], _bucket_groups(b), b["key"] in selected.get(key, set()))
            for b in res.get(key, {}).get("buckets", [])
        ]
        values.sort(key=lambda v: (-v.count, v.value))
        # A selected value stays visible even when the other filters leave it empty.
        for value in selected.get(key, set()) - {v.value for v in values}:
            values.append(FacetValue(value, 0, True))
        if values:
            out[key] = values
    return total, out


def _count_and_facets(searcher, schema, match, filters, kinds) -> tuple[int, dict[str, list[FacetValue]]]:
    """Total groups and the facets; each facet ignores its own selection.

    Facets without a selection share the query of the total (the match with every filter)
    and are counted in the same pass; each facet with a selection needs its own pass.
    """
    selected = {k: set(v) for k, v in (filters or {}).items() if v}
    filt = _filter_clauses(schema, filters, kinds)
    q_all = tantivy.Query.boolean_query([(tantivy.Occur.Must, match)] + filt) if filt else match
    shared = [k for k in FACET_KEYS if not selected.get(k)]
    total, facets = _facet_pass(searcher, q_all, shared, selected)
    for key in FACET_KEYS:
        if selected.get(key):
            own = _filter_clauses(schema, filters, kinds, skip=key)
            q = tantivy.Query.boolean_query([(tantivy.Occur.Must, match)] + own) if own else match
            facets.update(_facet_pass(searcher, q, [key], selected)[1])
    return total, {k: facets[k] for k in FACET_KEYS if k in facets}


def _bucket_groups(bucket: dict) -> int:
    g = bucket["g"]
    return len(g["buckets"]) if "buckets" in g else int(round(g.get("value") or 0))


def _direct_hit(pq: ParsedQuery, handle: IndexHandle, searcher: tantivy.Searcher) -> ResultHit | None:
    schema = handle.schema
    target = None
    if pq.doc_number:
        target = tantivy.Query.term_query(schema, "docnum", pq.doc_number)
    elif pq.law and pq.provision_ref:
        target = tantivy.Query.term_set_query(schema, "group_title", _law_titles(pq))
    if target is None:
        return None
    if pq.provision_ref:
        prov = tantivy.Query.term_query(schema, "provision", f"dieu-{pq.provision_ref['article']}")
        q = tantivy.Query.boolean_query([(tantivy.Occur.Must, target), (tantivy.Occur.Must, prov)])
        res = searcher.search(q, 1, count=False)
        if res.hits:
            return _hit(searcher.doc(res.hits[0][1]), DIRECT_SCORE, set(pq.tokens), snippet=True)
    res = searcher.search(target, 1, count=False)
    if not res.hits:
        return None
    hit = _hit(searcher.doc(res.hits[0][1]), DIRECT_SCORE, set(pq.tokens), snippet=False)
    # A document number leads to the document itself.
    return ResultHit(
        key=hit.group_key, kind=hit.kind, title=hit.group_title or hit.title,
        url=(searcher.doc(res.hits[0][1]).to_dict().get("group_url") or [hit.url])[0] or hit.url,
        snippet_html="", score=DIRECT_SCORE, group_key=hit.group_key, group_title=hit.group_title,
        doc_number=hit.doc_number,
    )


def suggest(prefix: str, limit: int = 8, *, handle: IndexHandle | None = None) -> list[Suggestion]:
    """Document titles and numbers that start with (or contain a word starting with) ``prefix``."""
    prefix = (prefix or "").strip()[:100]
    if len(prefix) < 2:
        return []
    handle = handle or get_handle()
    searcher = handle.searcher()
    schema = handle.schema
    folded = analysis.fold_all(analysis.syllables(prefix))
    numbers = analysis.doc_numbers(prefix)
    clauses = []
    if numbers or re.match(r"^\d", prefix):
        num = numbers[0] if numbers else analysis.fold(analysis.normalize(prefix)).replace(" ", "")
        clauses.append(tantivy.Query.regex_query(schema, "docnum", re.escape(num) + ".*"))
    if folded:
        parts = [tantivy.Query.term_query(schema, "gtitle_f", w) for w in folded[:-1]]
        last = folded[-1]
        parts.append(tantivy.Query.regex_query(schema, "gtitle_f", re.escape(last) + ".*"))
        clauses.append(tantivy.Query.boolean_query([(tantivy.Occur.Must, p) for p in parts]))
    if not clauses:
        return []
    q = tantivy.Query.boolean_query([(tantivy.Occur.Should, c) for c in clauses])
    res = searcher.search(q, 200, count=False)
    out: list[Suggestion] = []
    seen = set()
    gids = searcher.fast_field_values("gid", [a for _, a in res.hits]) if res.hits else []
    for (_, addr), gid in zip(res.hits, gids, strict=True):
        if gid in seen:
            continue
        seen.add(gid)
        d = searcher.doc(addr).to_dict()
        title = (d.get("group_title") or [""])[0] or (d.get("title") or [""])[0]
        url = (d.get("group_url") or [""])[0] or (d.get("url") or [""])[0]
        out.append(Suggestion(title, url, (d.get("doc_number_display") or [""])[0], (d.get("facet_kind") or [""])[0]))
        if len(out) >= limit:
            break
    return out
