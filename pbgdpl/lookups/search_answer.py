"""The fine for what a citizen describes, above the site search results when the question asks about a fine."""

from __future__ import annotations

import re
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone

from pbgdpl.core.text import fold_diacritics

# Ways of asking about a fine (matched without diacritics on word boundaries).
ASKS_ABOUT_FINE = re.compile(
    r"\b(bi phat|phat bao nhieu|muc phat|xu phat|phat tien|nop phat|phat gi|phat the nao|phat nhu the nao|"
    r"co bi phat|phat ra sao|bi xu ly|phat nguoi)\b"
)


def asks_about_fine(query: str) -> bool:
    return bool(ASKS_ABOUT_FINE.search(fold_diacritics(query).lower()))


def penalty_answer(query: str) -> dict | None:
    if not asks_about_fine(query):
        return None
    from . import presentation
    from .penalties.lookup import find_violations

    found = find_violations(query, on=timezone.localdate(), limit=1)
    if not found:
        return None
    violation = found[0]
    return {
        "violation": violation,
        "fine": presentation.fine_text(violation),
        "organisation_fine": presentation.organisation_fine_text(violation),
        "basis": presentation.legal_basis(violation),
        "sample": violation.decree.is_sample,
        "more_url": reverse("lookups:penalties") + "?" + urlencode({"q": query}),
    }
