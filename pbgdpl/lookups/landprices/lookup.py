"""Find the price of a plot: the commune and street as typed (with or without diacritics), on a date."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from django.db.models import Q

from ..models import LandPriceRow, LandPriceTable
from .importer import fold

# Words in front of a name that citizens may or may not type.
COMMUNE_WORDS = ("phuong ", "xa ", "dac khu ", "thi tran ")
STREET_WORDS = ("duong ", "pho ", "quoc lo ", "tinh lo ", "ngo ")
FRAME = re.compile(r"\b(gia dat|bang gia dat|bao nhieu|la|o|tai|tren|thuoc|cua|m2|met vuong)\b")


def _own(name: str, words: tuple[str, ...]) -> str:
    for word in words:
        if name.startswith(word):
            return name[len(word):]
    return name


@dataclass
class LandAnswer:
    table: LandPriceTable | None
    rows: list[LandPriceRow] = field(default_factory=list)
    history: list[LandPriceRow] = field(default_factory=list)
    commune: str = ""
    street: str = ""


def table_on(on: datetime.date) -> LandPriceTable | None:
    """The newest table that applies on ``on``."""
    return (
        LandPriceTable.objects.filter(valid_from__lte=on)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
        .order_by("-valid_from", "-id")
        .first()
    )


def split_question(text: str, table: LandPriceTable) -> tuple[str, str]:
    """ "gia dat duong nguyen van linh phuong pho hien" → (commune, street) names found in the table."""
    folded = " " + FRAME.sub(" ", fold(text)) + " "
    communes = table.rows.values_list("commune_folded", flat=True).distinct()
    commune = max((c for c in communes if f" {_own(c, COMMUNE_WORDS)} " in folded), key=len, default="")
    if commune:
        folded = folded.replace(f" {commune} ", " ").replace(f" {_own(commune, COMMUNE_WORDS)} ", " ")
    streets = table.rows.values_list("street_folded", flat=True).distinct()
    street = max((s for s in streets if f" {_own(s, STREET_WORDS)} " in folded), key=len, default="")
    return commune, street


def find_prices(*, commune: str = "", street: str = "", question: str = "", on: datetime.date,
                limit: int = 50) -> LandAnswer:
    table = table_on(on)
    if table is None:
        return LandAnswer(table=None)
    commune_key, street_key = fold(commune), fold(street)
    if question and not (commune_key or street_key):
        commune_key, street_key = split_question(question, table)
    if not street_key and not commune_key:
        return LandAnswer(table=table)
    rows = table.rows.all()
    if commune_key:
        own = _own(commune_key, COMMUNE_WORDS)
        rows = rows.filter(Q(commune_folded=commune_key) | Q(commune_folded__endswith=" " + own))
    if street_key:
        rows = rows.filter(street_folded__contains=_own(street_key, STREET_WORDS))
    found = list(rows.order_by("commune_folded", "street_folded", "line")[:limit])
    history = []
    if found:
        keys = {(row.commune_folded, row.street_folded) for row in found}
        older = LandPriceRow.objects.filter(table__valid_from__lt=table.valid_from).select_related("table")
        key_filter = Q()
        for commune_folded, street_folded in keys:
            key_filter |= Q(commune_folded=commune_folded, street_folded=street_folded)
        history = list(older.filter(key_filter).order_by("-table__valid_from", "line")[:limit])
    return LandAnswer(table=table, rows=found, history=history, commune=commune_key, street=street_key)
