"""Find the violation a citizen describes: "xe may vuot den do phat bao nhieu" → the point that fines it.

Violations are few (hundreds to a few thousand per portal), so they are ranked in memory with BM25
over the site's Vietnamese analysis (``search.analysis``: syllables, folding, bigrams), after three
steps of understanding written from the language:

- everyday wording → decree wording (``data/penalty_phrases.tsv``: "vượt đèn đỏ" → "không chấp hành
  hiệu lệnh của đèn tín hiệu giao thông"), chat spelling ("ko", "k" → "không"), matched without
  diacritics;
- the vehicle the question names ("xe máy", "oto") lifts that vehicle's violations and lowers other
  vehicles';
- a speed ("quá tốc độ 15 km/h") picks the speeding band that contains it.

The index is rebuilt in a process when the violations' version (bumped on every sync) changes.
"""

from __future__ import annotations

import datetime
import math
import re
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from django.core.cache import cache

from pbgdpl.search import analysis

PHRASES_FILE = Path(__file__).resolve().parent.parent / "data" / "penalty_phrases.tsv"
VERSION_KEY = "lookups:penalties:version"
K1, B = 1.2, 0.75

CHAT_SPELLING = {"ko": "khong", "k": "khong", "hok": "khong", "hong": "khong", "khg": "khong", "kg": "khong",
                 "dc": "duoc", "j": "gi", "oto": "o to", "bh": "bao hiem", "xm": "xe may"}
# Words that frame a question about a fine but name no behaviour.
FRAME_WORDS = {"phat", "bao", "nhieu", "tien", "bi", "muc", "xu", "the", "nao", "co", "gi", "khi", "thi", "se",
               "duoc", "nhu", "hoi", "a", "oi", "vay", "sao", "neu", "toi", "minh", "em", "anh", "chi", "ai"}
VEHICLE_WORDS = (
    ("o-to", ("o to", "xe hoi", "xe con", "xe tai", "xe khach")),
    ("mo-to", ("xe may", "mo to", "xe gan may", "xe tay ga", "xe so", "xe mo to")),
    ("xe-dap", ("xe dap",)),
    ("di-bo", ("di bo", "nguoi di bo")),
)
SPEED_RE = re.compile(r"(\d{1,3})\s*(?:km/h|km|kmh|cay|k/h)\b")


@dataclass
class Understood:
    folded: list[str]
    accented: list[str]
    vehicle: str
    speed: int | None


def _fold(text: str) -> str:
    return " ".join(analysis.fold_all(analysis.syllables(text)))


def _load_phrases(path: Path = PHRASES_FILE) -> list[tuple[str, str]]:
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        everyday, decree = line.split("\t", 1)
        pairs.extend((_fold(spelling), decree.strip()) for spelling in everyday.split("|") if spelling.strip())
    # Longer phrases first, so "say rượu lái xe" wins over "say rượu".
    return sorted(pairs, key=lambda pair: -len(pair[0]))


_PHRASES = _load_phrases()


def understand(query: str) -> Understood:
    folded_words = [CHAT_SPELLING.get(word, word) for word in _fold(query).split()]
    folded_text = " " + " ".join(folded_words) + " "
    speed_match = SPEED_RE.search(folded_text)
    vehicle = next((code for code, words in VEHICLE_WORDS if any(f" {w} " in folded_text for w in words)), "")
    expansions = []
    for phrase, decree_words in _PHRASES:
        if f" {phrase} " in folded_text:
            expansions.append(decree_words)
            folded_text = folded_text.replace(f" {phrase} ", " ")
    content = [w for w in folded_text.split() if w not in FRAME_WORDS and not w.isdigit()]
    for decree_words in expansions:
        content.extend(_fold(decree_words).split())
    accented = [w for w in analysis.syllables(query) if analysis.has_diacritics(w)]
    return Understood(content, accented, vehicle, int(speed_match.group(1)) if speed_match else None)


def _terms(folded: list[str], accented: list[str]) -> list[str]:
    return [f"f:{w}" for w in folded] + [f"b:{g}" for g in analysis.bigrams(folded)] + [f"a:{w}" for w in accented]


@dataclass
class _Row:
    violation_id: int
    document_id: int
    vehicle: str
    speed: tuple[int, int] | None
    terms: Counter
    length: int


