"""Two-factor login (TOTP + one-time recovery codes) and staff session limits.

Staff log in to the Wagtail admin with their password as usual; then
:class:`StaffSecurityMiddleware` sends them

* to the verification page if they own a confirmed authenticator (TOTP app or recovery codes)
  and this session has not been verified yet;
* to the enrolment page if they have none and their role requires it
  (``TWO_FACTOR_REQUIRED_ROLES``: Quản trị and Ban biên tập; superusers always);

before any admin page is served. Everywhere else (public pages, restricted documents, any app's
view) such a half-logged-in session is anonymous, except on the two-factor pages and logout.
Everyone else may enrol voluntarily from the same page.

It also ends staff sessions that were idle longer than ``STAFF_SESSION_IDLE_SECONDS`` or began
more than ``STAFF_SESSION_MAX_SECONDS`` ago, whatever the cookie says.

``TWO_FACTOR_REQUIRED = False`` (test settings only) turns the requirement off so other apps'
admin tests can log in without an authenticator; the security tests turn it back on.
"""

from __future__ import annotations

import base64
import time
from collections.abc import Callable
from urllib.parse import urlencode

import segno
from django import forms
from django.conf import settings
from django.contrib import auth
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from pbgdpl.accounts import throttle
from pbgdpl.accounts.roles import ADMINISTRATOR, EDITORIAL_BOARD

RECOVERY_CODE_COUNT = 10
SESSION_AUTH_TIME = "_staff_auth_time"
SESSION_LAST_SEEN = "_staff_last_seen"
# Paths under the admin that must stay reachable before the second factor.
_EXEMPT_ADMIN_SUFFIXES = ("login/", "logout/", "password_reset/", "jsi18n/", "xac-thuc/")


def required_roles() -> tuple[str, ...]:
    return tuple(getattr(settings, "TWO_FACTOR_REQUIRED_ROLES", (ADMINISTRATOR, EDITORIAL_BOARD)))


def two_factor_required(user) -> bool:
    """Whether this staff member must use a second factor (superusers and the listed roles)."""
    if not getattr(settings, "TWO_FACTOR_REQUIRED", True) or not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name__in=required_roles()).exists()


def _admin_prefixes() -> tuple[str, ...]:
    return tuple(getattr(settings, "TWO_FACTOR_PROTECTED_PREFIXES", ("/quan-tri/", "/django-admin/")))


def _is_exempt(path: str) -> bool:
    for prefix in _admin_prefixes():
        if path.startswith(prefix):
            rest = path[len(prefix):]
            return any(rest.startswith(suffix) for suffix in _EXEMPT_ADMIN_SUFFIXES)
    return True  # not an admin path at all


def _second_factor_page(user) -> str | None:
    """Where an unverified session of ``user`` must go before it counts as logged in, if anywhere."""
    if user_has_device(user):
        return "accounts_2fa:verify"
    if two_factor_required(user):
        return "accounts_2fa:enrol"
    return None


def _two_factor_paths() -> tuple[str, ...]:
    """The pages a half-logged-in session may use as itself: the second step and logging out."""
    return (reverse("accounts_2fa:verify"), reverse("wagtailadmin_logout"))


def _treat_as_anonymous(request: HttpRequest) -> None:
    """A password alone must open nothing that a full login opens: documents and pages restricted
    to logged-in users, previews, anything any app trusts a staff session for (finding 12)."""
    anonymous = AnonymousUser()
    request.user = anonymous

    async def auser():
        return anonymous

    request.auser = auser


