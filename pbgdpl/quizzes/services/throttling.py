"""Limits on contest sign-in and registration, so that nobody can guess passwords, lock a
contestant out from elsewhere, or list which phone numbers have accounts.

Sign-in failures are counted per (phone, client) first — five wrong passwords lock that phone
for that client only, so a stranger cannot lock the owner out — and per phone across all clients
with a slower limit, so a password cannot be guessed from many addresses either.
"""

from __future__ import annotations

import hashlib

from django.conf import settings

from pbgdpl.core import ratelimit

LOCK_SECONDS = 15 * 60
ACCOUNT_WINDOW_SECONDS = 60 * 60
# Across every client: generous enough that an owner who mistypes is never the one who hits it.
ACCOUNT_FAILURES_PER_HOUR = 20
REGISTER_WINDOW_SECONDS = 60 * 60
# Registrations that hit an existing phone: a family sharing a connection needs a few, a list of phones many.
REGISTER_TAKEN_PHONES_PER_HOUR = 5


def _phone_key(phone: str) -> str:
    return hashlib.sha256(f"{settings.SECRET_KEY}:{phone}".encode()).hexdigest()[:24]


def login_wait_minutes(phone: str, client: str) -> int:
    """How long sign-in for ``phone`` from ``client`` stays refused, in minutes (0: allowed now).

    The counters do not say when they expire, so this is the longest the lock can last.
    """
    account = _phone_key(phone)
    if ratelimit.count(f"quiz-login-account:{account}") >= ACCOUNT_FAILURES_PER_HOUR:
        return ACCOUNT_WINDOW_SECONDS // 60
    if (ratelimit.count(f"quiz-login:{account}:{client}") >= settings.QUIZ_LOGIN_FAILURES_PER_PHONE
            or ratelimit.count(f"quiz-login-ip:{client}") >= settings.QUIZ_LOGIN_FAILURES_PER_CLIENT):
        return LOCK_SECONDS // 60
    return 0


def record_login_failure(phone: str, client: str) -> None:
    account = _phone_key(phone)
    ratelimit.hit(f"quiz-login:{account}:{client}", LOCK_SECONDS)
    ratelimit.hit(f"quiz-login-account:{account}", ACCOUNT_WINDOW_SECONDS)
    ratelimit.hit(f"quiz-login-ip:{client}", LOCK_SECONDS)


def registration_blocked(client: str) -> bool:
    """Whether ``client`` has used up its registration attempts for the hour."""
    return (ratelimit.count(f"quiz-reg:{client}") >= settings.QUIZ_REGISTER_PER_HOUR
            or ratelimit.count(f"quiz-reg-taken:{client}") >= REGISTER_TAKEN_PHONES_PER_HOUR)


def record_registration(client: str, *, phone_taken: bool) -> None:
    """Count one registration attempt (created or not); a taken phone counts against the stricter limit."""
    ratelimit.hit(f"quiz-reg:{client}", REGISTER_WINDOW_SECONDS)
    if phone_taken:
        ratelimit.hit(f"quiz-reg-taken:{client}", REGISTER_WINDOW_SECONDS)
