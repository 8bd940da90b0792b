"""Result snippets: the best-matching window of a text, matched words marked."""

from __future__ import annotations

import html

from . import analysis


def highlight(text: str, terms: set[str], max_words: int = 40) -> str:
    """Escaped text around the best-matching passage, matched words wrapped in <mark>.

    ``terms`` are folded syllables, so a query typed without diacritics still marks
    the accented words of the original text. Terms written ``a_b`` are the query's phrases
    (adjacent syllables): a syllable that belongs to a phrase is marked only where the
    phrase itself stands in the text, so "ly hon" marks "ly hôn" and not a scattered "lý" or
    "hơn" (issue 13). Syllables that are in no phrase are marked wherever they occur.
    """
    text = analysis.nfc(text or "")
    tokens = list(analysis.WORD_RE.finditer(text))
    if not tokens:
        return html.escape(text[:300])
    fold1 = analysis.fold_syllable
    hits = _marked(text, tokens, terms)
    best_start, best_score = 0, -1
    if len(tokens) > max_words and terms:
        # Slide a window of max_words tokens; a window scores 10 per distinct matched term
        # plus 1 per match, so covering more of the query beats repeating one word.
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


def _marked(text: str, tokens: list, terms: set[str]) -> list[bool]:
    """Which tokens to mark: lone query syllables anywhere, phrase syllables inside the phrase."""
    phrases = {t for t in terms if "_" in t}
    in_phrase = {w for p in phrases for w in p.split("_")}
    folded = [analysis.fold_syllable(t.group(0).lower()) for t in tokens]
    hits = [f in terms and f not in in_phrase for f in folded]
    for i in range(len(tokens) - 1):
        gap = text[tokens[i].end() : tokens[i + 1].start()]
        if f"{folded[i]}_{folded[i + 1]}" in phrases and not gap.strip():
            hits[i] = hits[i + 1] = True
    return hits