@receiver(user_logged_in)
def _remember_login_time(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[SESSION_AUTH_TIME] = now
        request.session[SESSION_LAST_SEEN] = now


class StaffSecurityMiddleware:
    """Session limits for logged-in users, then the second-factor gate in front of the admin.

    Must come after ``django_otp.middleware.OTPMiddleware``.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            expired = self._session_expired(request)
            if expired:
                auth.logout(request)
                return HttpResponseRedirect(
                    reverse("wagtailadmin_login") + "?" + urlencode({"next": request.get_full_path()})
                )
            target = None if user.is_verified() else _second_factor_page(user)
            if target and not _is_exempt(request.path):
                return HttpResponseRedirect(reverse(target) + "?" + urlencode({"next": request.get_full_path()}))
            if target and not request.path.startswith(_two_factor_paths()):
                _treat_as_anonymous(request)
        return self.get_response(request)

    @staticmethod
    def _session_expired(request: HttpRequest) -> bool:
        session = request.session
        now = int(time.time())
        started = session.get(SESSION_AUTH_TIME)
        last_seen = session.get(SESSION_LAST_SEEN)
        if started is None:  # session from before this middleware existed
            session[SESSION_AUTH_TIME] = started = now
        if last_seen is None:
            last_seen = now
        idle_limit = int(getattr(settings, "STAFF_SESSION_IDLE_SECONDS", 3600))
        max_age = int(getattr(settings, "STAFF_SESSION_MAX_SECONDS", 12 * 3600))
        if now - last_seen > idle_limit or now - started > max_age:
            return True
        # Write the activity time at most once a minute: every request saving the session is wasteful.
        if now - last_seen >= 60 or SESSION_LAST_SEEN not in session:
            session[SESSION_LAST_SEEN] = now
        return False


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Mã xác thực"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
        help_text=_("6 chữ số trong ứng dụng xác thực, hoặc một mã khôi phục."),
    )


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                   require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


@never_cache
@sensitive_post_parameters("token")
@login_required(login_url="wagtailadmin_login")
def verify(request: HttpRequest) -> HttpResponse:
    """Second step of the login: a TOTP code or one recovery code (used up on success)."""
    if not user_has_device(request.user):
        return HttpResponseRedirect(reverse("accounts_2fa:enrol") + "?" + urlencode({"next": _next_url(request)}))
    form = TokenForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        if throttle.two_factor_blocked(request.user, request):
            form.add_error("token", _("Đã nhập sai quá nhiều lần. Hãy chờ 15 phút rồi thử lại."))
            status = 429
        else:
            device = match_token(request.user, form.cleaned_data["token"].replace(" ", ""))
            if device is not None:
                otp_login(request, device)
                return HttpResponseRedirect(_next_url(request))
            throttle.record_two_factor_failure(request.user, request)
            form.add_error("token", _("Mã không đúng hoặc đã hết hạn. Hãy thử lại."))
    return render(request, "accounts/twofactor_verify.html", {"form": form, "next": _next_url(request)},
                  status=status)


def _issue_recovery_codes(user) -> list[str]:
    device, _created = StaticDevice.objects.get_or_create(user=user, name="recovery", defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _i in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


@never_cache
@sensitive_post_parameters("token")
@login_required(login_url="wagtailadmin_login")
def enrol(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app (QR code) and receive recovery codes, shown once."""
    user = request.user
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists() and not user.is_verified():
        # Adding a second authenticator requires the first one: a stolen password is not enough.
        return HttpResponseRedirect(reverse("accounts_2fa:verify") + "?" + urlencode({"next": request.path}))
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"].replace(" ", "")):
            device.confirmed = True
            device.save()
            otp_login(request, device)
            codes = _issue_recovery_codes(user)
            return render(request, "accounts/twofactor_codes.html", {"codes": codes, "next": _next_url(request)})
        form.add_error("token", _("Mã không đúng. Kiểm tra giờ trên điện thoại và thử lại."))
    qr_svg = segno.make(device.config_url, error="m").svg_inline(
        scale=4, title=str(_("Mã QR cài đặt ứng dụng xác thực")))
    secret = base64.b32encode(device.bin_key).decode()
    return render(request, "accounts/twofactor_enrol.html", {
        "form": form, "qr_svg": qr_svg, "secret": " ".join(secret[i:i + 4] for i in range(0, len(secret), 4)),
        "required": two_factor_required(user), "next": _next_url(request),
    })


@never_cache
@login_required(login_url="wagtailadmin_login")
def new_recovery_codes(request: HttpRequest) -> HttpResponse:
    """Replace the recovery codes (POST only, from a verified session)."""
    if request.method != "POST" or not request.user.is_verified():
        return HttpResponseRedirect(reverse("accounts_2fa:verify"))
    codes = _issue_recovery_codes(request.user)
    return render(request, "accounts/twofactor_codes.html", {"codes": codes, "next": reverse("wagtailadmin_home")})
