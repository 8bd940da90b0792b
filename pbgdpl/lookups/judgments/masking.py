"""Personal names in a judgment: proposed masks ("ông Nguyễn Văn Hùng" → "ông A"), confirmed by an editor.

Published judgments keep the court's officials (Thẩm phán, Thư ký, Kiểm sát viên, Hội thẩm) and replace
the names of the people involved by letters, in order of first appearance, as the courts publish
them. The detector reads two shapes: a name after a person word ("ông", "bà", "anh", "chị",
"bị cáo", "nguyên đơn", …) and a common Vietnamese surname followed by one to three capitalised
syllables. Street, commune and company names ("đường Nguyễn Trãi", "Công ty Trần Gia") are not
people and are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
SYLLABLE = rf"[{_UPPER}][{_LOWER}]+"
SURNAMES = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Đào Lương Trịnh Mai Trương Tạ "
    "Cao Lâm Hà Tô Kiều Thái Quách Chu Lưu Châu Vương Triệu Đoàn Tăng Phùng Lại Khúc Mạc La Lò Hứa Tôn Thân Nông"
).split()
PERSON_WORDS = (
    "ông", "bà", "anh", "chị", "em", "cháu", "cụ", "bị cáo", "bị hại", "người bị hại", "nguyên đơn", "bị đơn",
    "người làm chứng", "đương sự", "người khởi kiện", "người bị kiện", "người kháng cáo", "người đại diện",
)
OFFICIAL_WORDS = ("thẩm phán", "thư ký", "kiểm sát viên", "hội thẩm", "chủ tọa", "chủ toạ", "luật sư")
PLACE_WORDS = ("đường", "phố", "phường", "xã", "quận", "huyện", "tỉnh", "thành phố", "công ty", "trường",
               "thôn", "xóm", "ấp", "bệnh viện", "cầu", "chợ", "ngõ", "ngách", "tổ", "khu", "số nhà")
NAME = rf"{SYLLABLE}(?:\s+{SYLLABLE}){{0,3}}"
_WORDS = "|".join(sorted(PERSON_WORDS, key=len, reverse=True))
# The person word in any case ("Bà", "bà"), the name itself capitalised.
_PERSON_RE = re.compile(
    rf"(?<![{_LOWER}{_UPPER}])(?i:(?P<word>{_WORDS}))\s*:?\s+(?:(?i:{_WORDS})\s+)?(?P<name>{NAME})"
)
_SURNAME_RE = re.compile(rf"(?<![{_UPPER}{_LOWER}])(?P<name>(?:{'|'.join(SURNAMES)})(?:\s+{SYLLABLE}){{1,3}})")


@dataclass
class MaskProposal:
    name: str
    replacement: str
    count: int


def _context(text: str, start: int) -> str:
    """The words before ``start`` in the same clause (since the last . ; or line break), lower case."""
    cut = max(text.rfind(mark, 0, start) for mark in ".;\n")
    return text[cut + 1:start].lower()


def _is_official(text: str, start: int) -> bool:
    return any(word in _context(text, start) for word in OFFICIAL_WORDS)


def _after_place(text: str, start: int) -> bool:
    before = text[max(0, start - 15):start].lower().rstrip(" :")
    return any(before.endswith(word) for word in PLACE_WORDS)


def find_names(text: str) -> list[str]:
    """Distinct personal names in order of first appearance (officials and places excluded).

    A full name ("Nguyễn Thị Lan") and a short form after a person word ("bà Lan") are both listed.
    """
    found: dict[str, int] = {}
    for match in _PERSON_RE.finditer(text):
        start, name = match.start("name"), match.group("name")
        if name.split()[0].lower() in PERSON_WORDS:  # "Nguyên đơn: Bà A" — "Bà" is no name
            continue
        if not _is_official(text, start):
            found.setdefault(name, start)
    for match in _SURNAME_RE.finditer(text):
        start = match.start("name")
        if not (_is_official(text, start) or _after_place(text, start)):
            found.setdefault(match.group("name"), start)
    names = [name for name, _start in sorted(found.items(), key=lambda item: item[1])]
    # "Nguyễn Văn Hùng" found by both shapes, or "Văn Hùng" inside it: keep the longest spelling.
    return [name for name in names if not any(name != other and other.endswith(" " + name) and len(name.split()) > 1
                                              for other in names)]


def _letters():
    for letter in "ABCDEGHIKLMNPQRSTUVXY":
        yield letter
    n = 1
    while True:
        for letter in "ABCDEGHIKLMNPQRSTUVXY":
            yield f"{letter}{n}"
        n += 1


def propose_masks(text: str) -> list[MaskProposal]:
    """One letter per person, skipping letters already used as masks; "bà Lan" gets the letter of
    "Nguyễn Thị Lan" when that full name is in the text."""
    taken = set(re.findall(rf"(?i:{_WORDS})\s+([A-Z]\d?)\b", text))
    letters = (letter for letter in _letters() if letter not in taken)
    names = find_names(text)
    full = [name for name in names if len(name.split()) > 1]
    proposals: list[MaskProposal] = []
    by_name: dict[str, str] = {}
    for name in names:
        owner = next((other for other in full if len(name.split()) == 1 and other.split()[-1] == name), None)
        letter = by_name.get(owner) if owner else None
        letter = letter or by_name.setdefault(name, next(letters))
        by_name[name] = letter
        proposals.append(MaskProposal(name, letter, len(re.findall(re.escape(name), text))))
    return proposals


def apply_masks(text: str, masks: dict[str, str]) -> str:
    """Replace each confirmed name (longest first, so a full name wins over its tail) by its letter.

    A one-word name is replaced only right after a person word ("bà Lan" → "bà C"), never alone.
    """
    for name in sorted(masks, key=len, reverse=True):
        if len(name.split()) == 1:
            pattern = rf"(?<![{_LOWER}{_UPPER}])((?i:{_WORDS})\s*:?\s+){re.escape(name)}(?![{_LOWER}])"
            text = re.sub(pattern, lambda m, letter=masks[name]: m.group(1) + letter, text)
        else:
            text = re.sub(rf"(?<![{_LOWER}{_UPPER}]){re.escape(name)}(?![{_LOWER}])", masks[name], text)
    return text
