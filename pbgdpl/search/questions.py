"""Question shapes: what kind of provision answers a question (issue 13).

"có được … không" asks for a condition, a right or a prohibition; "bao lâu" for a time
limit; "mấy tuổi" for an age condition; "ở đâu" for the competent authority; "ai phải …" for
liability; "thủ tục … thế nào" for a procedure. Laws name such provisions in their article
titles ("Điều kiện …", "Thời hạn …", "Thẩm quyền …", "Trách nhiệm …", "Trình tự, thủ tục …"),
so the shape adds those title words as a ranking preference among the articles the content
already matches (querybuild: STEER_WEIGHT, title views only). Patterns are written from how
Vietnamese questions are formed, on the folded text, so they work with and without
diacritics.
"""

from __future__ import annotations

import re

# (pattern on the folded question, title words preferred). Every matching shape applies.
SHAPES: list[tuple[re.Pattern, list[str]]] = [
    # Time limits: "bao lâu", "mấy năm", "bao nhiêu ngày", "trong bao lâu", "khi nào".
    (re.compile(r"\b(bao lau|bao nhieu (ngay|thang|nam)|may (ngay|thang|nam)|trong thoi han|han cuoi|khi nao thi het|sau bao)\b"),
     ["thời hạn", "thời hiệu", "thời gian"]),
    # Ages: "mấy tuổi", "bao nhiêu tuổi", "từ … tuổi", "đủ tuổi".
    (re.compile(r"\b(may tuoi|bao nhieu tuoi|du tuoi|do tuoi|tuoi nao)\b"), ["điều kiện", "độ tuổi", "tuổi"]),
    # Conditions and permission: "có được … không", "cần điều kiện gì", "được phép … không".
    (re.compile(r"\b(co duoc .+ khong|duoc phep|can (nhung )?dieu kien|dieu kien (gi|la gi)|can (gi|nhung gi) de|co the .+ khong)\b"),
     ["điều kiện", "quyền", "không được"]),
    # Prohibitions: "có bị cấm không", "có vi phạm không", "có phạm luật không".
    (re.compile(r"\b(bi cam|co cam|cam .+ khong|vi pham .*khong|pham luat|trai phep|nhung hanh vi nao)\b"),
     ["nghiêm cấm", "hành vi bị nghiêm cấm", "không được"]),
    # Rights: "có quyền gì", "những quyền gì", "được hưởng gì", "quyền lợi".
    (re.compile(r"\b(quyen gi|nhung quyen|co quyen .+ khong|duoc huong (gi|nhung)|quyen loi)\b"), ["quyền"]),
    # Duties and liability: "ai phải …", "ai chịu", "phải làm gì", "trách nhiệm gì", "có phải … không".
    (re.compile(r"\b(ai (phai|chiu|den|boi thuong|tra)|phai lam gi|trach nhiem (gi|the nao)|co phai (den|boi thuong|tra|chiu))\b"),
     ["trách nhiệm", "nghĩa vụ", "bồi thường"]),
    # Competent authority and place: "ở đâu", "nộp ở đâu", "cơ quan nào", "ai giải quyết".
    (re.compile(r"\b(o dau|noi nao|co quan nao|toa nao|ai (giai quyet|cap|co tham quyen)|nop (don|ho so)? ?(o )?dau)\b"),
     ["thẩm quyền"]),
    # Procedures and papers: "thủ tục … thế nào", "làm thế nào để", "hồ sơ gồm gì", "giấy tờ gì".
    (re.compile(r"\b(thu tuc|lam the nao de|lam sao de|can (giay to|ho so)|ho so (gom|can)|giay to gi|trinh tu)\b"),
     ["thủ tục", "trình tự", "hồ sơ"]),
    # Amounts: "bao nhiêu tiền", "mức … bao nhiêu", "bao nhiêu phần trăm", "tối đa".
    (re.compile(r"\b(bao nhieu tien|bao nhieu phan tram|muc .+ bao nhieu|toi da|toi thieu|bao nhieu %)\b"), ["mức"]),
]

# A question ending: the particles after the content ("… không?", "… chưa?", "… vậy?"),
# folded; the ones that fold like ordinary words ("vay" = vay, borrow) only as typed.
TRAILING_PARTICLES = ("khong", "chua", "khong a", "duoc khong", "hay khong", "duoc ko")
TRAILING_TYPED = ("vậy", "à", "ạ", "nhỉ", "hả", "nhé")


def steering(folded: str) -> list[str]:
    """Title words of the provision kinds the question asks for (accented, in order, no repeats)."""
    text = " ".join(folded.split())
    out: list[str] = []
    for pattern, words in SHAPES:
        if pattern.search(text):
            out.extend(w for w in words if w not in out)
    return out


def drop_trailing_particles(tokens: list[tuple], dropped: list[str]) -> list[tuple]:
    """Remove the question particles at the end of the tokens ("… đòi lại được không" → "… đòi lại")."""
    changed = True
    while changed and len(tokens) > 1:
        changed = False
        if tokens[-1][0] in TRAILING_TYPED:
            dropped.append(tokens[-1][0])
            tokens = tokens[:-1]
            changed = True
            continue
        for particle in sorted(TRAILING_PARTICLES, key=len, reverse=True):
            words = particle.split()
            if len(tokens) > len(words) and [t[1] for t in tokens[-len(words) :]] == words:
                dropped.append(" ".join(t[0] for t in tokens[-len(words) :]))
                tokens = tokens[: -len(words)]
                changed = True
                break
    return tokens
