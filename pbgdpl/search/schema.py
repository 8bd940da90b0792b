"""The tantivy schema of the site search index and how a SearchEntry becomes a document."""

from __future__ import annotations

import datetime
import hashlib
import re
from functools import lru_cache

import tantivy

from . import analysis
from .query import definition_term
from .registry import SearchEntry

# 7: the unread views (whole body, accented and bigram document titles) and ``boost`` are gone.
# A worker that finds an older index rebuilds it (indexer.apply_outbox); or run search_rebuild.
# 8: prose entries (Q&As, news) are cut into paragraph passages of about a clause (prose_passages).
# 9: ``title_k`` (the article title's folded syllables and bigrams) on every document of an entry.
SCHEMA_VERSION = 9

# Facet keys (filters) every entry may carry; stored as raw multi-valued fast fields.
FACET_KEYS = ("kind", "doc_type", "issuer", "field", "validity", "year", "scope")

# Text views: <field>_a (syllables with diacritics), <field>_f (folded syllables),
# <field>_b (folded syllable bigrams). "title" = article title (ranking), "pbody" = a passage
# of the body with its article title (ranking, spelling), "gtitle" = the title of the group,
# the legal document (autocomplete only, so folded only). The body is searched through its
# passages, never whole: docs/decisions/0005-search-passages-and-views.md.
TEXT_VIEWS = {"title": ("a", "f", "b"), "pbody": ("a", "f", "b"), "gtitle": ("f",)}


def build_schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    # Identity and display (stored).
    sb.add_text_field("key", stored=True, tokenizer_name="raw")
    sb.add_text_field("ref", stored=True, tokenizer_name="raw")  # "<source>:<object pk>"
    sb.add_text_field("group_key", stored=True, fast=True, tokenizer_name="raw")
    # group_title is a fast field too: the reader lists the document titles from it to
    # recognise law names typed in a query.
    sb.add_text_field("group_title", stored=True, fast=True, tokenizer_name="raw", index_option="basic")
    for name in ("url", "group_url", "title", "body", "doc_number_display"):
        sb.add_text_field(name, stored=True, tokenizer_name="raw", index_option="basic")
    sb.add_unsigned_field("gid", fast=True)  # hash of group_key: grouping without stored reads
    sb.add_unsigned_field("aid", fast=True)  # hash of key: an article and its passages share it
    sb.add_unsigned_field("unit", fast=True, indexed=True)  # 0 = whole entry, 1 = passage (clause)
    sb.add_date_field("date", stored=True, indexed=True, fast=True)
    # Searchable views, pre-analysed in Python.
    for field, views in TEXT_VIEWS.items():
        for view in views:
            sb.add_text_field(f"{field}_{view}", tokenizer_name="whitespace", index_option="freq")
    # Accented bigrams of the passages: the context that restores a query's diacritics.
    sb.add_text_field("pbody_ab", tokenizer_name="whitespace", index_option="basic")
    sb.add_text_field("docnum", tokenizer_name="whitespace", index_option="basic")
    sb.add_text_field("provision", tokenizer_name="raw", index_option="basic")
    sb.add_text_field("defines", tokenizer_name="raw", index_option="basic")  # term a clause defines
    # The article title's folded syllables and bigrams on the whole entry AND on each passage:
    # a filter (never scored) for preferences that depend on the title, such as the question
    # shapes' (querybuild._steer_query). The scored title views live on the whole entry only,
    # so a preference written on them reached the title's share of the score and not the
    # passage's, which is most of it.
    sb.add_text_field("title_k", tokenizer_name="whitespace", index_option="basic")
    for key in FACET_KEYS:
        sb.add_text_field(f"facet_{key}", stored=True, fast=True, tokenizer_name="raw", index_option="basic")
    return sb.build()


def group_id(group_key: str) -> int:
    return int.from_bytes(hashlib.blake2b(group_key.encode(), digest_size=8).digest(), "big")


def _facets(entry: SearchEntry) -> dict[str, list[str]]:
    facets = {k: [str(v) for v in vals if str(v)] for k, vals in (entry.facets or {}).items()}
    facets["kind"] = [entry.kind]
    if entry.date and not facets.get("year"):
        facets["year"] = [str(entry.date.year)]
    return facets


def provision_terms(entry: SearchEntry) -> list[str]:
    """Provision identifiers of an entry (``dieu-35``) taken from its title or key.

    Legal sources name articles "Điều 35. …" in the title or end their key with
    ``#dieu-35``/``||35``; either way the entry becomes addressable by "điều 35".
    """
    terms = []
    m = re.match(r"\s*(?:điều|dieu)\s+(\d+[a-z]?)\b", analysis.normalize(entry.title))
    if m:
        terms.append(f"dieu-{m.group(1)}")
    m = re.search(r"(?:#dieu-|\|\|)(\d+[a-z]?)(?:$|-|#)", entry.key)
    if m:
        terms.append(f"dieu-{m.group(1)}")
    return list(dict.fromkeys(terms))


_CLAUSE_START = re.compile(r"^\s*(?:\d+[a-zđ]?\s*[.)]|[IVX]+\.)\s")


