"""Limits on staff login side doors: second-factor attempts and password-reset e-mails.

Passwords are handled by django-axes, which counts failures per (username, address) pair
(``AXES_LOCKOUT_PARAMETERS``), so a stranger cannot lock a colleague out from elsewhere.
Second-factor codes follow the same rule (issue 10, finding 11): a few failures lock that
account *from that client* for a while; only a much larger number from everywhere together
slows the account down globally, for an hour at most. django-otp's own per-device delay,
which doubles with every failure without limit and is shared by all clients, is switched off
(``OTP_*_THROTTLE_FACTOR = 0`` in the settings) in favour of these counters.

Password-reset e-mails are limited per address and per client (finding 10), so the form cannot
be used to flood a mailbox.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.http import HttpRequest

from pbgdpl.core import ratelimit

TWO_FACTOR_CLIENT_WINDOW = 15 * 60
TWO_FACTOR_ACCOUNT_WINDOW = 60 * 60
PASSWORD_RESET_WINDOW = 60 * 60


def _two_factor_keys(user, request: HttpRequest) -> tuple[str, str]:
    return (f"staff-2fa:fail:{user.pk}:{ratelimit.client_key(request)}", f"staff-2fa:fail:{user.pk}")


def two_factor_blocked(user, request: HttpRequest) -> bool:
    """Whether this client must wait before trying another code for ``user``."""
    per_client, per_account = _two_factor_keys(user, request)
    return (ratelimit.count(per_client) >= settings.TWO_FACTOR_FAILURES_PER_CLIENT
            or ratelimit.count(per_account) >= settings.TWO_FACTOR_FAILURES_PER_ACCOUNT)


def record_two_factor_failure(user, request: HttpRequest) -> None:
    per_client, per_account = _two_factor_keys(user, request)
    ratelimit.hit(per_client, TWO_FACTOR_CLIENT_WINDOW)
    ratelimit.hit(per_account, TWO_FACTOR_ACCOUNT_WINDOW)


def password_reset_allowed(email: str, request: HttpRequest) -> bool:
    """Count one reset request; False once the address or the client asked too often this hour."""
    address = hashlib.sha256(f"{settings.SECRET_KEY}:{email.strip().lower()}".encode()).hexdigest()[:32]
    per_address = ratelimit.hit(f"staff-reset:address:{address}", PASSWORD_RESET_WINDOW)
    per_client = ratelimit.hit(f"staff-reset:client:{ratelimit.client_key(request)}", PASSWORD_RESET_WINDOW)
    return (per_address <= settings.PASSWORD_RESET_PER_ADDRESS_PER_HOUR
            and per_client <= settings.PASSWORD_RESET_PER_CLIENT_PER_HOUR)
