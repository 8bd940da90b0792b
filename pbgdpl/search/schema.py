"""The tantivy schema of the site search index and how a SearchEntry becomes a document."""

from __future__ import annotations

import datetime
import hashlib
import re

import tantivy

from . import analysis
from .registry import SearchEntry

SCHEMA_VERSION = 1

# Facet keys (filters) every entry may carry; stored as raw multi-valued fast fields.
FACET_KEYS = ("kind", "doc_type", "issuer", "field", "validity", "year", "scope")

# Text views: <field>_a (syllables with diacritics), <field>_f (folded syllables),
# <field>_b (folded syllable bigrams). "title" = article title, "gtitle" = the title of the
# group (the legal document), "body" = the text.
TEXT_FIELDS = ("title", "gtitle", "body")
VIEWS = ("a", "f", "b")


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
    sb.add_date_field("date", stored=True, indexed=True, fast=True)
    sb.add_float_field("boost", stored=True, fast=True)
    # Searchable views, pre-analysed in Python.
    for field in TEXT_FIELDS:
        for view in VIEWS:
            sb.add_text_field(f"{field}_{view}", tokenizer_name="whitespace", index_option="freq")
    # Positions only where phrases are needed (group titles: law names in queries).
    sb.add_text_field("docnum", tokenizer_name="whitespace", index_option="basic")
    sb.add_text_field("provision", tokenizer_name="raw", index_option="basic")
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
    ``#dieu_35``/``||35``; either way the entry becomes addressable by "điều 35".
    """
    terms = []
    m = re.match(r"\s*(?:điều|dieu)\s+(\d+[a-z]?)\b", analysis.normalize(entry.title))
    if m:
        terms.append(f"dieu-{m.group(1)}")
    m = re.search(r"(?:dieu_|\|\|)(\d+[a-z]?)(?:$|__|#)", entry.key)
    if m:
        terms.append(f"dieu-{m.group(1)}")
    return list(dict.fromkeys(terms))


def to_document(entry: SearchEntry, ref: str) -> tantivy.Document:
    doc = tantivy.Document()
    doc.add_text("key", entry.key)
    doc.add_text("ref", ref)
    doc.add_text("group_key", entry.group_key or entry.key)
    doc.add_unsigned("gid", group_id(entry.group_key or entry.key))
    doc.add_text("url", entry.url)
    doc.add_text("group_title", entry.group_title or "")
    doc.add_text("group_url", entry.group_url or "")
    doc.add_text("title", entry.title)
    doc.add_text("body", entry.body)
    doc.add_text("doc_number_display", entry.doc_number or "")
    if entry.date:
        d = entry.date
        doc.add_date("date", datetime.datetime(d.year, d.month, d.day, tzinfo=datetime.UTC))
    doc.add_float("boost", float(entry.boost or 1.0))
    # "Điều 35." is addressed through the provision field; its number is not title content.
    title_text = re.sub(r"^\s*(?:Điều|ĐIỀU|Điều)\s+\d+[a-zđ]?\s*[.:]?\s*", "", analysis.nfc(entry.title or ""))
    for field, text in (("title", title_text), ("gtitle", entry.group_title), ("body", entry.body)):
        a, f, b = analysis.index_views(text or "")
        doc.add_text(f"{field}_a", a)
        doc.add_text(f"{field}_f", f)
        doc.add_text(f"{field}_b", b)
    numbers = analysis.doc_number_terms(entry.doc_number) if entry.doc_number else []
    doc.add_text("docnum", " ".join(numbers))
    for term in provision_terms(entry):
        doc.add_text("provision", term)
    for key, values in _facets(entry).items():
        if key in FACET_KEYS:
            for value in values:
                doc.add_text(f"facet_{key}", value)
    return doc
