"""Penalty decree → violations: read the structure every Vietnamese penalty decree shares.

A sanctioning provision reads "Phạt tiền từ X đồng đến Y đồng đối với <who> thực hiện một trong các
hành vi vi phạm sau đây: a) …; b) …" (one violation per point) or "Phạt tiền từ X đồng đến Y đồng đối
với hành vi <behaviour>" (one violation). "Phạt cảnh cáo hoặc phạt tiền …" also allows a warning. The
article's last clauses, "Hình thức xử phạt bổ sung" and "Biện pháp khắc phục hậu quả", name the
violations they apply to ("Thực hiện hành vi quy định tại điểm b khoản 2 Điều này bị tước …",
"Buộc … đối với hành vi quy định tại khoản 1 và khoản 2 Điều này"). A general article says whether
an organisation pays double ("… đối với tổ chức … gấp hai lần / bằng 02 lần mức phạt tiền đối với
cá nhân").

What the parser does not recognise it never guesses: the provision is reported as a warning for an
editor ("flag for review"), and no fine is invented. Works on ``legal.parsing`` nodes (kind, eid,
title, text, children), so the eids are the registry's own anchors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from pbgdpl.core.text import fold_diacritics

_AMOUNT = r"(\d{1,3}(?:[.,]\d{3})+|\d+)\s*(triệu\s*)?"
FINE_RE = re.compile(
    rf"^(?P<warning>phạt cảnh cáo hoặc\s+)?phạt tiền\s+(?:từ\s+)?{_AMOUNT}(?:đồng\s*)?đến\s+{_AMOUNT}đồng\b",
    re.IGNORECASE,
)
WARNING_ONLY_RE = re.compile(r"^phạt cảnh cáo\s+(?:đối với|với)\b", re.IGNORECASE)
TARGET_RE = re.compile(r"\bđối với\s+(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)
LIST_LEAD_RE = re.compile(
    r"(?:thực hiện\s+)?(?:một trong (?:các|những) hành vi(?: vi phạm)? sau(?: đây)?|các hành vi sau(?: đây)?)\s*:?\s*$",
    re.IGNORECASE,
)
ADDITIONAL_RE = re.compile(r"^hình thức xử phạt bổ sung\s*:?\s*", re.IGNORECASE)
REMEDIAL_RE = re.compile(r"^biện pháp khắc phục hậu quả\s*:?\s*", re.IGNORECASE)
REFERENCE_RE = re.compile(
    r"(?:hành vi\s+)?(?:vi phạm\s+)?quy định tại\s+(?P<refs>(?:(?:các\s+)?(?:điểm|khoản)\s+[\w\s,]+?)+)\s+Điều này",
    re.IGNORECASE,
)
ORGANISATION_RE = re.compile(
    r"tổ chức[^.]*?(?:gấp|bằng)\s+(?P<times>hai|ba|02|03|2|3)\s+lần\s+mức phạt tiền", re.IGNORECASE
)
SPEED_RE = re.compile(r"quá tốc độ quy định từ\s+(\d+)\s*km/h\s+đến\s+(dưới\s+)?(\d+)\s*km/h", re.IGNORECASE)
TIMES = {"hai": 2, "ba": 3, "02": 2, "03": 3, "2": 2, "3": 3}

# Who the article sanctions, by the words of its title (checked in this order).
VEHICLES = (
    ("o-to", "Ô tô", ("xe o to", "o to")),
    ("mo-to", "Mô tô, xe gắn máy", ("xe mo to", "xe gan may", "mo to")),
    ("xe-dap", "Xe đạp, xe thô sơ", ("xe dap", "xe tho so")),
    ("di-bo", "Người đi bộ", ("nguoi di bo",)),
)


@dataclass
class ParsedViolation:
    eid: str
    article_eid: str
    article_title: str
    behaviour: str
    subject: str
    vehicle: str
    fine_min: int
    fine_max: int
    warning_allowed: bool
    additional_penalties: list[str] = field(default_factory=list)
    remedial_measures: list[str] = field(default_factory=list)
    speed_min: int | None = None
    speed_max: int | None = None

    def as_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class ParsedDecree:
    organisation_multiplier: Decimal = Decimal(1)
    violations: list[ParsedViolation] = field(default_factory=list)
    #: (eid, Vietnamese message) for what an editor must look at.
    warnings: list[tuple[str, str]] = field(default_factory=list)


def parse_decree(nodes) -> ParsedDecree:
    """Violations of a penalty decree, from the top-level nodes of its parsed text."""
    decree = ParsedDecree()
    articles = [node for top in nodes for node in top.iter() if node.kind == "article"]
    for article in articles:
        times = _organisation_times(article)
        if times:
            decree.organisation_multiplier = Decimal(times)
    for article in articles:
        _read_article(article, decree)
    return decree


def _all_text(node) -> str:
    return " ".join(part for part in (node.text, *(_all_text(child) for child in node.children)) if part)


def _organisation_times(article) -> int | None:
    match = ORGANISATION_RE.search(_all_text(article))
    return TIMES[match.group("times").lower()] if match else None


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().rstrip(";.,: ")


def _amount(digits: str, million: str | None) -> int:
    value = int(re.sub(r"[.,]", "", digits))
    return value * 1_000_000 if million else value


def vehicle_of(*texts: str) -> str:
    """The vehicle code of the first text that names one ("" when none does)."""
    for text in texts:
        folded = fold_diacritics(text).lower()
        for code, _label, words in VEHICLES:
            if any(re.search(rf"\b{word}\b", folded) for word in words):
                return code
    return ""


def _subject_of(article_title: str) -> str:
    """ "Xử phạt người điều khiển xe ô tô vi phạm …" → "người điều khiển xe ô tô"; "" otherwise."""
    match = re.match(r"^xử phạt\s+(?P<who>.+?)(?:\s+vi phạm\b.*)?$", article_title, re.IGNORECASE)
    return match.group("who").strip() if match else ""


def _read_article(article, decree: ParsedDecree) -> None:
    units = [child for child in article.children if child.kind == "clause"] or [article]
    found: list[ParsedViolation] = []
    sanctions: list[tuple[str, str, object]] = []  # (kind, eid, node)
    for unit in units:
        lead = _clean(unit.text.split("\n")[0]) if unit.text else ""
        if ADDITIONAL_RE.match(lead):
            sanctions.append(("additional", unit.eid, unit))
        elif REMEDIAL_RE.match(lead):
            sanctions.append(("remedial", unit.eid, unit))
        elif FINE_RE.match(lead) or WARNING_ONLY_RE.match(lead):
            found.extend(_violations_of(article, unit, lead, decree))
        elif re.match(r"^phạt\b", lead, re.IGNORECASE):
            decree.warnings.append((unit.eid, "Không đọc được mức phạt của quy định này: cần biên tập viên nhập tay."))
    if not found:
        return  # a general article ("Hình thức xử phạt bổ sung gồm: …") sanctions nothing itself
    by_eid = {violation.eid: violation for violation in found}
    for kind, _eid, unit in sanctions:
        _apply_sanction(kind, unit, article, by_eid, decree)
    decree.violations.extend(found)


def _violations_of(article, unit, lead: str, decree: ParsedDecree) -> list[ParsedViolation]:
    fine = FINE_RE.match(lead)
    if fine:
        low, high = _amount(fine.group(2), fine.group(3)), _amount(fine.group(4), fine.group(5))
        warning = bool(fine.group("warning"))
    else:
        low = high = 0
        warning = True
    if low > high:
        decree.warnings.append((unit.eid, f"Mức phạt tối thiểu lớn hơn tối đa ({low:,} > {high:,})."))
        return []
    target = TARGET_RE.search(lead)
    subject = _subject_of(article.title)
    points = [child for child in unit.children if child.kind == "point"]
    common = {
        "article_eid": article.eid, "article_title": article.title, "subject": subject,
        "vehicle": vehicle_of(article.title), "fine_min": low, "fine_max": high, "warning_allowed": warning,
    }
    if points:
        return [_violation(point.eid, _clean(point.text), common) for point in points if _clean(point.text)]
    common["vehicle"] = common["vehicle"] or vehicle_of(lead)
    if target is None:
        decree.warnings.append((unit.eid, "Không xác định được hành vi vi phạm (thiếu “đối với …”)."))
        return []
    behaviour = re.sub(r"^(?:hành vi|các hành vi)\s+", "", _clean(target.group("rest")), flags=re.IGNORECASE)
    if LIST_LEAD_RE.search(behaviour) or not behaviour:
        decree.warnings.append((unit.eid, "Quy định liệt kê hành vi nhưng không có điểm nào."))
        return []
    return [_violation(unit.eid, behaviour[:1].upper() + behaviour[1:], common)]


def _violation(eid: str, behaviour: str, common: dict) -> ParsedViolation:
    speed = SPEED_RE.search(behaviour)
    violation = ParsedViolation(eid=eid, behaviour=behaviour, **common)
    if speed:
        violation.speed_min = int(speed.group(1))
        # "đến dưới 10 km/h" excludes 10; "đến 20 km/h" includes it.
        violation.speed_max = int(speed.group(3)) - (1 if speed.group(2) else 0)
    return violation


def _sanction_items(unit) -> list[tuple[str, str]]:
    """(eid, text) of each item of a sanction clause: its points, or its text after the heading."""
    points = [child for child in unit.children if child.kind == "point"]
    if points:
        return [(point.eid, _clean(point.text)) for point in points]
    body = ADDITIONAL_RE.sub("", REMEDIAL_RE.sub("", _clean(unit.text.replace("\n", " "))))
    return [(unit.eid, body)] if body else []


def _apply_sanction(kind: str, unit, article, by_eid: dict[str, ParsedViolation], decree: ParsedDecree) -> None:
    for eid, text in _sanction_items(unit):
        reference = REFERENCE_RE.search(text)
        if reference is None:
            decree.warnings.append((eid, "Không xác định được hành vi mà hình thức xử phạt này áp dụng."))
            continue
        targets = _resolve(reference.group("refs"), article.eid, by_eid)
        measure = _measure_text(text, reference)
        if not targets or not measure:
            decree.warnings.append((eid, f"Không tìm thấy hành vi được dẫn chiếu: “{reference.group(0)}”."))
            continue
        for violation in targets:
            (violation.additional_penalties if kind == "additional" else violation.remedial_measures).append(measure)


def _measure_text(text: str, reference: re.Match) -> str:
    """The sanction itself, without the reference: "Buộc nộp lại …", "Tước quyền sử dụng …"."""
    before, after = text[: reference.start()], text[reference.end():]
    # Two word orders: "Thực hiện hành vi … quy định tại … Điều này bị/buộc <measure>" and
    # "<measure> đối với hành vi quy định tại … Điều này".
    if re.match(r"^thực hiện\b", text, re.IGNORECASE):
        measure = re.sub(r"^\s*(?:thì\s+)?(?:bị\s+)?", "", after).strip(" ,;.")
    else:
        measure = re.sub(r"(?:đối với|thực hiện)\s*$", "", before.strip(), flags=re.IGNORECASE).strip(" ,")
    return measure[:1].upper() + measure[1:] if measure else ""


def _resolve(refs: str, article_eid: str, by_eid: dict[str, ParsedViolation]) -> list[ParsedViolation]:
    """ "điểm a, điểm c khoản 3" / "khoản 1 và khoản 2" / "khoản 4" → the violations they name."""
    targets: list[ParsedViolation] = []
    # Split into "… khoản N" groups; the points listed before a clause number belong to it.
    for group in re.finditer(r"(?P<points>(?:(?:các\s+)?điểm\s+[a-zđ](?:\s*,\s*(?:điểm\s+)?[a-zđ])*(?:\s+và\s+(?:điểm\s+)?[a-zđ])?\s*)?)"
                             r"(?:các\s+)?khoản\s+(?P<clause>\d+)", refs, re.IGNORECASE):
        clause_eid = f"{article_eid}-khoan-{group.group('clause')}"
        letters = re.findall(r"(?:điểm\s+|,\s*|và\s+)([a-zđ])\b", group.group("points") or "", re.IGNORECASE)
        if letters:
            for letter in letters:
                eid = f"{clause_eid}-diem-{'dd' if letter.lower() == 'đ' else letter.lower()}"
                if eid in by_eid:
                    targets.append(by_eid[eid])
        else:
            targets.extend(v for key, v in by_eid.items() if key == clause_eid or key.startswith(clause_eid + "-"))
    return targets