class PenaltyIndex:
    """BM25 over the public violations; built from the database, kept per process by version."""

    def __init__(self, rows: list[_Row]):
        self.rows = rows
        self.average = sum(row.length for row in rows) / len(rows) if rows else 1.0
        frequency: Counter = Counter()
        for row in rows:
            frequency.update(row.terms.keys())
        total = len(rows)
        self.idf = {term: math.log(1 + (total - n + 0.5) / (n + 0.5)) for term, n in frequency.items()}

    @classmethod
    def build(cls) -> PenaltyIndex:
        from ..models import Violation

        rows = []
        for violation in Violation.objects.public().only(
            "id", "behaviour", "subject", "vehicle", "speed_min", "speed_max", "decree__document_id"
        ):
            text = f"{violation.behaviour} {violation.subject}"
            syllables = analysis.syllables(text)
            terms = Counter(_terms(analysis.fold_all(syllables), syllables))
            speed = (violation.speed_min, violation.speed_max) if violation.speed_min is not None else None
            rows.append(_Row(violation.pk, violation.decree.document_id, violation.vehicle, speed, terms,
                             sum(terms.values())))
        return cls(rows)

    def score(self, understood: Understood, allowed_documents: set[int] | None) -> list[tuple[int, float]]:
        query_terms = Counter(_terms(understood.folded, understood.accented))
        scored = []
        for row in self.rows:
            if allowed_documents is not None and row.document_id not in allowed_documents:
                continue
            score = 0.0
            for term, weight in query_terms.items():
                tf = row.terms.get(term)
                if tf:
                    norm = tf * (K1 + 1) / (tf + K1 * (1 - B + B * row.length / self.average))
                    score += self.idf[term] * norm * (1.5 if term.startswith("b:") else 1.0) * min(weight, 2)
            if score <= 0:
                continue
            scored.append((row.violation_id, score * _fit(row, understood)))
        scored.sort(key=lambda pair: -pair[1])
        return scored


def _fit(row: _Row, understood: Understood) -> float:
    """How well the violation fits the vehicle and the speed the question names."""
    factor = 1.0
    if understood.vehicle and row.vehicle:
        factor *= 1.6 if row.vehicle == understood.vehicle else 0.4
    if understood.speed is not None and row.speed is not None:
        low, high = row.speed
        factor *= 3.0 if low <= understood.speed <= high else 0.3
    return factor


_local: dict[str, object] = {"version": None, "index": None}


def bump_version() -> None:
    """Call after violations change: every process rebuilds its index on its next look-up."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet (or a cleared cache): one no process can hold already
        cache.set(VERSION_KEY, time.time_ns(), None)


def current_index() -> PenaltyIndex:
    version = cache.get(VERSION_KEY)
    if version is None:
        # A cleared cache: start from a value no process can hold already (a small counter would
        # restart at 1 and match a stale index built before the clear).
        cache.add(VERSION_KEY, time.time_ns(), None)
        version = cache.get(VERSION_KEY)
    if _local["index"] is None or _local["version"] != version:
        _local["index"], _local["version"] = PenaltyIndex.build(), version
    return _local["index"]  # type: ignore[return-value]


def find_violations(query: str, *, on: datetime.date, vehicle: str = "", field: str = "", limit: int = 10) -> list:
    """The violations that best answer ``query`` among decrees in force on ``on``."""
    from pbgdpl.legal.models import LegalDocument

    from ..models import Violation

    understood = understand(query)
    if vehicle:
        understood.vehicle = vehicle
    if not understood.folded:
        return []
    decrees = LegalDocument.objects.in_force_on(on).filter(penalty_decree__isnull=False)
    if field:
        decrees = decrees.filter(fields__slug=field)
    in_force = set(decrees.values_list("pk", flat=True))
    ranked = current_index().score(understood, in_force)
    if vehicle:
        allowed = set(Violation.objects.filter(vehicle=vehicle).values_list("pk", flat=True))
        ranked = [pair for pair in ranked if pair[0] in allowed]
    from .amendments import changes_for, changes_on, is_gone

    changes = changes_on(in_force, on)
    by_id = Violation.objects.public().in_bulk([pk for pk, _score in ranked[: limit * 2]])
    found = []
    for pk, _score in ranked[: limit * 2]:
        violation = by_id.get(pk)
        if violation is None:
            continue
        violation.changes = changes_for(violation, changes)
        if not is_gone(violation.changes):  # repealed or replaced on that date: no longer an answer
            found.append(violation)
    return found[:limit]
