"""Public Q&A pages: list and search, detail, the ask form, live suggestions, the private status page."""

from __future__ import annotations

import logging
import secrets

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pbgdpl.core import tracking
from pbgdpl.core.breadcrumbs import trail
from pbgdpl.core.feeds import feed_links
from pbgdpl.core.numbers import parse_ascii_int
from pbgdpl.core.pagecache import fragments
from pbgdpl.geo.communes import portal_communes
from pbgdpl.search import engine

from . import ratelimit, selectors, services
from .forms import TEXT_MAX, TEXT_MIN, AskForm, ListFilterForm
from .models import Question

log = logging.getLogger(__name__)
PER_PAGE = 15
SUGGEST_MIN_CHARS = 15
SESSION_SUBMISSION = "qa_last_submission"


def _section_page():
    """The SectionPage at /hoi-dap/ the seed creates (title and intro), if there is one."""
    from wagtail.models import Page

    page = Page.objects.live().filter(url_path__endswith="/hoi-dap/").specific().first()
    return page


def _trail(*steps: tuple[str, str]) -> list[dict]:
    """Breadcrumbs inside the Q&A section (the section itself when no step is given)."""
    return trail((_("Hỏi đáp pháp luật"), reverse("qa:index")), *steps)


def _feed(form: ListFilterForm) -> dict:
    """The feed of the list shown: one field's answers when a field is chosen, else all answers."""
    field = form.cleaned_data.get("field") if form.is_bound and form.is_valid() else None
    if field is not None:
        return feed_links(_("Hỏi đáp pháp luật – %(name)s") % {"name": field.name}, "qa:field_{fmt}",
                          kwargs={"slug": field.slug})
    return feed_links(_("Hỏi đáp pháp luật – câu trả lời mới"), "qa:{fmt}")


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """Published Q&As, newest first; with a keyword, ranked by the site search (kind "question")."""
    form = ListFilterForm(request.GET or None)
    qs = selectors.published_questions()
    q = ""
    error = ""
    if form.is_bound and form.is_valid():
        q = form.cleaned_data["q"].strip()
        qs = selectors.filter_published(
            qs, field=form.cleaned_data["field"], start=form.cleaned_data["tu_ngay"], end=form.cleaned_data["den_ngay"]
        )
    elif form.is_bound:
        error = _("Bộ lọc chưa hợp lệ, xem thông báo bên dưới từng ô.")
    if q:
        questions, search_error = selectors.search_published(qs, q)
        error = search_error or error
    else:
        questions = qs
    raw_page = request.GET.get("page", "").strip()
    number = parse_ascii_int(raw_page, minimum=1) if raw_page else 1
    if number is None:
        page_error = _("Số trang “%(value)s” không hợp lệ; đang hiển thị trang 1.") % {"value": raw_page[:20]}
        error = f"{error} {page_error}".strip()
    page = Paginator(questions, PER_PAGE).get_page(number or 1)
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "qa/index.html",
        {
            "feed": _feed(form),
            "section": _section_page(),
            "form": form,
            "page_obj": page,
            "q": q,
            "error": error,
            "query_string": params.urlencode(),
            "trail": _trail(),
            "filtered": bool(request.GET),
        },
    )


def _public_page(pk: int) -> tuple | None:
    question = selectors.published_detail_public(pk)
    if question is None or not hasattr(question, "answer"):
        return None
    return question, selectors.related_public(question)


@require_GET
def detail(request: HttpRequest, pk: int, slug: str = "") -> HttpResponse:
    # Kept with the cached page parts (purged with the page) and limited to what the page shows,
    # so nothing personal of the asker is ever in the cache.
    found = fragments.cached_copy("qa-question", (pk,), lambda: _public_page(pk))
    if found is None:
        raise Http404
    question, related = found
    if slug != question.slug:
        return HttpResponseRedirect(question.get_absolute_url(), status=301)
    return render(
        request,
        "qa/detail.html",
        {"question": question, "answer": question.answer, "related": related,
         "trail": _trail((question.display_title, ""))},
    )


def _new_form_context(request: HttpRequest, form: AskForm, **extra) -> dict:
    return {
        "form": form,
        "text_min": TEXT_MIN,
        "text_max": TEXT_MAX,
        "trail": _trail((_("Gửi câu hỏi"), "")),
        **extra,
    }


