"""Classroom pages. Pupils: join with code + nickname (rate-limited, no account), answer the current
question. Teachers (role "Giáo viên" or editors): start a class from a practice quiz, move through
the questions, see answers and the ranking live. Every page works without JavaScript (reload);
classroom.js refreshes the live part when the class's WebSocket says something changed."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required, permission_required
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from pbgdpl.core import ratelimit
from pbgdpl.core.breadcrumbs import trail
from pbgdpl.core.numbers import parse_ascii_int

from . import selectors, services
from .forms import JoinForm, StartForm
from .models import SESSION_HOURS, ClassSession, Pupil, State

COOKIE_SALT = "classroom.pupil"
JOINS_PER_TEN_MINUTES = 20
LOGIN_URL = "/quan-tri/login/"


def _cookie_name(session: ClassSession) -> str:
    return f"lop_hoc_{session.pk}"


def _pupil(request: HttpRequest, session: ClassSession) -> Pupil | None:
    raw = request.COOKIES.get(_cookie_name(session), "")
    try:
        pupil_id = signing.loads(raw, salt=COOKIE_SALT, max_age=SESSION_HOURS * 3600)
    except signing.BadSignature:
        return None
    return Pupil.objects.filter(pk=pupil_id, session=session).select_related("session").first()


@require_http_methods(["GET", "HEAD", "POST"])
def join(request: HttpRequest) -> HttpResponse:
    form = JoinForm(request.POST or None, initial={"code": request.GET.get("ma", "")[:6]})
    error = ""
    if request.method == "POST" and form.is_valid():
        key = f"classroom-join:{ratelimit.client_key(request)}"
        if ratelimit.count(key) >= JOINS_PER_TEN_MINUTES:
            error = "Thiết bị này đã vào lớp quá nhiều lần. Hãy thử lại sau ít phút."
        else:
            ratelimit.hit(key, 600)
            session = services.find_open(form.cleaned_data["code"])
            if session is None:
                error = "Không có lớp nào đang mở với mã này (mã sai hoặc lớp đã kết thúc)."
            else:
                try:
                    pupil = services.join(session, form.cleaned_data["nickname"])
                except services.ClassroomError as exc:
                    error = str(exc)
                else:
                    response = HttpResponseRedirect(reverse("classroom:play", args=[session.code]))
                    response.set_cookie(_cookie_name(session), signing.dumps(pupil.pk, salt=COOKIE_SALT),
                                        max_age=SESSION_HOURS * 3600, httponly=True, samesite="Lax",
                                        secure=request.is_secure(), path="/lop-hoc/")
                    return response
    return render(request, "classroom/join.html", {"form": form, "error": error,
                                                   "trail": trail(("Lớp học trực tuyến", ""))})


def _pupil_context(request, code: str) -> dict:
    session = ClassSession.objects.filter(code=code).order_by("-created_at").first()
    if session is None:
        raise Http404
    pupil = _pupil(request, session)
    if pupil is None:
        raise Http404
    finished = session.state == State.FINISHED
    return {"session": session, "pupil": pupil, "question": selectors.current_question(session),
            "answer": selectors.pupil_answer(pupil, session), "finished": finished,
            "ranking": selectors.ranking(session) if finished else []}


@require_safe
def play(request: HttpRequest, code: str) -> HttpResponse:
    try:
        context = _pupil_context(request, code)
    except Http404:
        return HttpResponseRedirect(f"{reverse('classroom:join')}?ma={code}")
    return render(request, "classroom/play.html", {**context, "trail": trail(("Lớp học trực tuyến", ""))})


@require_safe
def play_live(request: HttpRequest, code: str) -> HttpResponse:
    return render(request, "classroom/_play.html", _pupil_context(request, code))


@require_POST
def answer(request: HttpRequest, code: str) -> HttpResponse:
    context = _pupil_context(request, code)
    index = parse_ascii_int(request.POST.get("cau", ""), minimum=0)
    choices = [parse_ascii_int(value, minimum=1) for value in request.POST.getlist("chon")]
    try:
        services.answer(context["pupil"], -1 if index is None else index, [c for c in choices if c])
    except services.ClassroomError as exc:
        context["error"] = str(exc)
        return render(request, "classroom/play.html", {**context, "trail": trail(("Lớp học trực tuyến", ""))},
                      status=400)
    return HttpResponseRedirect(reverse("classroom:play", args=[code]))


teacher_only = [login_required(login_url=LOGIN_URL), permission_required("classroom.run_classroom", login_url=LOGIN_URL)]


def _teacher(view):
    for decorator in reversed(teacher_only):
        view = decorator(view)
    return view


def _own_session(request, pk: int) -> ClassSession:
    session = get_object_or_404(ClassSession, pk=pk)
    if session.teacher_id != request.user.pk and not request.user.is_superuser:
        raise Http404
    return session


@_teacher
@require_http_methods(["GET", "HEAD", "POST"])
def teacher_start(request: HttpRequest) -> HttpResponse:
    form = StartForm(request.POST or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            session = services.start(request.user, form.cleaned_data["quiz"])
        except services.ClassroomError as exc:
            error = str(exc)
        else:
            return HttpResponseRedirect(reverse("classroom:teacher", args=[session.pk]))
    return render(request, "classroom/teacher_start.html", {
        "form": form, "error": error, "trail": trail(("Lớp học trực tuyến", reverse("classroom:join")),
                                                     ("Mở lớp", ""))})


def _teacher_context(request, session: ClassSession) -> dict:
    return {"session": session, "question": selectors.current_question(session),
            "answered": selectors.answered_count(session), "ranking": selectors.ranking(session),
            "total": len(session.question_ids),
            "join_url": request.build_absolute_uri(reverse("classroom:join"))}


@_teacher
@require_safe
def teacher(request: HttpRequest, pk: int) -> HttpResponse:
    session = _own_session(request, pk)
    return render(request, "classroom/teacher.html", {
        **_teacher_context(request, session),
        "trail": trail(("Lớp học trực tuyến", reverse("classroom:join")), (f"Lớp {session.code}", ""))})


@_teacher
@require_safe
def teacher_live(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "classroom/_teacher.html", _teacher_context(request, _own_session(request, pk)))


@_teacher
@require_POST
def teacher_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    session = _own_session(request, pk)
    if action == "tiep":
        services.advance(session)
    elif action == "ket-thuc":
        services.finish(session)
    else:
        raise Http404
    return HttpResponseRedirect(reverse("classroom:teacher", args=[session.pk]))
