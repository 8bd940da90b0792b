"""Spelling: typo correction of folded syllables and diacritic restoration of a whole query.

Both choose from the index's own words (``derived.vocabulary`` / ``derived.spellings``), so
they follow the site's content without a separate word list.
"""

from __future__ import annotations

import math

import tantivy

from . import analysis, derived
from .dictionary import Dictionary
from .index import IndexHandle
from .query import BUILTIN_FILLERS, QUESTION_WORDS, ParsedQuery, adjacent_bigrams

_LETTERS = "abcdefghijklmnopqrstuvwxyz"

# Everyday question phrases: they are how citizens ask, and law texts hardly contain them,
# so the index alone cannot tell "mấy tháng" (how many months) from "máy" (machine).
QUESTION_PHRASES = [
    "được mấy", "có mấy", "mấy tháng", "mấy năm", "mấy ngày", "mấy tuổi", "mấy lần", "mấy giờ",
    "mấy tiếng", "mấy người", "mấy đời", "lớp mấy", "tù mấy", "bao nhiêu", "bao lâu", "bao giờ",
    "cần gì", "những gì", "giấy tờ gì", "thủ tục gì", "là gì", "làm gì", "ở đâu", "nộp đâu",
    "khi nào", "thế nào", "ra sao", "làm sao", "có sao", "ai được", "là ai",
]
PHRASE_PAIR_SCORE = math.log1p(20)  # a bigram of a dictionary or question phrase
MAX_RESTORED_WORDS = 20  # the "did you mean" suggestion: a short line under the search box


def _edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in _LETTERS]
    inserts = [a + c + b for a, b in splits for c in _LETTERS]
    return set(deletes + transposes + replaces + inserts)


def correct_typos(pq: ParsedQuery, vocab: derived.Vocabulary) -> None:
    """Replace folded syllables unknown to the index by their most frequent neighbour at
    edit distance 1 (``kiep`` → ``nghiep`` is too far; ``nhun`` → ``nhung``)."""
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


def _phrase_pairs(dictionary: Dictionary | None) -> tuple[set[str], dict[str, set[str]]]:
    """Accented bigrams of the dictionary's phrases, fillers and question phrases, and the
    accented spellings of their syllables by folded form."""
    if dictionary is not None and "phrase_pairs" in dictionary.derived:
        return dictionary.derived["phrase_pairs"]
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
        dictionary.derived["phrase_pairs"] = result
    return result


def _accented_phrases(dictionary: Dictionary | None) -> dict[tuple[str, ...], list[str]]:
    """Folded syllables → accented syllables of every multi-syllable phrase with diacritics
    the built-in fillers and the dictionary's terms and expansions know."""
    if dictionary is not None and "accented_phrases" in dictionary.derived:
        return dictionary.derived["accented_phrases"]
    texts = list(BUILTIN_FILLERS)
    if dictionary is not None:
        for table in (dictionary.abbreviations, dictionary.synonyms, dictionary.fillers):
            for cands in table.entries.values():
                for acc, value in cands:
                    texts.append(" ".join(acc))
                    if isinstance(value, str):
                        texts.append(value)
                    elif isinstance(value, list):
                        texts.extend(v for v in value if isinstance(v, str))
    phrases: dict[tuple[str, ...], list[str]] = {}
    for text in texts:
        syl = analysis.syllables(text)
        if len(syl) >= 2 and analysis.has_diacritics(text):
            phrases.setdefault(tuple(analysis.fold_all(syl)), syl)
    if dictionary is not None:
        dictionary.derived["accented_phrases"] = phrases
    return phrases


def _known_phrases(words: list[str], dictionary: Dictionary | None) -> list[tuple[int, list[str]]]:
    """(start, accented syllables) of the known phrases found in the folded query, longest first."""
    phrases = _accented_phrases(dictionary)
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


def restore_diacritics(
    pq: ParsedQuery, handle: IndexHandle, searcher: tantivy.Searcher, dictionary: Dictionary | None = None,
    text: str | None = None, max_words: int = MAX_RESTORED_WORDS,
) -> str | None:
    """Accented spelling of a query typed without diacritics ("nghi thai san" → "nghỉ thai
    sản"), chosen from the index's own words: each syllable's spellings are scored by how
    often they occur next to the neighbours' spellings (accented bigrams), best path wins.
    Only the first ``max_words`` words are restored (and returned)."""
    if pq.has_marks or not pq.folded.strip():
        return None
    known = derived.spellings(handle)
    words = analysis.WORD_RE.findall(pq.normalized if text is None else text)[:max_words]
    if not words:
        return None
    try:
        searcher.doc_freq("pbody_ab", "")
        pairs_known = True
    except ValueError:  # an index written before accented bigrams existed (until search_rebuild)
        pairs_known = False
    options = [[s for s, _ in known.get(w, [])] or [w] for w in words]
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
    unigram = [{s: math.log1p(c) for s, c in known.get(w, [])} for w in words]
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