@never_cache
@require_http_methods(["GET", "POST"])
def ask(request: HttpRequest) -> HttpResponse:
    """The "Gửi câu hỏi" form. Nothing typed is lost on an error; a double submit makes one question."""
    communes = portal_communes(request)
    if request.method == "GET":
        # "Publish my question" is an explicit opt-in: not ticked until the asker ticks it.
        form = AskForm(initial={"submission_key": secrets.token_urlsafe(24)}, communes=communes)
        return render(request, "qa/ask.html", _new_form_context(request, form))

    form = AskForm(request.POST, request.FILES, communes=communes)
    key = request.POST.get("submission_key", "")
    # A repeated POST of a form already accepted (double click, back + resend): show the same result.
    existing = Question.objects.filter(submission_key=key).first() if key else None
    if existing is not None:
        return _success_redirect(request, existing, None)
    if form.is_bot:
        log.info("Q&A honeypot triggered")
        return render(request, "qa/ask.html", _new_form_context(
            request, form, notice=_("Không gửi được câu hỏi. Vui lòng tải lại trang và thử lại.")), status=400)
    if ratelimit.is_limited(request):
        return render(request, "qa/ask.html", _new_form_context(
            request, form,
            notice=_("Bạn đã gửi nhiều câu hỏi trong thời gian ngắn. Vui lòng thử lại sau ít phút, "
                     "hoặc gọi đường dây nóng để được hỗ trợ. Nội dung bạn đã nhập vẫn còn bên dưới, trừ tệp đính kèm.")),
            status=429)
    if not form.is_valid():
        if form.cleaned_data.get("attachment") or request.FILES:
            form.attachment_lost = True
        return render(request, "qa/ask.html", _new_form_context(request, form), status=400)
    try:
        submission = services.submit_question(form.cleaned_data, submission_key=form.cleaned_data["submission_key"])
    except Exception:
        log.exception("Could not save a question")
        return render(request, "qa/ask.html", _new_form_context(
            request, form, notice=_("Hệ thống đang bận, câu hỏi chưa được lưu. Vui lòng bấm Gửi lại sau ít phút.")),
            status=503)
    if submission.created:
        ratelimit.record(request)
    return _success_redirect(request, submission.question, submission.token)


def _success_redirect(request: HttpRequest, question: Question, token: str | None) -> HttpResponse:
    tracking.keep_for_success_page(request, SESSION_SUBMISSION, question.pk, token)
    return HttpResponseRedirect(reverse("qa:sent"))


@never_cache
@require_GET
def sent(request: HttpRequest) -> HttpResponse:
    found = tracking.success_page_item(request, SESSION_SUBMISSION, Question.objects.all())
    if found is None:
        return HttpResponseRedirect(reverse("qa:ask"))
    question, token = found
    return render(
        request,
        "qa/sent.html",
        {"question": question, "private_url": services.private_url(token, request),
         "trail": _trail((_("Đã gửi câu hỏi"), ""))},
    )


@require_GET
def suggestions(request: HttpRequest) -> HttpResponse:
    """htmx: published answers and provisions similar to what the asker is typing."""
    text = " ".join(request.GET.get("text", "").split())[:400]
    answers, provisions = [], []
    if len(text) >= SUGGEST_MIN_CHARS:
        found = engine.search(text, kinds=["question"], grouped=False, with_facets=False, per_page=3)
        answers = [] if found.error else found.hits
        laws = engine.search(text, kinds=["provision"], grouped=False, with_facets=False, per_page=3)
        provisions = [] if laws.error else laws.hits
    response = render(request, "qa/_suggestions.html", {"answers": answers, "provisions": provisions, "text": text})
    response["Cache-Control"] = "private, max-age=30"
    return response


def _tracked_question(token: str) -> Question:
    if not token or len(token) > 100:
        raise Http404
    question = (
        Question.objects.select_related("field", "answer")
        .filter(token_hash=tracking.hash_token(token))
        .first()
    )
    if question is None:
        raise Http404
    return question


@never_cache
@require_GET
def track(request: HttpRequest, token: str) -> HttpResponse:
    """The asker's private page: status, answer, withdraw, delete personal data."""
    question = _tracked_question(token)
    response = render(
        request,
        "qa/track.html",
        {
            "question": question,
            "token": token,
            "can_withdraw": question.can_withdraw,
            "show_answer": question.asker_sees_answer,
            "events": question.events.all(),
            "message": request.GET.get("ok"),
            "trail": _trail((_("Theo dõi câu hỏi"), "")),
        },
    )
    # The URL is a secret: never cache it, never leak it in Referer.
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_POST
def track_action(request: HttpRequest, token: str) -> HttpResponse:
    question = _tracked_question(token)
    action = request.POST.get("action")
    # Typing the tracking code confirms a destructive action (and that this is the asker).
    if request.POST.get("tracking_code", "").strip().upper() != question.tracking_code:
        return _track_error(request, question, token, _("Mã tra cứu không đúng. Hãy nhập mã in trong thư xác nhận."))
    try:
        if action == "withdraw":
            services.withdraw(question)
            done = "rut"
        elif action == "erase":
            services.erase_personal_data(question, reason="người hỏi yêu cầu")
            done = "xoa"
        else:
            return _track_error(request, question, token, _("Thao tác không hợp lệ."))
    except services.WorkflowError as exc:
        return _track_error(request, question, token, str(exc))
    return HttpResponseRedirect(reverse("qa:track", kwargs={"token": token}) + f"?ok={done}")


def _track_error(request, question, token, message) -> HttpResponse:
    response = render(
        request,
        "qa/track.html",
        {"question": question, "token": token, "error": message, "can_withdraw": question.can_withdraw,
         "show_answer": question.asker_sees_answer,
         "events": question.events.all(), "trail": _trail((_("Theo dõi câu hỏi"), ""))},
        status=400,
    )
    response["Referrer-Policy"] = "no-referrer"
    return response
