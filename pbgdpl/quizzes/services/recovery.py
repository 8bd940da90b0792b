"""Forgotten contestant passwords: a one-time, one-hour link that sets a new password on the
SAME account (never a second one).

Two ways to get the link: by e-mail, when the contestant gave an address at registration
(``request_reset_by_email``), or through the organiser, who checks the caller's identity and sends
the link to the registered phone (``manage.py quiz_password_link``; docs/operations.md).
The link carries the account id, its session version and a keyed digest of the current password
hash: setting a new password or signing out everywhere makes every earlier link useless.
"""

from __future__ import annotations

import hmac

from django.core import signing
from django.utils.crypto import salted_hmac

from pbgdpl.core import ratelimit

from ..models import Contestant
from ..phones import contestant_phone
from .accounts import revoke_sessions
from .throttling import _phone_key

TOKEN_SALT = "quizzes.password-reset"
TOKEN_MAX_AGE = 60 * 60
RECOVERY_WINDOW_SECONDS = 60 * 60
RECOVERY_PER_CLIENT = 5
RECOVERY_PER_PHONE = 3


def _password_digest(contestant: Contestant) -> str:
    return salted_hmac(TOKEN_SALT, contestant.password).hexdigest()[:20]


def reset_token(contestant: Contestant) -> str:
    return signing.dumps({"c": contestant.pk, "v": contestant.session_version, "p": _password_digest(contestant)},
                         salt=TOKEN_SALT, compress=True)


def contestant_for_token(token: str) -> Contestant | None:
    """The account a still-valid link was made for, or None (expired, used, tampered)."""
    try:
        data = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    contestant = Contestant.objects.filter(pk=data.get("c"), session_version=data.get("v")).first()
    if contestant is None or not hmac.compare_digest(str(data.get("p", "")), _password_digest(contestant)):
        return None
    return contestant


def recovery_blocked(client: str, phone: str) -> bool:
    return (ratelimit.count(f"quiz-recover-ip:{client}") >= RECOVERY_PER_CLIENT
            or ratelimit.count(f"quiz-recover:{_phone_key(phone)}") >= RECOVERY_PER_PHONE)


def record_recovery(client: str, phone: str) -> None:
    ratelimit.hit(f"quiz-recover-ip:{client}", RECOVERY_WINDOW_SECONDS)
    ratelimit.hit(f"quiz-recover:{_phone_key(phone)}", RECOVERY_WINDOW_SECONDS)


def contestant_for_recovery(phone: str, email: str) -> Contestant | None:
    """The account whose phone AND e-mail match what was typed, or None.

    The e-mail comparison is constant-time and runs whether or not the phone has an account, so
    the answer time says nothing about which phones are registered.
    """
    normalized = contestant_phone(phone)
    contestant = Contestant.objects.filter(phone=normalized).first() if normalized else None
    stored = (contestant.email if contestant is not None else "") or "\0no-address"
    matches = hmac.compare_digest(stored.strip().lower().encode(), email.strip().lower().encode())
    return contestant if contestant is not None and matches else None


def set_new_password(contestant: Contestant, raw: str) -> None:
    """New password on the same account; every earlier sign-in cookie and reset link stops working."""
    contestant.set_password(raw)
    contestant.save(update_fields=["password"])
    revoke_sessions(contestant.pk)
