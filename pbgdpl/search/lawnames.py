"""Law names: how people name the legal documents the index holds, and finding one in a query.

A law is named by its title (with or without the year), by the initials of its title
("bllđ" for "Bộ luật Lao động"), or by a mix of words and initials of runs of its title's
words ("luật bvmt", "luật hn&gđ", "luật pc tác hại rượu bia"), where the joining words of the
title ("và", "của", "về") may be left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import analysis

# Joining words of a title that people leave out when they name or abbreviate a law.
JOINING_WORDS = frozenset({"va", "cua", "ve"})


@dataclass
class LawName:
    """A document the index knows, with the folded syllables people use to name it."""

    group_title: str
    names: list[tuple[str, ...]]  # folded syllable sequences
    year: str = ""
    subject: tuple[str, ...] = ()  # "dien anh" of "Luật Điện ảnh": what the law is about


class LawIndex(list):
    """Law names indexed by their first syllable, so matching a query is O(query length)."""

    def __init__(self, laws=()):
        super().__init__(laws)
        self.by_first: dict[str, list[tuple[tuple[str, ...], LawName]]] = {}
        self.by_subject: dict[str, list[tuple[tuple[str, ...], LawName]]] = {}
        for law in self:
            if law.subject:
                self.by_subject.setdefault(law.subject[0], []).append((law.subject, law))
            for name in law.names:
                if name:
                    self.by_first.setdefault(name[0], []).append((name, law))


def find_law(folded: list[str], laws: list[LawName]) -> tuple[LawName | None, int, int]:
    """The law named in the folded query: (law, start, end) of the longest name found, or of
    the longest abbreviated form when no name is written out; (None, 0, 0) if none."""
    if not isinstance(laws, LawIndex):
        laws = LawIndex(laws)
    best: tuple[LawName | None, int, int] = (None, 0, 0)
    best_len = 0
    for i, word in enumerate(folded):
        for name, law in laws.by_first.get(word, ()):
            n = len(name)
            if n > best_len and tuple(folded[i : i + n]) == name:
                best, best_len = (law, i, i + n), n
    if best[0] is not None:
        return best
    covered = 0
    for i, word in enumerate(folded):
        for name, law in laws.by_first.get(word, ()):
            if len(name) < 2 or len(name) <= covered:
                continue
            end = _abbreviated_end(tuple(folded[i + 1 : i + 1 + 2 * len(name)]), name[1:])
            if end is not None:
                best, covered = (law, i, i + 1 + end), len(name)
    return best


@lru_cache(maxsize=4096)
def _abbreviated_end(query: tuple[str, ...], name: tuple[str, ...]) -> int | None:
    """How many query words spell ``name`` (folded title words) when each query word is
    either the next title word or the initials of a run of title words; joining words may
    be skipped. None when the query does not spell the whole name."""
    if not name:
        return 0
    if name[0] in JOINING_WORDS:
        skipped = _abbreviated_end(query, name[1:])
        if skipped is not None:
            return skipped
    if not query:
        return None
    word = query[0]
    if word == name[0]:
        rest = _abbreviated_end(query[1:], name[1:])
        if rest is not None:
            return rest + 1
    if len(word) >= 2 and word.isalpha():
        for used in _initials_runs(word, name):
            rest = _abbreviated_end(query[1:], name[used:])
            if rest is not None:
                return rest + 1
    return None


def _initials_runs(word: str, name: tuple[str, ...]) -> list[int]:
    """Numbers of title words whose initials spell ``word`` (joining words may be skipped)."""
    ends = []

    def walk(letter: int, k: int) -> None:
        if letter == len(word):
            ends.append(k)
            return
        if k >= len(name):
            return
        if name[k][0] == word[letter]:
            walk(letter + 1, k + 1)
        if name[k] in JOINING_WORDS:
            walk(letter, k + 1)

    walk(0, 0)
    return sorted(set(ends), reverse=True)


def law_names_for(group_title: str) -> LawName:
    """How people name a document: its title without year, and the law's abbreviation.

    "Bộ luật Lao động 2019" → "bo luat lao dong 2019", "bo luat lao dong", "blld".
    """
    folded = analysis.fold_all(analysis.syllables(re.sub(r"\(.*?\)", " ", group_title)))
    names: list[tuple[str, ...]] = []
    year = ""
    if folded:
        names.append(tuple(folded))
        if re.fullmatch(r"(19|20)\d\d", folded[-1]):
            year = folded[-1]
            folded = folded[:-1]
            names.append(tuple(folded))
        if folded[:1] == ["hien"] and folded[1:2] == ["phap"]:
            names.append(("hien", "phap"))
        # Require a law-type word and at least two more syllables so a bare "luật" or
        # "bộ luật" never counts as naming one law.
        if folded[:2] in (["bo", "luat"],) and len(folded) >= 4 or folded[:1] == ["luat"] and len(folded) >= 3:
            initials = "".join(w[0] for w in folded)
            if len(initials) >= 3:
                names.append((initials,))
    subject: tuple[str, ...] = ()
    if folded[:2] == ["bo", "luat"] and len(folded) >= 4:
        subject = tuple(folded[2:])
    elif folded[:1] == ["luat"] and len(folded) >= 3:
        subject = tuple(folded[1:])
    return LawName(group_title=group_title, names=list(dict.fromkeys(names)), year=year, subject=subject)


def laws_by_subject(folded: list[str], laws: list[LawName]) -> list[LawName]:
    """Laws whose subject ("điện ảnh", "hôn nhân và gia đình") the query mentions."""
    if not isinstance(laws, LawIndex):
        laws = LawIndex(laws)
    found = []
    for i, word in enumerate(folded):
        for subject, law in laws.by_subject.get(word, ()):
            if tuple(folded[i : i + len(subject)]) == subject and law not in found:
                found.append(law)
    return found
