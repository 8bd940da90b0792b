"""Public pages of policy dialogues: the list, a session page with its question form, the
answers fragment the page polls for live updates, and the upvote."""

from __future__ import annotations

import datetime
import logging
import secrets

from django.contrib import messages
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pbgdpl.core import pagecache
from pbgdpl.core.breadcrumbs import trail
from pbgdpl.core.pagecache import store as pagecache_store

from . import dialogue_services as services
from .dialogue_forms import QuestionForm
from .dialogue_models import Dialogue, QuestionStatus

log = logging.getLogger(__name__)
VOTER_COOKIE, VOTER_SALT = "dialogue_voter", "consultation.dialogue-voter"
POLL_SECONDS = 5


def _dialogue(slug: str) -> Dialogue:
    return get_object_or_404(Dialogue.objects.prefetch_related("documents"), slug=slug, live=True)


def _approved(dialogue: Dialogue):
    pagecache.record(services.questions_tag(dialogue.pk))
    return dialogue.questions.filter(status=QuestionStatus.APPROVED)


def _changes_state_soon(dialogues, now) -> bool:
    """A session starts or ends before a cached copy of the list would expire: its grouping
    ("Sắp diễn ra" → "Đang diễn ra" → "Đã diễn ra") changes with no save to purge it."""
    horizon = now + datetime.timedelta(seconds=pagecache_store.seconds_to_keep())
    return any(now <= moment <= horizon for d in dialogues for moment in (d.starts_at, d.ends_at))


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    pagecache.record_list(Dialogue)
    dialogues = list(Dialogue.objects.filter(live=True))
    groups = [(label, [d for d in dialogues if d.state(now) == state]) for state, label in (
        ("live", _("Đang diễn ra")), ("upcoming", _("Sắp diễn ra")), ("past", _("Đã diễn ra")))]
    response = render(request, "consultation/dialogue/index.html", {
        "groups": groups, "trail": trail((_("Đối thoại chính sách"), ""))})
    if _changes_state_soon(dialogues, now):
        patch_cache_control(response, no_cache=True)
    return response


def _render_detail(request, dialogue, form, *, notice="", status=200) -> HttpResponse:
    return render(request, "consultation/dialogue/detail.html", {
        "dialogue": dialogue, "form": form, "notice": notice, "state": dialogue.state(),
        "questions": _approved(dialogue), "poll_seconds": POLL_SECONDS,
        "sent": request.GET.get("da-gui") == "1",
        "trail": trail((_("Đối thoại chính sách"), reverse("dialogues:index")), (dialogue.title, "")),
    }, status=status)


# Not never_cache: a past session's page has no form and is cached for strangers (the page cache
# never stores a response carrying a CSRF token, so an open session's page is never shared).
@require_http_methods(["GET", "POST"])
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    dialogue = _dialogue(slug)
    if request.method == "GET":
        form = QuestionForm(initial={"submission_key": secrets.token_urlsafe(24)}) if dialogue.accepts_questions() else None
        return _render_detail(request, dialogue, form)
    form = QuestionForm(request.POST)
    if not dialogue.accepts_questions():
        return _render_detail(request, dialogue, None, status=403, notice=_(
            "Phiên đối thoại đã kết thúc nên không nhận thêm câu hỏi. Bạn có thể xem các câu trả lời bên dưới."))
    if form.is_bot:
        log.info("Dialogue honeypot triggered")
        return _render_detail(request, dialogue, form, status=400,
                              notice=_("Không gửi được câu hỏi. Vui lòng tải lại trang và thử lại."))
    if services.question_limited(request):
        return _render_detail(request, dialogue, form, status=429, notice=_(
            "Bạn đã gửi nhiều câu hỏi trong thời gian ngắn. Vui lòng thử lại sau; nội dung bạn đã nhập vẫn còn bên dưới."))
    if not form.is_valid():
        return _render_detail(request, dialogue, form, status=400)
    try:
        services.submit_question(dialogue, form.cleaned_data, submission_key=form.cleaned_data["submission_key"])
    except services.Closed:
        return _render_detail(request, dialogue, None, status=403,
                              notice=_("Phiên đối thoại đã kết thúc nên không nhận thêm câu hỏi."))
    except Exception:
        log.exception("Could not save a dialogue question")
        return _render_detail(request, dialogue, form, status=503, notice=_(
            "Hệ thống đang bận, câu hỏi chưa được lưu. Vui lòng bấm Gửi lại sau ít phút."))
    services.record_question(request)
    return HttpResponseRedirect(dialogue.get_absolute_url() + "?da-gui=1#gui-cau-hoi")


@require_GET
def answers(request: HttpRequest, slug: str) -> HttpResponse:
    """The approved questions and answers as an HTML fragment; the session page swaps it in."""
    dialogue = _dialogue(slug)
    return render(request, "consultation/dialogue/_questions.html", {
        "dialogue": dialogue, "questions": _approved(dialogue)})


@never_cache
@require_POST
def vote(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    dialogue = _dialogue(slug)
    question = _approved(dialogue).filter(pk=pk).first()
    if question is None:
        raise Http404
    try:
        voter = signing.loads(request.COOKIES.get(VOTER_COOKIE, ""), salt=VOTER_SALT)
    except signing.BadSignature:
        voter = secrets.token_urlsafe(24)
    outcome = services.vote(request, question, voter)
    if outcome == "limited":
        response = render(request, "consultation/dialogue/vote_limited.html", {
            "dialogue": dialogue,
            "trail": trail((_("Đối thoại chính sách"), reverse("dialogues:index")), (dialogue.title, ""))},
            status=429)
    else:
        if outcome == "again":
            messages.info(request, _("Bạn đã ủng hộ câu hỏi này rồi; mỗi người ủng hộ một câu hỏi một lần."))
        else:
            messages.success(request, _("Đã ghi lượt ủng hộ của bạn cho câu hỏi này."))
        response = HttpResponseRedirect(f"{dialogue.get_absolute_url()}#cau-hoi-{question.pk}")
    # Only the dialogues see the voter's cookie: anywhere else it would keep the page cache from them.
    response.set_cookie(VOTER_COOKIE, signing.dumps(voter, salt=VOTER_SALT), max_age=365 * 86400,
                        httponly=True, samesite="Lax", secure=request.is_secure(), path=reverse("dialogues:index"))
    return response

