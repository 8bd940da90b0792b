"""How people type on a phone: chat spelling, Telex leftovers and numbers, normalised before
the query is understood (issue 13).

The tables are written from the language (common Vietnamese chat shorthand and the Telex
input method), not from any question set. ``normalize_tokens`` rewrites query tokens
``(accented, folded, position)``:

- chat shorthand that is never an ordinary word ("ko", "hok", "dc", "mún", "bít", "ntn")
  becomes the word it stands for; shorthand that also spells a syllable ("k", "r", "v", "e")
  only where it cannot be that syllable (at the end of a question, after a verb …) is left to
  the editable dictionary;
- the "f/w/z/j" spellings of chat ("fải", "wá", "zậy") and Telex leftovers ("ddaats", "nhaf",
  "tieengs") are decoded when the decoded syllable is a word of the index and the typed one
  is not;
- a number glued to a unit ("17t", "36th", "5tr") is split into number and unit word.

``age_expansions`` gives the law's words for the age bracket of a person whose age is stated
("con tôi 17 tuổi" → "chưa thành niên"); ``number_expansions`` gives the other spellings of the numbers in a query ("6 tháng" is
written "06 tháng" in laws, "mười tám tuổi" in the Civil Code is "18 tuổi" elsewhere).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container

from . import analysis

# Chat shorthand → the word(s) it stands for. Only forms that are not Vietnamese syllables
# themselves (so replacing them can never destroy a real word).
CHAT_WORDS = {
    "ko": "không", "khg": "không", "hok": "không", "khum": "không", "k0": "không", "kô": "không",
    "khôg": "không", "hông": "không",
    "dc": "được", "đc": "được", "đx": "được",
    "j": "gì", "ji": "gì", "zì": "gì",
    "rùi": "rồi", "roài": "rồi",
    "zậy": "vậy", "dzậy": "vậy",
    "ng": "người", "ngta": "người ta",
    "mún": "muốn",
    "bít": "biết", "bik": "biết", "bjk": "biết", "bjt": "biết",
    "mk": "mình", "mik": "mình", "mjk": "mình",
    "ntn": "như thế nào",
    "vk": "vợ", "ck": "chồng", "bme": "bố mẹ",
    "trc": "trước", "trk": "trước", "vs": "với", "nhg": "nhưng", "nhưg": "nhưng",
    "cg": "cũng", "cx": "cũng", "chx": "chưa", "đag": "đang",
    "thỳ": "thì", "thj": "thì", "lm": "làm", "sag": "sang", "nc": "nước",
    "yc": "yêu cầu", "sx": "sản xuất", "cq": "cơ quan", "qđ": "quyết định",
    "tgian": "thời gian", "tg": "thời gian", "bnhiu": "bao nhiêu", "bnhieu": "bao nhiêu",
    "nhiu": "nhiêu", "ak": "à",
}
# Left out on purpose, because they also mean something else in legal questions: "đk"
# (điều kiện, đăng ký), "vc" (viên chức, vợ chồng), "bt" (bồi thường, bình thường), "bh"
# (bảo hiểm), "kg" (ki-lô-gam), "nd" (nội dung, người dân), "hong" (hỏng). The editable
# dictionary's meaning of a form always wins over this table (``reserved``).

# A number glued to a unit ("17t", "36th", "5tr", "2tr5" not handled): number + unit word.
UNIT_WORDS = {"t": "tuổi", "tuoi": "tuổi", "th": "tháng", "thg": "tháng", "n": "năm", "ng": "ngày", "tr": "triệu", "k": "nghìn"}
_LONE_UNITS = {"t", "th", "thg", "tr"}  # also a unit when typed apart from its number
_NUMBER_SYLLABLES = {"mot", "hai", "ba", "bon", "nam", "sau", "bay", "tam", "chin", "muoi", "lam", "tu"}
_NUMBER_UNIT_RE = re.compile(r"^(\d{1,4})(" + "|".join(sorted(UNIT_WORDS, key=len, reverse=True)) + r")$")

# Chat spellings of initial consonants, tried when the typed syllable is not a word.
_CHAT_INITIALS = [("f", "ph"), ("w", "qu"), ("z", "d"), ("z", "gi"), ("j", "gi"), ("dz", "d"), ("k", "c")]

# Telex: vowel quality keys and tone keys.
_TELEX_QUALITY = [("aa", "â"), ("aw", "ă"), ("ee", "ê"), ("oo", "ô"), ("ow", "ơ"), ("uw", "ư"), ("dd", "đ")]
_TELEX_TONES = {"s": "\u0301", "f": "\u0300", "r": "\u0309", "x": "\u0303", "j": "\u0323"}
_VOWELS = "aăâeêioôơuưy"


def _place_tone(syllable: str, tone: str) -> str:
    """Put a tone mark on the vowel that carries it (modern placement, simplified)."""
    vowels = [i for i, ch in enumerate(syllable) if ch in _VOWELS]
    if not vowels:
        return syllable
    marked = [i for i in vowels if syllable[i] in "ăâêôơư"]
    if marked:
        pos = marked[-1]
    elif len(vowels) == 1:
        pos = vowels[0]
    else:
        cluster = syllable[vowels[0] : vowels[-1] + 1]
        ends_in_vowel = vowels[-1] == len(syllable) - 1
        # "qu"/"gi" are consonants; "oa", "oe", "uy" carry the tone on their second vowel.
        if syllable.startswith(("qu", "gi")) and len(vowels) > 1:
            pos = vowels[1]
        elif not ends_in_vowel or cluster in ("oa", "oe", "uy"):
            pos = vowels[-1]
        else:
            pos = vowels[-2]
    return unicodedata.normalize("NFC", syllable[: pos + 1] + tone + syllable[pos + 1 :])


def telex_decode(word: str) -> str | None:
    """The syllable a Telex typist meant when the input method was off ("ddaats" → "đất",
    "nhaf" → "nhà"); None when the word has no Telex keys."""
    if not word.isascii() or not word.isalpha() or len(word) < 2:
        return None
    out = word
    for keys, letter in _TELEX_QUALITY:
        out = out.replace(keys, letter)
    tone = None
    if out[-1] in _TELEX_TONES and len(out) > 1 and any(ch in _VOWELS for ch in out[:-1]):
        tone = _TELEX_TONES[out[-1]]
        out = out[:-1]
    elif len(out) > 2 and out[-2] in _TELEX_TONES and out[-1] in "cmnpt" and any(ch in _VOWELS for ch in out[:-2]):
        # Tone typed before the final consonant: "ddaast" → "đất".
        tone = _TELEX_TONES[out[-2]]
        out = out[:-2] + out[-1]
    if out == word:
        return None
    return _place_tone(out, tone) if tone else out


def _known(folded: str, vocab: Container[str] | None) -> bool:
    return vocab is not None and folded in vocab


def _respell(word: str, vocab: Container[str] | None) -> str | None:
    """A chat or Telex spelling of a real syllable, decoded, if the index knows the result."""
    if vocab is None or _known(analysis.fold_syllable(word), vocab) or word.isdigit():
        return None
    decoded = telex_decode(word)
    if decoded and _known(analysis.fold_syllable(decoded), vocab):
        return decoded
    for typed, meant in _CHAT_INITIALS:
        if word.startswith(typed) and len(word) > len(typed):
            cand = meant + word[len(typed) :]
            if _known(analysis.fold_syllable(cand), vocab):
                return cand
    return None


def normalize_tokens(
    tokens: list[tuple[str, str, float]], vocab: Container[str] | None = None, reserved: Container[str] = ()
) -> list[tuple[str, str, float]]:
    """Chat shorthand, glued units and Telex leftovers rewritten as the words they stand for.

    ``reserved``: folded forms the editable dictionary defines (its meaning wins)."""
    out: list[tuple[str, str, float]] = []
    for typed, folded, pos in tokens:
        words: list[str] | None = None
        m = _NUMBER_UNIT_RE.match(typed)
        after_number = bool(out) and (out[-1][0].isdigit() or out[-1][1] in _NUMBER_SYLLABLES)
        if folded in reserved:
            pass  # the editable dictionary says what this form means
        elif m:
            words = [m.group(1), UNIT_WORDS[m.group(2)]]
        elif typed in _LONE_UNITS and after_number:
            words = [UNIT_WORDS[typed]]  # "mười bảy t", "36 th"
        elif typed in CHAT_WORDS:
            words = analysis.syllables(CHAT_WORDS[typed])
        else:
            respelled = _respell(typed, vocab)
            if respelled:
                words = [respelled]
        if words is None:
            out.append((typed, folded, pos))
        else:
            out.extend((w, analysis.fold_syllable(w), pos + k / 100) for k, w in enumerate(words))
    return out


# Numbers written in words, as the laws and people write them.
_DIGIT_WORDS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
_UNIT_AFTER = {"tuoi", "thang", "nam", "ngay", "lan", "nguoi", "gio"}


def number_words(n: int) -> str:
    """1–99 in words as laws write them (18 → "mười tám", 21 → "hai mươi mốt", 15 → "mười lăm")."""
    if n < 10:
        return _DIGIT_WORDS[n]
    tens, unit = divmod(n, 10)
    head = "mười" if tens == 1 else f"{_DIGIT_WORDS[tens]} mươi"
    if unit == 0:
        return head
    if unit == 5:
        tail = "lăm"
    elif unit == 1 and tens > 1:
        tail = "mốt"
    elif unit == 4 and tens > 1:
        tail = "tư"
    else:
        tail = _DIGIT_WORDS[unit]
    return f"{head} {tail}"


_WORD_NUMBERS = {tuple(analysis.fold_all(analysis.syllables(number_words(n)))): n for n in range(1, 100)}
_WORD_NUMBERS[("hai", "muoi", "bon")] = 24


def number_expansions(folded: list[str]) -> list[list[str]]:
    """Other spellings of "<number> <unit>" in a query, as folded syllable lists: digits →
    words and zero-padded digits ("6 tháng" → "06 tháng", "18 tuổi" → "mười tám tuổi"),
    words → digits ("mười tám tuổi" → "18 tuổi")."""
    out: list[list[str]] = []
    i = 0
    while i < len(folded):
        tok = folded[i]
        unit = folded[i + 1] if i + 1 < len(folded) else None
        if tok.isdigit() and unit in _UNIT_AFTER and 0 < int(tok) < 100:
            n = int(tok)
            out.append(analysis.fold_all(analysis.syllables(number_words(n))) + [unit])
            if n < 10 and not tok.startswith("0"):
                out.append([f"0{n}", unit])
            i += 2
            continue
        for size in (3, 2, 1):
            phrase = tuple(folded[i : i + size])
            after = folded[i + size] if i + size < len(folded) else None
            # A lone "năm"/"một" is far more often "year"/"one of" than a number to respell.
            if phrase in _WORD_NUMBERS and after in _UNIT_AFTER and (size > 1 or phrase[0] not in ("nam", "mot")):
                n = _WORD_NUMBERS[phrase]
                out.append([f"{n:02d}" if n < 10 else str(n), after])
                i += size
                break
        else:
            i += 1
    return out


# The age brackets the codes speak of (Civil Code arts. 20–21, 586, 599; Criminal Code art. 12;
# Labour Code art. 143) and their words: people state an exact age, the law names the bracket.
MINOR_AGE = 18
_AGE_BRACKETS = [
    (18, "chưa thành niên"),  # under 18: "người chưa thành niên" (Civil Code art. 21)
    (15, "dưới mười lăm tuổi"),  # "người dưới mười lăm tuổi", "chưa đủ mười lăm tuổi"
    (6, "chưa đủ sáu tuổi"),
]
_BELOW = {"duoi", "chua"}  # "dưới 18 tuổi", "chưa 18 tuổi": below the number
_MONTHS = {"thang"}  # "36 tháng tuổi": a small child, counted in months


def age_expansions(folded: list[str]) -> list[list[str]]:
    """The law's words for the bracket of an age stated in a query ("17 tuổi", "dưới 18 tuổi",
    "mười bảy tuổi"), as folded syllable lists. Questions about an age ("mấy tuổi", "bao nhiêu
    tuổi") state none and get none; an adult's age gets none (every provision is about adults)."""
    out: list[list[str]] = []
    for i, tok in enumerate(folded):
        if tok != "tuoi" or i == 0:
            continue
        age, start = _age_before(folded, i)
        if age is None:
            if folded[i - 1] in _MONTHS:
                age, start = 0, i - 1  # "36 tháng tuổi"
            else:
                continue
        if start > 0 and folded[start - 1] in _BELOW:
            age -= 1  # "dưới 18 tuổi" is at most 17
        for limit, words in _AGE_BRACKETS:
            syl = analysis.fold_all(analysis.syllables(words))
            if 0 <= age < limit and syl not in out:
                out.append(syl)
    return out


def _age_before(folded: list[str], i: int) -> tuple[int | None, int]:
    """The number right before ``folded[i]`` (digits or words) and where it starts."""
    if folded[i - 1].isdigit():
        return int(folded[i - 1]), i - 1
    for size in (3, 2, 1):
        phrase = tuple(folded[max(0, i - size) : i])
        if len(phrase) == size and phrase in _WORD_NUMBERS:
            return _WORD_NUMBERS[phrase], i - size
    return None, i
