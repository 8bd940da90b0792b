"""Query parsing: from what a citizen typed to the terms, boosts and references to search.

``parse(text, dictionary, laws, words)`` is pure (no index access) so it is easy to test;
``understanding.understand`` passes it the dictionary and what it knows from the index (law
names, vocabulary), then adds what needs the index (law versions, typo corrections).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import analysis, casual, questions
from .dictionary import Dictionary, Table
from .lawnames import LawName, find_law, laws_by_subject

# Question words and filler that carry no legal content (the editable dictionary adds
# more). Matched like dictionary terms: accented, or folded when typed without marks.
BUILTIN_FILLERS = [
    "theo quy định của pháp luật hiện hành", "theo quy định của pháp luật", "theo quy định hiện hành",
    "theo quy định", "theo pháp luật", "pháp luật hiện hành", "quy định như thế nào",
    "đúng hay sai", "đúng không", "có đúng không", "đúng hay không", "phải không", "có phải không",
    "có được không", "được không", "có không", "hay không", "hay chưa",
    "như thế nào", "thế nào", "ra sao", "bao nhiêu", "bao lâu", "là gì", "là ai",
    "thì sao", "làm sao", "ở đâu", "khi nào", "tại sao", "vì sao", "có phải",
    "xin hỏi", "cho hỏi", "cho em hỏi", "cho tôi hỏi", "xin cảm ơn", "cảm ơn", "ạ", "nhé", "vậy",
]
_BUILTIN = Table()
for _phrase in BUILTIN_FILLERS:
    _BUILTIN.add(_phrase, True)

# "điều 35", "dieu 35", "đ.35", "đ 35", "article 35"; optional "khoản 2"/"k.2", "điểm a".
PROVISION_RE = re.compile(
    r"(?<![\w])(?:dieu|d\.)\s*(\d{1,4}[a-z]?)\b(?:\s*[,.]?\s*(?:khoan|k\.)\s*(\d{1,3})\b)?"
    r"(?:\s*[,.]?\s*diem\s+([a-z])\b)?"
)


@dataclass
class ParsedQuery:
    text: str
    normalized: str = ""
    folded: str = ""
    has_marks: bool = False
    # Content syllables after dictionary expansion and filler removal.
    accented: list[str] = field(default_factory=list)
    tokens: list[str] = field(default_factory=list)  # folded
    bigrams: list[str] = field(default_factory=list)
    # Extra (synonym) expansions: lists of folded syllables, searched with a lower weight.
    expansions: list[list[str]] = field(default_factory=list)
    doc_number: str | None = None
    provision_ref: dict | None = None  # {"article": "35", "clause": "2", "point": "a"}
    law: LawName | None = None
    laws: list[LawName] = field(default_factory=list)
    subject_laws: list[LawName] = field(default_factory=list)  # laws whose subject is mentioned
    dropped: list[str] = field(default_factory=list)
    defined_terms: list[str] = field(default_factory=list)  # "x_y_z" candidates, longest first
    corrections: dict[str, str] = field(default_factory=dict)
    # Title words of the kind of provision the question's shape asks for (questions.py).
    steer: list[str] = field(default_factory=list)
    colloquial: list[tuple[str, str]] = field(default_factory=list)  # ("ly dị", "ly hôn"): phrase, legal term searched
    spelled_out: str = ""  # the words after chat spelling and abbreviations are expanded
    positions: list[float] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.tokens or self.doc_number or self.provision_ref or self.law)


def _remove_phrases(tokens: list[tuple[str, str]], tables: list[Table], dropped: list[str], words=None, keep=frozenset()) -> list[tuple[str, str]]:
    """Drop every filler phrase of the tables from (accented, folded) tokens."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(tokens):
        n = max((t.match_at(tokens, i, words, keep)[0] for t in tables if t), default=0)
        if n:
            dropped.append(" ".join(t[0] for t in tokens[i : i + n]))
            i += n
        else:
            out.append(tokens[i])
            i += 1
    return out


QUESTION_WORDS = {"gì", "mấy", "nào", "đâu", "bao", "sao", "ai"}
_QUESTION_FOLDED = {analysis.fold(w) for w in QUESTION_WORDS}


def _is_question_word(token: tuple) -> bool:
    typed, folded = token[0], token[1]
    return typed in QUESTION_WORDS or (typed == folded and folded in _QUESTION_FOLDED)


