"""The seed dictionary (data/dictionary.tsv): enough real entries, every line well formed, seeded."""

from __future__ import annotations

import unicodedata

from pbgdpl.search import analysis
from pbgdpl.search.dictionary import SEED_FILE, parse_tsv
from pbgdpl.search.models import DictionaryEntry

KINDS = {"abbreviation", "synonym", "filler"}


def _content_lines() -> list[tuple[int, str]]:
    lines = SEED_FILE.read_text(encoding="utf-8").splitlines()
    return [(n, line) for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]


def test_at_least_300_entries_and_every_line_parses():
    lines = _content_lines()
    rows = parse_tsv()
    assert len(rows) >= 300
    assert len(rows) == len(lines)  # the loader skipped nothing
    for number, line in lines:
        parts = line.split("\t")
        assert len(parts) == 3, f"line {number}: expected kind<TAB>term<TAB>expansions"
        kind, term, expansions = parts
        assert kind in KINDS, f"line {number}: unknown kind {kind!r}"
        assert term.strip() == term and term, f"line {number}: empty or padded term"
        assert unicodedata.normalize("NFC", line) == line, f"line {number}: not NFC"
        if kind == "filler":
            assert expansions == "", f"line {number}: a filler has no expansions"
        else:
            parts = expansions.split("|")
            assert all(p.strip() == p and p for p in parts), f"line {number}: empty or padded expansion"
            assert analysis.normalize(term) not in [analysis.normalize(p) for p in parts], f"line {number}: maps to itself"


def test_no_duplicate_terms_within_a_kind():
    seen = {}
    for number, line in _content_lines():
        kind, term, _ = line.split("\t")
        key = (kind, analysis.normalize(term))
        assert key not in seen, f"line {number} repeats line {seen[key]}"
        seen[key] = number


def test_covers_what_citizens_type():
    rows = {(kind, analysis.normalize(term)): exp for kind, term, exp in parse_tsv()}
    for term in ("blds", "blhs", "bllđ", "nđ", "qđ", "ubnd", "hđnd", "cccd", "bhxh", "hđlđ", "nlđ", "nsdlđ", "ko", "dc", "cty"):
        assert ("abbreviation", term) in rows, term
    assert "giấy chứng nhận quyền sử dụng đất" in rows[("synonym", "sổ đỏ")]
    assert "nghỉ thai sản" in rows[("synonym", "nghỉ đẻ")]
    assert rows[("synonym", "ly dị")] == "ly hôn"
    for phrase in ("bao nhiêu", "như thế nào", "có được không", "đúng hay sai", "cho em hỏi"):
        assert ("filler", phrase) in rows, phrase


def test_the_database_is_seeded_from_the_file(db):
    assert DictionaryEntry.objects.count() >= 300
    entry = DictionaryEntry.objects.get(kind="synonym", term="sổ đỏ")
    assert "giấy chứng nhận quyền sử dụng đất" in entry.expansion_list()
