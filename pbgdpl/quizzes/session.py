"""The contestant's sign-in: a signed cookie carrying the account id and its session version.

The version is checked against the database on every request, so signing out (or an erasure on
request) revokes every cookie issued before, including copies taken from another device.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse

from pbgdpl.core.numbers import parse_ascii_int

from . import services
from .models import Contestant

COOKIE = "pbgdpl_contestant"
COOKIE_SALT = "quizzes.contestant"
COOKIE_AGE = 14 * 24 * 3600


def _read(request: HttpRequest) -> tuple[int, int] | None:
    try:
        value = request.get_signed_cookie(COOKIE, salt=COOKIE_SALT, max_age=COOKIE_AGE)
    except (KeyError, signing.BadSignature):
        return None
    pk, _sep, version = value.partition(":")
    pk_number, version_number = parse_ascii_int(pk), parse_ascii_int(version)
    if pk_number is None or version_number is None:
        return None
    return pk_number, version_number


def contestant_id(request: HttpRequest) -> int | None:
    """The signed-in contestant's id, or None when there is no cookie or it was revoked."""
    if not hasattr(request, "_contestant_id"):
        cookie = _read(request)
        current = cookie is not None and services.session_is_current(*cookie)
        request._contestant_id = cookie[0] if current else None
    return request._contestant_id


def sign_in(response: HttpResponse, contestant: Contestant) -> HttpResponse:
    response.set_signed_cookie(
        COOKIE, f"{contestant.pk}:{contestant.session_version}", salt=COOKIE_SALT, max_age=COOKIE_AGE,
        httponly=True, samesite="Lax", secure=settings.SESSION_COOKIE_SECURE,
    )
    return response


def sign_out(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """Revoke every cookie of the signed-in contestant (not only this browser's) and drop this one."""
    cid = contestant_id(request)
    if cid is not None:
        services.revoke_sessions(cid)
    response.delete_cookie(COOKIE)
    return response