def _replace_colloquial(tokens: list[tuple], table: Table, pq: ParsedQuery, vocab, keep) -> list[tuple]:
    """Replace each colloquial phrase of the table by its (first) legal term.

    A phrase that holds a question word ("cần giấy tờ gì" → hồ sơ, "đi tù mấy năm") says
    what kind of answer is wanted rather than what it is about: it stays as typed (its
    question words are dropped later) and its legal terms are searched as expansions.

    The legal term's syllables become ordinary query content, so "ly dị" counts as much as
    "ly hôn" would; the colloquial syllables themselves are not searched ("dị" would find
    "di sản", folded "so do" would find "sơ đồ"). Other legal terms of the entry are searched
    as expansions.
    """
    out: list[tuple] = []
    i = 0
    while i < len(tokens):
        n, values = table.match_at(tokens, i, vocab, keep)
        if n < 2:
            out.append(tokens[i])
            i += 1
            continue
        exps = list(dict.fromkeys(e for v in values for e in v))
        window = tokens[i : i + n]
        # Inside a known phrase an unaccented "gi" is the question word "gì"; question words
        # (a closed class) follow what they ask about, so the first syllable is never one.
        if any(_is_question_word(t) for t in window[1:]):
            for exp in exps:
                syl = analysis.fold_all(analysis.syllables(exp))
                if syl and syl not in pq.expansions:
                    pq.expansions.append(syl)
            out.extend(window)
            i += n
            continue
        base = tokens[i][2]
        legal = analysis.syllables(exps[0])
        out.extend((w, analysis.fold_syllable(w), base + k / 100) for k, w in enumerate(legal))
        for exp in exps[1:]:
            syl = analysis.fold_all(analysis.syllables(exp))
            if syl and syl not in pq.expansions:
                pq.expansions.append(syl)
        pq.colloquial.append((" ".join(t[0] for t in tokens[i : i + n]), exps[0]))
        i += n
    return out


def _reserved_forms(dictionary: Dictionary) -> frozenset[str]:
    """Folded one-syllable abbreviations to which the editable dictionary gives a meaning of
    its own: editors' meanings win over the built-in chat table (``casual``)."""
    cached = dictionary.derived.get("reserved_forms")
    if cached is None:
        chat = {analysis.fold(k): analysis.normalize(v) for k, v in casual.CHAT_WORDS.items()}
        cached = frozenset(
            key[0]
            for key, cands in dictionary.abbreviations.entries.items()
            if len(key) == 1 and any(list(value) != [chat.get(key[0])] for _, value in cands)
        )
        dictionary.derived["reserved_forms"] = cached
    return cached


def adjacent_bigrams(tokens: list[str], positions: list[float] | None = None) -> list[str]:
    """Bigrams of neighbouring words only (not across punctuation or removed words)."""
    if not positions or len(positions) != len(tokens):
        return analysis.bigrams(tokens)
    return [
        f"{a}_{b}"
        for a, b, pa, pb in zip(tokens, tokens[1:], positions, positions[1:], strict=False)
        if 0 < pb - pa <= 1.0
    ]


