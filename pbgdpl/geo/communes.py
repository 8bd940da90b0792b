"""Provinces and communes (xã, phường, đặc khu) from the official list after 1 July 2025.

The list comes from the ``vietnam-provinces`` package (34 provinces, 3,321 communes), so a
reorganisation is a package upgrade, not a migration. Names are sorted the way a Vietnamese
reader expects (:func:`vietnamese_sort_key`) and provinces are found however they are typed:
"Tỉnh Hưng Yên", "Hưng Yên" or "hung yen".
"""

from __future__ import annotations

import functools
import re
import unicodedata

from vietnam_provinces import Province, Ward

from pbgdpl.core.text import fold_diacritics

# Vietnamese alphabetical order: ă, â after a; đ after d; ê after e; ô, ơ after o; ư after u.
ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: rank for rank, letter in enumerate(ALPHABET)}
# Letter-forming marks (breve, circumflex, horn) stay with the letter; tones only break ties,
# in dictionary order: ngang, huyền, hỏi, ngã, sắc, nặng.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_TOKEN_RE = re.compile(r"\d+|.", re.DOTALL)
# Administrative kinds in front of a name, folded ("Thành phố", "Tỉnh", "Phường", "Xã", "Đặc khu").
PREFIXES = ("thanh pho ", "tinh ", "tp. ", "tp ", "phuong ", "xa ", "dac khu ", "thi tran ")


def vietnamese_sort_key(text: str) -> tuple:
    """Sort key for Vietnamese names: letters in the Vietnamese alphabet, tones as a tie-break,
    numbers by value ("Phường 2" before "Phường 10"), case ignored."""
    primary: list[tuple[int, int]] = []
    tones: list[int] = []
    for token in _TOKEN_RE.findall(unicodedata.normalize("NFD", text.lower())):
        if token.isascii() and token.isdigit():
            primary.append((1, int(token)))
        elif token in _TONE_RANK:
            tones[-1:] = [_TONE_RANK[token]]
        elif token in _LETTER_MARKS and primary and primary[-1][0] == 2:
            composed = unicodedata.normalize("NFC", ALPHABET[primary[-1][1]] + token)
            if composed in _LETTER_RANK:  # a + breve → ă; other combinations keep the base letter
                primary[-1] = (2, _LETTER_RANK[composed])
        elif token in _LETTER_RANK:
            primary.append((2, _LETTER_RANK[token]))
            tones.append(0)
        elif token.isspace():
            primary.append((0, 0))
        elif not unicodedata.combining(token):
            primary.append((3, ord(token)))
    return tuple(primary), tuple(tones), text


def _folded(name: str) -> str:
    return " ".join(fold_diacritics(unicodedata.normalize("NFC", name)).lower().split())


def _own_name(name: str) -> str:
    """"Phường Phố Hiến" → "Phố Hiến", "Tỉnh Hưng Yên" → "Hưng Yên": sorted and matched by it."""
    name = " ".join(unicodedata.normalize("NFC", name).split())
    folded = _folded(name)  # same length as ``name``: each precomposed letter folds to one letter
    for prefix in PREFIXES:
        if folded.startswith(prefix):
            return name[len(prefix):]
    return name


def provinces() -> tuple[str, ...]:
    """The 34 provinces and centrally-run cities, in Vietnamese order of their own names."""
    return tuple(sorted((p.name for p in Province.iter_all()), key=lambda n: vietnamese_sort_key(_own_name(n))))


@functools.lru_cache(maxsize=8)
def communes_of(province_name: str) -> tuple[str, ...]:
    """Commune names of the province ``province_name`` however it is typed ("Tỉnh Hưng Yên",
    "Hưng Yên", "hung yen"), sorted by the name after "Xã"/"Phường"/"Đặc khu"; () if unknown."""
    wanted = _folded(_own_name(province_name))
    province = next((p for p in Province.iter_all() if _folded(_own_name(p.name)) == wanted), None)
    if province is None:
        return ()
    names = {" ".join(ward.name.split()) for ward in Ward.iter_all() if ward.province_code == province.code}
    return tuple(sorted(names, key=lambda name: vietnamese_sort_key(_own_name(name))))


def portal_communes(request=None) -> tuple[str, ...]:
    """Communes of the province set in PortalSettings (the default site's when no request)."""
    from wagtail.models import Site

    from pbgdpl.core.models import PortalSettings

    site = Site.find_for_request(request) if request is not None else Site.objects.filter(is_default_site=True).first()
    province = PortalSettings.for_site(site).province if site else "Tỉnh Hưng Yên"
    return communes_of(province)


def _province(province_name: str) -> Province | None:
    wanted = _folded(_own_name(province_name))
    return next((p for p in Province.iter_all() if _folded(_own_name(p.name)) == wanted), None)


def official_units(province_name: str) -> tuple[tuple[int, str], tuple[tuple[int, str], ...]] | None:
    """The province's official (code, name) and its communes' (code, name), sorted like
    :func:`communes_of`; None if the province is unknown. For registers keyed by the official codes."""
    province = _province(province_name)
    if province is None:
        return None
    wards = [(ward.code.value, " ".join(ward.name.split())) for ward in Ward.iter_all()
             if ward.province_code == province.code]
    wards.sort(key=lambda pair: vietnamese_sort_key(_own_name(pair[1])))
    return (province.code.value, province.name), tuple(wards)
