"""Public pages: the comment form of a draft, the verification link, the comments and the response report."""

from __future__ import annotations

import logging
import secrets

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from pbgdpl.core.breadcrumbs import trail

from . import ratelimit, selectors, services
from .forms import TEXT_MAX, CommentForm
from .models import Comment, Status

log = logging.getLogger(__name__)
SESSION_SENT = "consultation_sent"


def _draft_or_404(slug: str):
    document = selectors.open_draft(slug)
    if document is None:
        raise Http404
    return document


def _context(document, form, **extra) -> dict:
    return {
        "document": document,
        "form": form,
        "text_max": TEXT_MAX,
        "state": document.comment_state(timezone.localdate()),
        "trail": trail((_("Văn bản pháp luật"), reverse("legal:index")),
                       (document.number or document.title, document.get_absolute_url()), (_("Góp ý"), "")),
        **extra,
    }


@never_cache
@require_http_methods(["GET", "POST"])
def comment(request: HttpRequest, slug: str) -> HttpResponse:
    """"Góp ý dự thảo": the whole draft, or one provision given by ``?eid=`` (the links beside each one)."""
    document = _draft_or_404(slug)
    choices = [(p.eid, services.provision_label(p.eid)) for p in services.provisions(document)]
    if not services.is_open(document):
        return render(request, "consultation/comment.html", _context(document, None, closed=True), status=403)
    if request.method == "GET":
        eid = request.GET.get("eid", "").strip()[:200]
        form = CommentForm(initial={"submission_key": secrets.token_urlsafe(24), "eid": eid}, provisions=choices)
        notice = ""
        if eid and eid not in dict(choices):
            notice = _("Dự thảo không có điều, khoản, điểm “%(value)s”. Hãy chọn trong danh sách hoặc góp ý cho "
                       "toàn bộ dự thảo.") % {"value": eid[:40]}
        return render(request, "consultation/comment.html", _context(document, form, notice=notice),
                      status=404 if notice else 200)

    form = CommentForm(request.POST, provisions=choices)
    key = request.POST.get("submission_key", "")
    existing = Comment.objects.filter(submission_key=key).first() if key else None
    if existing is not None:
        request.session[SESSION_SENT] = existing.pk
        return HttpResponseRedirect(reverse("consultation:sent"))
    if form.is_bot:
        log.info("Consultation honeypot triggered")
        return render(request, "consultation/comment.html", _context(
            document, form, notice=_("Không gửi được góp ý. Vui lòng tải lại trang và thử lại.")), status=400)
    if ratelimit.is_limited(request, request.POST.get("email", "").strip()[:254]):
        return render(request, "consultation/comment.html", _context(
            document, form, notice=_("Bạn đã gửi nhiều góp ý trong thời gian ngắn. Vui lòng thử lại sau; nội dung "
                                     "bạn đã nhập vẫn còn bên dưới.")), status=429)
    if not form.is_valid():
        return render(request, "consultation/comment.html", _context(document, form), status=400)
    try:
        submission = services.submit_comment(services.consultation_for(document), form.cleaned_data,
                                             submission_key=form.cleaned_data["submission_key"])
    except Exception:
        log.exception("Could not save a comment on a draft")
        return render(request, "consultation/comment.html", _context(
            document, form, notice=_("Hệ thống đang bận, góp ý chưa được lưu. Vui lòng bấm Gửi lại sau ít phút.")),
            status=503)
    if submission.created:
        ratelimit.record(request, form.cleaned_data["email"])
    request.session[SESSION_SENT] = submission.comment.pk
    return HttpResponseRedirect(reverse("consultation:sent"))


@never_cache
@require_GET
def sent(request: HttpRequest) -> HttpResponse:
    pk = request.session.get(SESSION_SENT)
    comment = Comment.objects.select_related("consultation__document").filter(pk=pk).first() if pk else None
    if comment is None:
        return HttpResponseRedirect("/")
    document = comment.consultation.document
    return render(request, "consultation/sent.html", {
        "comment": comment, "document": document,
        "trail": trail((document.number or document.title, document.get_absolute_url()), (_("Đã gửi góp ý"), "")),
    })


@never_cache
@require_GET
def verify(request: HttpRequest, token: str) -> HttpResponse:
    comment = services.verify(token[:500])
    if comment is None:
        return render(request, "consultation/verified.html", {
            "comment": None, "trail": trail((_("Xác nhận góp ý"), ""))}, status=400)
    return render(request, "consultation/verified.html", {
        "comment": comment, "document": comment.consultation.document,
        "shown_now": comment.status == Status.PENDING and comment.consultation.moderation == "after",
        "trail": trail((_("Xác nhận góp ý"), "")),
    })


@require_GET
def report(request: HttpRequest, slug: str) -> HttpResponse:
    """Public comments and the drafting body's responses (bản tổng hợp, tiếp thu, giải trình)."""
    document = _draft_or_404(slug)
    consultation = getattr(document, "consultation", None)
    groups = selectors.public_summary(consultation) if consultation else []
    return render(request, "consultation/report.html", {
        "document": document, "consultation": consultation, "groups": groups,
        "state": document.comment_state(timezone.localdate()),
        "trail": trail((_("Văn bản pháp luật"), reverse("legal:index")),
                       (document.number or document.title, document.get_absolute_url()),
                       (_("Ý kiến góp ý"), "")),
    })
