"""Public legal-aid pages: who is entitled, the eligibility check, the request form, the private page."""

from __future__ import annotations

import logging
import secrets

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pbgdpl.core import tracking
from pbgdpl.core.breadcrumbs import trail

from . import eligibility, ratelimit, services
from .forms import EligibilityForm, RequestForm

log = logging.getLogger(__name__)
SESSION_SUBMISSION = "legalaid_last_submission"


def _trail(*steps: tuple[str, str]) -> list[dict]:
    return trail((_("Trợ giúp pháp lý"), reverse("legalaid:index")), *steps)


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """Who is entitled (Điều 7) and the plain-language check; answers come back on the same page (GET)."""
    form = EligibilityForm(request.GET or None)
    matches = form.matches() if form.is_bound and form.is_valid() else None
    groups = eligibility.groups()
    return render(request, "legalaid/index.html", {
        "form": form, "matches": matches, "checked": form.is_bound,
        "unconditional": [g for g in groups if not g.conditional], "conditional": [g for g in groups if g.conditional],
        "article_url": eligibility.article_url(), "law_title": eligibility.LAW_TITLE,
        "law_number": eligibility.LAW_NUMBER, "trail": _trail(),
    })


def _form_page(request, form, status=200, notice: str = "") -> HttpResponse:
    return render(request, "legalaid/request.html",
                  {"form": form, "notice": notice, "trail": _trail((_("Gửi yêu cầu"), ""))}, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def request_form(request: HttpRequest) -> HttpResponse:
    """The request form. Nothing typed is lost on an error; a double submit makes one request."""
    if request.method == "GET":
        group = request.GET.get("dien", "")
        initial = {"submission_key": secrets.token_urlsafe(24)}
        if eligibility.label_of(group):
            initial["group"] = group
        return _form_page(request, RequestForm(initial=initial))
    form = RequestForm(request.POST)
    key = request.POST.get("submission_key", "")
    if key and (existing := services.AidRequest.objects.filter(submission_key=key).first()):
        return _sent_redirect(request, existing, None)
    if form.is_bot:
        log.info("Legal-aid honeypot triggered")
        return _form_page(request, form, 400, _("Không gửi được yêu cầu. Vui lòng tải lại trang và thử lại."))
    if ratelimit.is_limited(request):
        return _form_page(request, form, 429, _(
            "Bạn đã gửi nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau, hoặc gọi điện cho Trung tâm. "
            "Nội dung bạn đã nhập vẫn còn bên dưới."))
    if not form.is_valid():
        return _form_page(request, form, 400)
    try:
        submission = services.submit(form.cleaned_data, submission_key=form.cleaned_data["submission_key"])
    except Exception:
        log.exception("Could not save a legal-aid request")
        return _form_page(request, form, 503, _("Hệ thống đang bận, yêu cầu chưa được lưu. Vui lòng gửi lại sau ít phút."))
    if submission.created:
        ratelimit.record(request)
    return _sent_redirect(request, submission.request, submission.token)


def _sent_redirect(request, aid, token) -> HttpResponse:
    tracking.keep_for_success_page(request, SESSION_SUBMISSION, aid.pk, token)
    return HttpResponseRedirect(reverse("legalaid:sent"))


@never_cache
@require_GET
def sent(request: HttpRequest) -> HttpResponse:
    found = tracking.success_page_item(request, SESSION_SUBMISSION, services.AidRequest.objects.all())
    if found is None:
        return HttpResponseRedirect(reverse("legalaid:request"))
    aid, token = found
    return render(request, "legalaid/sent.html", {"aid": aid, "private_url": services.private_url(token, request),
                                                  "trail": _trail((_("Đã gửi yêu cầu"), ""))})


def _private(response: HttpResponse) -> HttpResponse:
    # The URL is a secret: never in a Referer, never indexed.
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
@require_GET
def track(request: HttpRequest, token: str) -> HttpResponse:
    aid = services.find_by_token(token)
    if aid is None:
        raise Http404
    return _private(render(request, "legalaid/track.html", {
        "aid": aid, "token": token, "message": request.GET.get("ok"), "trail": _trail((_("Theo dõi yêu cầu"), ""))}))


@require_POST
def track_action(request: HttpRequest, token: str) -> HttpResponse:
    aid = services.find_by_token(token)
    if aid is None:
        raise Http404
    error = ""
    # Typing the tracking code confirms a destructive action.
    if request.POST.get("tracking_code", "").strip().upper() != aid.tracking_code:
        error = _("Mã tra cứu không đúng. Hãy nhập mã in trong thư xác nhận.")
    else:
        try:
            action = request.POST.get("action")
            if action == "withdraw":
                services.withdraw(aid)
            elif action == "erase":
                services.erase_personal_data(aid)
            else:
                error = _("Thao tác không hợp lệ.")
        except services.RequestError as exc:
            error = str(exc)
    if error:
        return _private(render(request, "legalaid/track.html", {
            "aid": aid, "token": token, "error": error, "trail": _trail((_("Theo dõi yêu cầu"), ""))}, status=400))
    done = "rut" if request.POST.get("action") == "withdraw" else "xoa"
    return HttpResponseRedirect(reverse("legalaid:track", kwargs={"token": token}) + f"?ok={done}")