def parse(
    text: str, dictionary: Dictionary | None = None, laws: list[LawName] | None = None, words=None
) -> ParsedQuery:
    """Understand one query. Never raises on odd input; an empty result means nothing to search.

    ``words``: the folded syllables the index knows (a container), used to tell an
    abbreviation typed without marks from an ordinary word (``ca`` vs ``cá``).
    """
    dictionary = dictionary or Dictionary()
    laws = laws or []
    vocab = words  # the name ``words`` is reused below for expansion syllables
    text = (text or "")[:500]
    pq = ParsedQuery(text=text)
    norm = analysis.normalize(text)
    pq.normalized = norm
    pq.folded = analysis.fold(norm)
    pq.has_marks = pq.folded != norm

    numbers = analysis.doc_numbers(norm)
    if numbers:
        pq.doc_number = numbers[0]
        norm = analysis.DOC_NUMBER_RE.sub(" ", norm)

    folded_text = analysis.fold(norm)
    m = PROVISION_RE.search(folded_text)
    if m:
        pq.provision_ref = {"article": m.group(1), "clause": m.group(2), "point": m.group(3)}

    # Words typed in capitals (VAT, CA, BLDS) are abbreviations even when they spell a syllable.
    keep = frozenset(analysis.fold(w.lower()) for w in analysis.WORD_RE.findall(analysis.nfc(text)) if len(w) >= 2 and w.isupper())
    # Tokens are (accented, folded, position); positions jump across punctuation and
    # removed words, so bigrams are only formed from words that were really adjacent.
    tokens = []
    pos = 0.0
    last_end = None
    for m in analysis.WORD_RE.finditer(norm):
        if last_end is not None:
            pos += 10.0 if re.search(r"[.,;:!?()\[\]\"“”…]", norm[last_end : m.start()]) else 1.0
        last_end = m.end()
        word = m.group(0)
        tokens.append((word, analysis.fold_syllable(word), pos))

    # How people type on a phone ("ko", "mún", "17t", "ddaats"): the words they mean. The
    # editable dictionary's own abbreviations keep their meaning.
    tokens = casual.normalize_tokens(tokens, vocab, reserved=_reserved_forms(dictionary))

    # Abbreviations first (BLDS → bộ luật dân sự), so law names and fillers see full words.
    if dictionary.abbreviations:
        expanded: list[tuple[str, str]] = []
        i = 0
        while i < len(tokens):
            n, values = dictionary.abbreviations.match_at(tokens, i, vocab, keep)
            if not n:
                expanded.append(tokens[i])
                i += 1
                continue
            exps = list(dict.fromkeys(e for v in values for e in v))
            if len(exps) == 1:
                words = analysis.syllables(exps[0])
                base = tokens[i][2]
                expanded.extend((w, analysis.fold_syllable(w), base + k / 100) for k, w in enumerate(words))
            else:
                # Ambiguous ("ct": chỉ thị | công ty): keep it, search every meaning.
                expanded.extend(tokens[i : i + n])
                for exp in exps:
                    words = analysis.fold_all(analysis.syllables(exp))
                    if words and words not in pq.expansions:
                        pq.expansions.append(words)
            i += n
        tokens = expanded
    # The question in full words (chat spelling and abbreviations spelled out): what a model of
    # meaning reads (semantic/signal.py).
    pq.spelled_out = " ".join(t[0] for t in tokens)

    # Law named in the query ("bộ luật lao động", "luat dat dai 2013"): boost it, and take
    # its words out of the content so they do not match every article that cites a law.
    law, start, end = find_law([t[1] for t in tokens], laws)
    if law:
        pq.law = law
        rest = tokens[:start] + tokens[end:]
        # "năm 2017" / a bare year right after the name belongs to the name too.
        if start < len(rest) and rest[start][1] == "nam" and start + 1 < len(rest) and rest[start + 1][1].isdigit():
            rest = rest[:start] + rest[start + 2 :]
        elif start < len(rest) and re.fullmatch(r"(19|20)\d\d", rest[start][1]):
            rest = rest[:start] + rest[start + 1 :]
        tokens = rest

    if pq.provision_ref:
        # The reference itself is not content ("điều 35" would match every "Điều 35" citation).
        ref_re = re.compile(r"^(dieu|d|khoan|k|diem)$")
        cleaned = []
        skip_next = False
        for j, t in enumerate(tokens):
            if skip_next:
                skip_next = False
                continue
            if ref_re.match(t[1]) and j + 1 < len(tokens) and re.fullmatch(r"\d{1,4}[a-z]?|[a-z]", tokens[j + 1][1]):
                skip_next = True
                continue
            cleaned.append(t)
        tokens = cleaned

    # Colloquial phrases become their legal terms BEFORE fillers go: "cần giấy tờ gì" (→ hồ
    # sơ) needs its "gì", which is also a filler on its own.
    if dictionary.colloquial:
        tokens = _replace_colloquial(tokens, dictionary.colloquial, pq, vocab, keep)

    pq.defined_terms = definition_candidates([t[1] for t in tokens], [t[0] for t in tokens] if pq.has_marks else None)
    if not law and laws:
        pq.subject_laws = laws_by_subject([t[1] for t in tokens], laws)
    pq.steer = questions.steering(analysis.fold(" ".join(t[0] for t in tokens)))
    content = _remove_phrases(tokens, [_BUILTIN, dictionary.fillers], pq.dropped, vocab, keep)
    content = questions.drop_trailing_particles(content, pq.dropped)
    if not content and not (pq.law or pq.doc_number or pq.provision_ref):
        content = tokens  # a query made only of question words: search them rather than nothing
        pq.dropped = []

    # Synonyms (colloquial ↔ legal): searched in addition, with a lower weight.
    # The replaced colloquial phrase comes back here as an expansion of its legal term (lower
    # weight, bigram only); measured: dropping it lowers alqac23 without diacritics by 0.4.
    if dictionary.synonyms:
        for i in range(len(content)):
            for n in range(dictionary.synonyms.max_len, 0, -1):
                m, values = dictionary.synonyms.match_at(content[: i + n], i, vocab, keep)
                if m != n:
                    continue
                for exp in values:
                    words = analysis.fold_all(analysis.syllables(exp))
                    if words and words not in pq.expansions:
                        pq.expansions.append(words)

    # "6 tháng" is "06 tháng" in the laws, "mười tám tuổi" is "18 tuổi" in newer ones.
    for words in casual.number_expansions([t[1] for t in content]) + casual.age_expansions([t[1] for t in content]):
        if words not in pq.expansions:
            pq.expansions.append(words)

    pq.accented = [t[0] for t in content]
    pq.tokens = [t[1] for t in content]
    pq.positions = [t[2] for t in content]
    pq.bigrams = adjacent_bigrams(pq.tokens, pq.positions)
    return pq


