"""Export or erase one contestant's personal data on request (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15).

Registered with ``pbgdpl.core.personal_data`` from ``QuizzesConfig.ready()``. A contestant's optional
e-mail address (password recovery only) is exported and erased too; the phone number finds them. Erasing keeps the attempts (scores stay in
the statistics and rankings) but removes the name, phone, date of birth, commune and citizen ID
digest, makes the password unusable and revokes every sign-in cookie.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import F

from ..models import Contestant
from .accounts import contestant_phone

ERASED_NAME = "Đã xóa"


def _find(phone: str) -> Contestant | None:
    normalized = contestant_phone(phone) if phone else None
    if normalized is None:
        return None
    return Contestant.objects.filter(phone=normalized).select_related("unit").first()


def export_contestant(*, email: str = "", phone: str = "") -> dict:
    """Everything stored about the contestant with this phone ({} when there is none)."""
    contestant = _find(phone)
    if contestant is None:
        return {}
    return {
        "full_name": contestant.full_name, "phone": contestant.phone, "email": contestant.email,
        "birth_date": contestant.birth_date.isoformat() if contestant.birth_date else None,
        "unit": contestant.unit.name if contestant.unit_id else None, "commune": contestant.commune,
        "citizen_id_last4": contestant.citizen_id_last4, "registered_at": contestant.created_at.isoformat(),
        "attempts": [
            {"contest": a.round.contest.title, "round": a.round.display_title, "number": a.number,
             "submitted_at": a.submitted_at.isoformat() if a.submitted_at else None,
             "correct": a.correct_count, "prediction": a.prediction, "prize": a.get_prize_display()}
            for a in contestant.attempts.select_related("round__contest")
        ],
    }


def erase_contestant(*, email: str = "", phone: str = "") -> int:
    """Anonymise the contestant with this phone; returns how many accounts were erased (0 or 1)."""
    contestant = _find(phone)
    if contestant is None:
        return 0
    with transaction.atomic():
        Contestant.objects.filter(pk=contestant.pk).update(
            full_name=ERASED_NAME,
            # Unique and never a valid phone, so the number can register again.
            phone=f"x{contestant.pk:09d}"[-10:],
            birth_date=None, commune="", email="", citizen_id_hash="", citizen_id_last4="",
            password="!",  # unusable
            session_version=F("session_version") + 1,
        )
    return 1
