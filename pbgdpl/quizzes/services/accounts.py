"""Contestant accounts: phone and citizen ID spelling, registration, password check, revocation."""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import IntegrityError, transaction
from django.db.models import F

from pbgdpl.core.numbers import digits_only

from ..models import Contestant
from ..phones import INVALID_PHONE_MESSAGE, contestant_phone
from .errors import PhoneTaken, QuizError

CITIZEN_ID_LENGTH = 12


def citizen_id_digits(raw: str) -> str | None:
    """The 12 ASCII digits of a citizen ID typed with spaces or fullwidth digits, or None."""
    digits = digits_only(raw)
    return digits if digits and len(digits) == CITIZEN_ID_LENGTH else None


def citizen_id_digest(citizen_id: str) -> str:
    """Keyed hash of a citizen ID: equal IDs give equal digests, staff cannot read the number back."""
    key = hashlib.sha256(f"quizzes-citizen-id:{settings.SECRET_KEY}".encode()).digest()
    return hmac.new(key, citizen_id.encode(), hashlib.sha256).hexdigest()


def register_contestant(*, phone: str, password: str, full_name: str, birth_date=None, unit=None,
                        commune: str = "", citizen_id: str = "", email: str = "") -> Contestant:
    """Create the account of ``phone``; the phone and citizen ID are normalised here whatever the caller did."""
    normalized = contestant_phone(phone)
    if normalized is None:
        raise QuizError(INVALID_PHONE_MESSAGE)
    contestant = Contestant(phone=normalized, full_name=" ".join(full_name.split()), birth_date=birth_date,
                            unit=unit, commune=commune, email=email.strip())
    contestant.set_password(password)
    if citizen_id:
        digits = citizen_id_digits(citizen_id)
        if digits is None:
            raise QuizError("Số căn cước công dân gồm đúng 12 chữ số.")
        contestant.citizen_id_hash = citizen_id_digest(digits)
        contestant.citizen_id_last4 = digits[-4:]
    try:
        with transaction.atomic():
            contestant.save()
    except IntegrityError as exc:
        raise PhoneTaken("Số điện thoại này đã được đăng ký. Vui lòng đăng nhập.") from exc
    return contestant


_DUMMY_HASH: list[str] = []


def authenticate(phone: str, password: str) -> Contestant | None:
    """The contestant with this phone and password, or None (same work either way: no phone probing)."""
    normalized = contestant_phone(phone)
    contestant = Contestant.objects.filter(phone=normalized).first() if normalized else None
    if contestant is None:
        if not _DUMMY_HASH:
            _DUMMY_HASH.append(make_password("not-a-real-password"))
        check_password(password, _DUMMY_HASH[0])
        return None
    return contestant if contestant.check_password(password) else None


def session_is_current(contestant_id: int, session_version: int) -> bool:
    """Whether a sign-in cookie carrying ``session_version`` still stands (not signed out or erased)."""
    return Contestant.objects.filter(pk=contestant_id, session_version=session_version).exists()


def revoke_sessions(contestant_id: int) -> None:
    """Invalidate every sign-in cookie issued so far (sign-out, password change, erasure)."""
    Contestant.objects.filter(pk=contestant_id).update(session_version=F("session_version") + 1)