_DEF_PREFIX = re.compile(
    r"^(?:(?:theo|trong) )?(?:(?:hay )?cho (?:biet|em hoi|hoi) )?(?:the nao (?:la|duoc goi la|duoc hieu la)|"
    r"nhu the nao (?:la|duoc goi la|duoc hieu la)|(?:dinh nghia|khai niem|giai thich)(?: ve| cua)?|hieu the nao ve) (.+)$"
)
_DEF_SUFFIX = re.compile(
    r"^(.+?) (?:duoc (?:hieu|dinh nghia|giai thich|goi) )?(?:la|nghia la|co nghia la)(?: .*)?$"
)


# Words that may open a definition question without being part of the term ("Trong luật
# này, X là gì", "Theo luật, X là …", "thì X là gì"), spelled with their diacritics.
LEADING_PREPOSITIONS = frozenset({"trong", "theo", "thì"})


def definition_candidates(folded: list[str], accented: list[str] | None = None) -> list[str]:
    """Terms a query may ask the definition of, as ``defines`` field values.

    "an ninh mạng là gì", "định nghĩa của X", "thế nào là X", "X là …, đúng hay sai":
    X is what precedes the first "là" (or follows the question phrase). Every tail of X
    (longest first) is a candidate; query building keeps the first that some clause defines.

    A leading preposition is dropped only when the query was typed with diacritics
    (``accented``) and spells it exactly: "Trọng tài thương mại là gì" and "Thi hành án là
    gì" keep their first word (folded they read "trong", "thi"). Typed without diacritics
    the word stays, and the shorter tails still cover the preposition reading.
    """
    text = " ".join(folded)
    m = _DEF_PREFIX.match(text)
    head = None
    if m:
        head = m.group(1).split(" la ")[0]
    else:
        m = _DEF_SUFFIX.match(text)
        if m:
            head = m.group(1)
    if not head:
        return []
    words = head.split()[:14]
    if words and accented is not None:
        first = len(text[: m.start(1)].split())  # position of the head's first word in the query
        if first < len(accented) and accented[first] in LEADING_PREPOSITIONS:
            words = words[1:]
    cands = ["_".join(words[i:]) for i in range(len(words)) if len(words) - i >= 2]
    return cands


def definition_term(passage: str) -> str | None:
    """The term a clause defines ("1. Trọng tài thương mại là phương thức …"), folded."""
    m = re.match(
        r"^\s*(?:\d+[a-zđ]?\s*[.)]\s*)?[\"“']?([^\n.:;,()\"“”']{2,90}?)[\"”']?\s+(?:là|được hiểu là|có nghĩa là)\s",
        analysis.nfc(passage),
    )
    if not m:
        return None
    words = analysis.fold_all(analysis.syllables(m.group(1)))
    if not 1 <= len(words) <= 14:
        return None
    return "_".join(words)