def passages(body: str, max_chars: int = 1200) -> list[str]:
    """Passages of an article body: its clauses (khoản). A new passage starts at "1.", "2." …;
    points "a)", "b)" stay in their clause and text before the first clause joins it."""
    paras = [p.strip() for p in re.split(r"\n+", body or "") if p.strip()]
    out: list[str] = []
    current: list[str] = []
    for para in paras:
        if _CLAUSE_START.match(para) and current and any(_CLAUSE_START.match(c) for c in current):
            out.append("\n".join(current))
            current = []
        current.append(para)
    if current:
        out.append("\n".join(current))
    # Split very long clauses (long lists of points) so a passage stays focused.
    final: list[str] = []
    for p in out:
        while len(p) > max_chars * 2:
            cut = p.rfind("\n", 0, max_chars + max_chars // 2)
            if cut <= 0:
                break
            final.append(p[:cut])
            p = p[cut + 1 :]
        final.append(p)
    return final or [body or ""]


# Entries whose bodies are cut at their clauses; other kinds (Q&As, news) are prose.
STRUCTURED_KINDS = {"provision", "document"}
PROSE_PASSAGE_CHARS = 600  # about a clause: a Q&A's answering paragraph competes with one


def prose_passages(body: str, max_chars: int = PROSE_PASSAGE_CHARS) -> list[str]:
    """Passages of prose (a Q&A's question and answer, an article): paragraphs joined up to
    about a clause's length. As one long passage, an answer that says exactly what a provision
    says scored below it (BM25 divides by length), so Q&As did not compete fairly (issue 13)."""
    out: list[str] = []
    for para in (p.strip() for p in re.split(r"\n+", body or "")):
        if not para:
            continue
        if out and len(out[-1]) + len(para) < max_chars:
            out[-1] = f"{out[-1]}\n{para}"
        else:
            out.append(para)
    return out or [body or ""]


def doc_id(key: str) -> int:
    return group_id(key)


def _common(doc: tantivy.Document, entry: SearchEntry, ref: str, unit: int, body: str) -> None:
    doc.add_text("key", entry.key)
    doc.add_text("ref", ref)
    doc.add_text("group_key", entry.group_key or entry.key)
    doc.add_unsigned("gid", group_id(entry.group_key or entry.key))
    doc.add_unsigned("aid", doc_id(entry.key))
    doc.add_unsigned("unit", unit)
    doc.add_text("url", entry.url)
    doc.add_text("group_title", entry.group_title or "")
    doc.add_text("group_url", entry.group_url or "")
    doc.add_text("title", entry.title)
    doc.add_text("body", body)
    doc.add_text("doc_number_display", entry.doc_number or "")
    if entry.date:
        d = entry.date
        doc.add_date("date", datetime.datetime(d.year, d.month, d.day, tzinfo=datetime.UTC))
    for key, values in _facets(entry).items():
        if key in FACET_KEYS:
            for value in values:
                doc.add_text(f"facet_{key}", value)


@lru_cache(maxsize=4096)
def _cached_views(text: str) -> tuple[str, str, str]:
    return analysis.index_views(text)


def _add_views(doc: tantivy.Document, field: str, text: str, cached: bool = False) -> None:
    # Document titles repeat on every article of the document: analyse them once.
    a, f, b = _cached_views(text or "") if cached else analysis.index_views(text or "")
    for view, value in zip(("a", "f", "b"), (a, f, b), strict=True):
        if view in TEXT_VIEWS[field]:
            doc.add_text(f"{field}_{view}", value)


def _title_keys(title: str) -> str:
    _, folded, grams = analysis.index_views(title)
    return f"{folded} {grams}".strip()


def to_documents(entry: SearchEntry, ref: str) -> list[tantivy.Document]:
    """The tantivy documents of one entry: the whole entry (titles, numbers, provision), then one
    per passage (its clause with the article title)."""
    doc = tantivy.Document()
    _common(doc, entry, ref, 0, entry.body)
    # "Điều 35." is addressed through the provision field; its number is not title content.
    title_text = re.sub(r"^\s*(?:Điều|ĐIỀU|Điều)\s+\d+[a-zđ]?\s*[.:]?\s*", "", analysis.nfc(entry.title or ""))
    _add_views(doc, "title", title_text)
    title_keys = _title_keys(title_text)
    doc.add_text("title_k", title_keys)
    _add_views(doc, "gtitle", entry.group_title, cached=True)
    numbers = analysis.doc_number_terms(entry.doc_number) if entry.doc_number else []
    doc.add_text("docnum", " ".join(numbers))
    for term in provision_terms(entry):
        doc.add_text("provision", term)
    docs = [doc]
    cut = passages if entry.kind in STRUCTURED_KINDS else prose_passages
    for text in cut(entry.body):
        p = tantivy.Document()
        _common(p, entry, ref, 1, text)
        _add_views(p, "pbody", f"{title_text}\n{text}")
        p.add_text("pbody_ab", analysis.accented_bigrams_view(f"{title_text}\n{text}"))
        p.add_text("title_k", title_keys)
        # Every line may define a term (the first clause often follows the lead-in
        # "Trong Luật này, các từ ngữ dưới đây được hiểu như sau:").
        for line in text.split("\n")[:6]:
            defined = definition_term(line)
            if defined:
                p.add_text("defines", defined)
        docs.append(p)
    return docs
