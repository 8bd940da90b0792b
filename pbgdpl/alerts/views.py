"""Public pages of following by e-mail (/nhan-thong-bao/…), never page-cached (forms, personal links).

* ``follow``: the form (address, frequency, consent, ALTCHA), reached from the follow links on the
  document page, the document lists and the search results.
* ``confirm``: the link of the confirmation mail shows a button (mail scanners that open links
  must not confirm for the person); the POST starts the subscription.
* ``unsubscribe``: GET shows a confirmation page; POST unsubscribes without login or CSRF token, as
  RFC 8058 one-click clients POST ``List-Unsubscribe=One-Click`` to the header's URL.
* ``manage``: every subscription of the address in the signed link, each deletable, or all.
"""

from __future__ import annotations

import logging
import secrets

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from pbgdpl.core.breadcrumbs import trail
from pbgdpl.core.captcha import CHALLENGE_TTL

from . import ratelimit, services
from .forms import FollowForm
from .targets import read_target

log = logging.getLogger(__name__)

TITLE = "Nhận thông báo qua thư điện tử"
# A form's key is remembered as long as its ALTCHA solution can be presented again (a double click).
SUBMITTED = "alerts-submitted:{}"


def _page(request: HttpRequest, template: str, context: dict, status: int = 200) -> HttpResponse:
    return render(request, template, {"trail": trail((TITLE, "")), **context}, status=status)


@require_http_methods(["GET", "POST"])
def follow(request: HttpRequest) -> HttpResponse:
    target = read_target(request.GET)
    if target is None:
        return _page(request, "alerts/follow.html", {"missing": True}, status=404)
    if request.method == "GET":
        return _page(request, "alerts/follow.html", {
            "form": FollowForm(initial={"submission_key": secrets.token_urlsafe(24)}), "target": target})
    form = FollowForm(request.POST)
    context = {"form": form, "target": target}
    if form.is_bot:
        log.info("Alerts honeypot triggered")
        return _page(request, "alerts/follow.html", {**context, "notice": "Không gửi được yêu cầu. Vui lòng tải lại trang và thử lại."}, 400)
    if not form.is_valid():
        return _page(request, "alerts/follow.html", context, status=400)
    email = form.cleaned_data["email"]
    submitted = SUBMITTED.format(form.cleaned_data["submission_key"])
    # The same form posted twice (double click) is one request: one confirmation mail.
    if not cache.add(submitted, 1, timeout=int(CHALLENGE_TTL.total_seconds())):
        return HttpResponseRedirect(reverse("alerts:sent"))
    if ratelimit.is_limited(request, email):
        cache.delete(submitted)
        return _page(request, "alerts/follow.html", {**context, "notice": (
            "Đã có nhiều yêu cầu đăng ký trong thời gian ngắn. Vui lòng thử lại sau; địa chỉ bạn nhập vẫn còn bên dưới.")}, 429)
    try:
        services.follow(email, target, form.cleaned_data["frequency"])
    except Exception:
        cache.delete(submitted)
        log.exception("Could not record a follow request")
        return _page(request, "alerts/follow.html", {**context, "notice": (
            "Hệ thống đang bận, yêu cầu chưa được ghi nhận. Vui lòng bấm Đăng ký lại sau ít phút.")}, 503)
    ratelimit.record(request, email)
    return HttpResponseRedirect(reverse("alerts:sent"))


def sent(request: HttpRequest) -> HttpResponse:
    return _page(request, "alerts/sent.html", {})


@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    subscription = services.read_confirm_token(token)
    if subscription is None:
        return _page(request, "alerts/bad_link.html", {}, status=404)
    if request.method == "POST":
        services.confirm(subscription)
        return _page(request, "alerts/confirmed.html", {"subscription": subscription,
                                                        "manage_url": services.manage_url(subscription.email)})
    return _page(request, "alerts/confirm.html", {"subscription": subscription})


@csrf_exempt  # RFC 8058: mail clients POST here without a session or a token; the link is signed.
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    found = services.read_unsubscribe_token(token)
    if found is None:
        return _page(request, "alerts/bad_link.html", {}, status=404)
    email, ids = found
    if request.method == "POST":
        services.unsubscribe(email, ids)
        return _page(request, "alerts/unsubscribed.html", {"manage_url": services.manage_url(email)})
    subscriptions = services.subscriptions_of(email).filter(pk__in=ids)
    return _page(request, "alerts/unsubscribe.html", {"subscriptions": subscriptions})


@require_http_methods(["GET", "POST"])
def manage(request: HttpRequest, token: str) -> HttpResponse:
    email = services.read_manage_token(token)
    if email is None:
        return _page(request, "alerts/bad_link.html", {}, status=404)
    notice = ""
    if request.method == "POST":
        subscriptions = services.subscriptions_of(email)
        if request.POST.get("delete") != "all":
            try:
                subscriptions = subscriptions.filter(pk=int(request.POST.get("delete", "")))
            except ValueError:
                raise Http404 from None
        count = services.unsubscribe(email, list(subscriptions.values_list("pk", flat=True)))
        notice = f"Đã hủy {count} đăng ký."
    return _page(request, "alerts/manage.html", {
        "subscriptions": services.subscriptions_of(email), "masked": services.mask_email(email), "notice": notice,
    })

