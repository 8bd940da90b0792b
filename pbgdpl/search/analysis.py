"""Vietnamese text analysis shared by the indexer and the query parser.

Everything that turns text into index terms lives here so that documents and queries
go through exactly the same steps:

1. NFC normalisation (NFD input would otherwise split a syllable into letters + marks);
2. lowercasing and canonical tone placement — we use the traditional ("old") style that
   Vietnamese legal texts use: ``hoà → hòa``, ``thuỷ → thủy``, ``khoẻ → khỏe``;
3. syllable tokenisation (letters and digits; punctuation splits);
4. three views of the syllables: with diacritics, folded (no diacritics, ``đ → d``) and
   folded bigrams (``dat_dai``) as the multi-syllable-word signal;
5. document numbers (``100/2019/NĐ-CP``, ``571/QĐ-UBND``, ``45/2019/QH14``) are kept
   whole in their own view, folded, together with the bare number.

Terms are produced in Python and indexed with tantivy's ``whitespace`` tokenizer, so the
Rust side never re-analyses them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Combining marks: the five tones and the three vowel-quality marks.
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_QUALITY = {"\u0302", "\u0306", "\u031b"}  # circumflex, breve, horn
_VOWELS = set("aăâeêioôơuưy")
# Vowels that carry a quality mark take the tone when present (ơ wins in ươ).
_MARKED_VOWELS = set("ăâêôơư")

# A syllable (or number): letters and digits; punctuation and underscores split.
WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
# A document number: digits, optional year, then a symbol of letters/digits joined by
# hyphens, e.g. 100/2019/nđ-cp, 571/qđ-ubnd, 45/2019/qh14, 01/vbhn-vpqh, 12/2020/tt-btp.
DOC_NUMBER_RE = re.compile(
    r"(?<![\w/])(\d{1,5}[a-z]?)(?:/(\d{4}))?/((?:[a-zđ]+\d*)(?:-[a-zđ0-9]+)*)(?![\w/])",
    re.UNICODE,
)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text or "")


@lru_cache(maxsize=200_000)
def fold_syllable(syllable: str) -> str:
    """One syllable without diacritics (``Đất`` → ``Dat``); cached: queries and documents repeat them."""
    decomposed = unicodedata.normalize("NFD", syllable)
    out = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return out.replace("đ", "d").replace("Đ", "D")


def fold(text: str) -> str:
    """Remove every diacritic and map đ → d (``Đất đai`` → ``Dat dai``)."""
    return "".join(fold_syllable(part) if not part.isascii() else part for part in re.split(r"(\s+)", text))


@lru_cache(maxsize=200_000)
def canonical_syllable(syllable: str) -> str:
    """Put the tone mark of one lowercase syllable on its traditional vowel.

    ``hoà`` → ``hòa``, ``thuỷ`` → ``thủy``, ``qúa`` → ``quá``, ``giaó`` → ``giáo``.
    Syllables without a tone, or that are not Vietnamese, come back unchanged.
    """
    if syllable.isascii():
        # "06 tháng" and "6 tháng" are the same number: leading zeros go.
        if syllable.isdigit() and len(syllable) > 1:
            return syllable.lstrip("0") or "0"
        return syllable
    decomposed = unicodedata.normalize("NFD", syllable)
    tone = ""
    letters: list[str] = []  # each item: base letter + its quality marks (NFD)
    for ch in decomposed:
        if ch in _TONES:
            tone = ch
        elif unicodedata.combining(ch) and letters:
            letters[-1] += ch
        else:
            letters.append(ch)
    if not tone:
        return syllable
    plain = [unicodedata.normalize("NFC", item) for item in letters]
    # Locate the vowel nucleus: skip the initial consonants, with "qu" and "gi" (before
    # another vowel) counted as consonants.
    i = 0
    n = len(plain)
    while i < n and plain[i] not in _VOWELS:
        i += 1
    if i < n and i > 0:
        prev = plain[i - 1]
        if (prev == "q" and plain[i] == "u") or (
            prev == "g" and plain[i] == "i" and i + 1 < n and plain[i + 1] in _VOWELS
        ):
            i += 1
    start = i
    while i < n and plain[i] in _VOWELS:
        i += 1
    end = i
    nucleus = list(range(start, end))
    if not nucleus:
        return unicodedata.normalize("NFC", "".join(letters[:1]) + tone + "".join(letters[1:]))
    target = None
    marked = [k for k in nucleus if plain[k] in _MARKED_VOWELS]
    if marked:
        target = marked[-1]
    elif len(nucleus) == 1:
        target = nucleus[0]
    elif len(nucleus) >= 3:
        target = nucleus[1]
    else:  # two plain vowels: second if a final consonant follows, else first (hòa, thủy)
        target = nucleus[1] if end < n else nucleus[0]
    letters[target] = letters[target][0] + letters[target][1:] + tone
    return unicodedata.normalize("NFC", "".join(letters))


def normalize(text: str) -> str:
    """NFC, lowercase and canonical tone placement of a whole text."""
    text = nfc(text).lower()
    return WORD_RE.sub(lambda m: canonical_syllable(m.group(0)), text)


def syllables(text: str) -> list[str]:
    """Normalised syllables (with diacritics) of a text."""
    return WORD_RE.findall(normalize(text))


def fold_all(tokens: list[str]) -> list[str]:
    return [fold_syllable(t) for t in tokens]


def bigrams(folded: list[str]) -> list[str]:
    return [f"{a}_{b}" for a, b in zip(folded, folded[1:], strict=False)]


def accented_bigrams_view(text: str) -> str:
    """Bigrams of syllables with diacritics ("thai_sản"), inside punctuation: the context
    used to restore the diacritics of a query typed without them."""
    norm = normalize(text)
    grams: list[str] = []
    for chunk in re.split(r"[.,;:!?()\[\]\"“”\n]+", norm):
        grams.extend(bigrams(WORD_RE.findall(chunk)))
    return " ".join(grams)


def has_diacritics(text: str) -> bool:
    text = nfc(text)
    return fold(text) != text


def doc_numbers(text: str) -> list[str]:
    """Document numbers found in a text, normalised and folded (``100/2019/nd-cp``)."""
    found = []
    for m in DOC_NUMBER_RE.finditer(normalize(text)):
        found.append(fold(m.group(0)))
    return found


def doc_number_terms(doc_number: str) -> list[str]:
    """Terms of the doc_number view: the whole folded number, its symbol and the bare number.

    ``100/2019/NĐ-CP`` → ``100/2019/nd-cp``, ``100/nd-cp``, ``100``, ``nd-cp``.
    """
    terms: list[str] = []
    norm = fold(normalize(doc_number)).strip()
    if not norm:
        return terms
    m = DOC_NUMBER_RE.fullmatch(norm)
    if m:
        number, year, symbol = m.groups()
        terms.append(norm)
        terms.append(f"{number}/{symbol}")
        terms.append(number.lstrip("0") or "0")
        terms.append(symbol)
        if year:
            terms.append(f"{number}/{year}")
    else:
        terms.append(re.sub(r"\s+", "-", norm))
    return list(dict.fromkeys(terms))


def index_views(text: str) -> tuple[str, str, str]:
    """The three pre-analysed views of a text: (accented, folded, folded bigrams).

    Each view is a whitespace-joined string for tantivy's ``whitespace`` tokenizer.
    Bigrams do not cross sentence punctuation, so they stay inside one phrase.
    """
    norm = normalize(text)
    accented = WORD_RE.findall(norm)
    folded = fold_all(accented)
    grams: list[str] = []
    for chunk in re.split(r"[.,;:!?()\[\]\"“”\n]+", norm):
        f = fold_all(WORD_RE.findall(chunk))
        grams.extend(bigrams(f))
    return " ".join(accented), " ".join(folded), " ".join(grams)
