"""Public views: contests, contestant accounts, taking a round (autosave, submit), results, practice."""

from __future__ import annotations

import logging

from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from pbgdpl.core import ratelimit
from pbgdpl.core.breadcrumbs import trail
from pbgdpl.core.htmx import is_htmx_partial
from pbgdpl.core.numbers import parse_ascii_int

from . import selectors, services
from .forms import LoginForm, RegistrationForm
from .models import Attempt, Contest, Contestant, Pool, PracticeQuiz, Round
from .services import QuizError
from .session import contestant_id, sign_in, sign_out

logger = logging.getLogger(__name__)


# ---------------------------------------------------------------------------- helpers


def _safe_next(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default


def _own_attempt(request: HttpRequest, key) -> Attempt:
    cid = contestant_id(request)
    if cid is None:
        raise Http404
    return get_object_or_404(Attempt.objects.select_related("round__contest"), key=key, contestant_id=cid)


def _posted_answers(request: HttpRequest) -> dict[int, list[int]]:
    """{question id: [choice id, ...]} from fields named q<question id>; non-numbers raise QuizError."""
    answers: dict[int, list[int]] = {}
    for name in request.POST:
        if not name.startswith("q") or name == "question":
            continue
        qid = parse_ascii_int(name[1:])
        choices = [parse_ascii_int(v) for v in request.POST.getlist(name) if v != ""]
        if qid is None or None in choices:
            raise QuizError("Dữ liệu câu trả lời không hợp lệ. Vui lòng tải lại trang.")
        answers[qid] = choices
    return answers


def _prediction(request: HttpRequest) -> int | None:
    raw = request.POST.get("prediction", "").strip().replace(".", "").replace(",", "")
    if not raw:
        return None
    value = parse_ascii_int(raw, minimum=0, maximum=999_999_999)
    if value is None:
        raise QuizError("Số dự đoán phải là một số nguyên không âm viết bằng chữ số 0–9, ví dụ 1250.")
    return value


def _start_state(round_: Round | None, cid: int | None) -> dict:
    """The contestant's attempts at ``round_``: what the start button offers (start, resume, none left)."""
    attempts = list(Attempt.objects.filter(round=round_, contestant_id=cid)) if cid and round_ else []
    return {
        "attempts": attempts,
        "active_attempt": next((a for a in attempts if a.is_active), None),
        "attempts_left": round_.max_attempts - len(attempts) if round_ else 0,
    }


# ---------------------------------------------------------------------------- contests


def _contest_trail(contest: Contest | None = None, *more: tuple[str, str]) -> list[dict]:
    steps = [("Cuộc thi", reverse("quizzes:list"))]
    if contest is not None:
        steps.append((contest.title, contest.get_absolute_url()))
    return trail(*steps, *more)


def _practice_trail(quiz: PracticeQuiz | None) -> list[dict]:
    steps = [("Luyện tập", reverse("practice:list"))]
    if quiz is not None:
        steps.append((quiz.title, ""))
    return trail(*steps)


def contest_list(request: HttpRequest) -> HttpResponse:
    return render(request, "quizzes/contest_list.html", {"contests": selectors.published_contests(),
                                                          "now": timezone.now(), "trail": _contest_trail()})


def contest_detail(request: HttpRequest, slug: str) -> HttpResponse:
    contest = get_object_or_404(Contest, slug=slug, is_published=True)
    now = timezone.now()
    rounds = list(contest.rounds.all())
    open_round = next((r for r in rounds if r.is_open(now)), None)
    cid = contestant_id(request)
    return render(request, "quizzes/contest_detail.html", {
        "contest": contest, "rounds": rounds, "now": now, "signed_in": cid is not None,
        "open_round": open_round, **_start_state(open_round, cid), "trail": _contest_trail(contest),
        "groups": services.group_scores(contest) if contest.rounds.filter(results_published=True).exists() else [],
    })


def round_detail(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    round_ = get_object_or_404(Round.objects.select_related("contest"), contest__slug=slug,
                               contest__is_published=True, number=number)
    cid = contestant_id(request)
    return render(request, "quizzes/round_detail.html", {
        "round": round_, "contest": round_.contest, "signed_in": cid is not None,
        "is_open": round_.is_open(), "now": timezone.now(), **_start_state(round_, cid),
        "trail": _contest_trail(round_.contest, (round_.display_title, "")),
    })


@require_POST
def start(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    round_ = get_object_or_404(Round.objects.select_related("contest"), contest__slug=slug,
                               contest__is_published=True, number=number)
    cid = contestant_id(request)
    if cid is None:
        return redirect(f"{reverse('quizzes:login')}?next={round_.get_absolute_url()}")
    contestant = get_object_or_404(Contestant, pk=cid)
    try:
        attempt = services.start_attempt(contestant, round_)
    except QuizError as error:
        return render(request, "quizzes/round_detail.html", {
            "round": round_, "contest": round_.contest, "error": str(error), "signed_in": True,
            "is_open": round_.is_open(), "now": timezone.now(), **_start_state(round_, cid),
            "trail": _contest_trail(round_.contest, (round_.display_title, "")),
        }, status=409)
    return redirect("quizzes:take", key=attempt.key)


# ---------------------------------------------------------------------------- taking a round


@never_cache  # Back after submitting must not bring the live test back from the browser's cache
def take(request: HttpRequest, key) -> HttpResponse:
    attempt = _own_attempt(request, key)
    now = timezone.now()
    if attempt.is_active and attempt.deadline <= now:
        services.submit_attempt(attempt.pk, now=now)  # lazy automatic submission
        return redirect("quizzes:result", key=attempt.key)
    if not attempt.is_active:
        return redirect("quizzes:result", key=attempt.key)
    saved = dict(attempt.answers.values_list("question_id", "choice_ids"))
    questions = selectors.attempt_questions(attempt)
    for q in questions:
        chosen = set(saved.get(q["id"], ()))
        for c in q["choices"]:
            c["checked"] = c["id"] in chosen
    return render(request, "quizzes/take.html", {
        "attempt": attempt, "round": attempt.round, "questions": questions,
        "answered": sum(1 for q in questions if any(c["checked"] for c in q["choices"])),
        "remaining": max(0, int((attempt.deadline - now).total_seconds())),
    })


@require_POST
def autosave(request: HttpRequest, key) -> HttpResponse:
    """htmx: save one question's choices (or the prediction); answers with a short status fragment."""
    cid = contestant_id(request)
    if cid is None:
        raise Http404
    try:
        if "prediction" in request.POST and "question" not in request.POST:
            prediction = _prediction(request)
            if prediction is not None:
                services.save_prediction(_own_attempt(request, key), prediction)
            return HttpResponse("Đã lưu dự đoán.")
        qid = parse_ascii_int(request.POST.get("question", ""))
        if qid is None:
            raise QuizError("Câu hỏi không thuộc bài thi của bạn. Vui lòng tải lại trang.")
        answers = _posted_answers(request)
        services.save_answer(None, qid, answers.get(qid, []), owner=(key, cid))
    except Attempt.DoesNotExist:
        raise Http404 from None
    except QuizError as error:
        return HttpResponse(f'<span class="quiz-save-error" role="alert">{error}</span>', status=409)
    return HttpResponse("Đã lưu.")


@require_POST
def submit(request: HttpRequest, key) -> HttpResponse:
    cid = contestant_id(request)
    if cid is None:
        raise Http404
    try:
        answers, prediction = _posted_answers(request), _prediction(request)
        if request.POST.get("confirm") != "1":
            # One attempt may be all there is: ask once before submitting with something left blank.
            attempt, unanswered, no_prediction = services.save_before_submit((key, cid), answers, prediction)
            if attempt.is_active and (unanswered or no_prediction):
                return render(request, "quizzes/confirm_submit.html", {
                    "attempt": attempt, "round": attempt.round, "unanswered": unanswered,
                    "no_prediction": no_prediction, "total": len(attempt.question_ids),
                })
        services.submit_attempt(None, owner=(key, cid), answers=answers, prediction=prediction)
    except Attempt.DoesNotExist:
        raise Http404 from None
    except QuizError as error:
        # Nothing from this post was recorded; the autosaved answers are still there.
        messages.error(request, str(error))
        return redirect("quizzes:take", key=key)
    return redirect("quizzes:result", key=key)


def result(request: HttpRequest, key) -> HttpResponse:
    attempt = _own_attempt(request, key)
    if attempt.is_active:
        if attempt.deadline > timezone.now():
            return redirect("quizzes:take", key=attempt.key)
        services.submit_attempt(attempt.pk)
        attempt.refresh_from_db()
    review = selectors.attempt_review(attempt) if attempt.round.answers_visible() else []
    return render(request, "quizzes/result.html", {
        "attempt": attempt, "round": attempt.round, "total": len(attempt.question_ids), "review": review,
    })


def certificate(request: HttpRequest, key) -> HttpResponse:
    attempt = _own_attempt(request, key)
    if not attempt.prize or attempt.disqualified or not attempt.round.results_published:
        raise Http404
    from .certificates import certificate_pdf

    response = HttpResponse(certificate_pdf(attempt), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="giay-chung-nhan-{attempt.round.number}.pdf"'
    return response


def round_results(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    round_ = get_object_or_404(Round.objects.select_related("contest"), contest__slug=slug,
                               contest__is_published=True, number=number, results_published=True,
                               closed_at__isnull=False)
    stats = round_.statistics or {}
    distribution = stats.get("distribution", [])
    peak = max((count for _k, count in distribution), default=0)
    bars = [{"correct": k, "count": v, "width": round(100 * v / peak, 1) if peak else 0} for k, v in distribution]
    rows = [{"rank": a.rank, "name": services.mask_name(a.contestant.full_name),
             "commune": a.contestant.commune, "unit": a.contestant.unit.name if a.contestant.unit_id else "",
             "prize": a.get_prize_display(), "correct": a.correct_count} for a in selectors.winners(round_)]
    return render(request, "quizzes/round_results.html", {
        "round": round_, "contest": round_.contest, "stats": stats, "bars": bars, "winners": rows,
        "total": round_.question_count,
    })


# ---------------------------------------------------------------------------- accounts


def register(request: HttpRequest) -> HttpResponse:
    contest = Contest.objects.filter(slug=request.GET.get("cuoc-thi", ""), is_published=True).first()
    form = RegistrationForm(request.POST or None, contest=contest)
    error = ""
    if request.method == "POST":
        client = ratelimit.client_key(request)
        # Checked before the form so that a client over its limit learns nothing about the phone it sent.
        if services.registration_blocked(client):
            error = "Có quá nhiều lượt đăng ký từ mạng của bạn. Vui lòng thử lại sau ít phút."
        elif form.is_valid():
            data = form.cleaned_data
            try:
                contestant = services.register_contestant(
                    phone=data["phone"], password=data["password"], full_name=data["full_name"],
                    birth_date=data.get("birth_date"), unit=data.get("unit"), commune=data.get("commune", ""),
                    citizen_id=data.get("citizen_id", ""), email=data.get("email", ""),
                )
            except QuizError as exc:
                services.record_registration(client, phone_taken=isinstance(exc, services.PhoneTaken))
                form.add_error("phone", str(exc))
            else:
                services.record_registration(client, phone_taken=False)
                target = contest.get_absolute_url() if contest else reverse("quizzes:list")
                return sign_in(redirect(_safe_next(request, target)), contestant)
    return render(request, "quizzes/register.html", {"form": form, "contest": contest, "error": error},
                  status=429 if error else 200)


def login(request: HttpRequest) -> HttpResponse:
    form = LoginForm(request.POST or None)
    error = ""
    locked = False
    if request.method == "POST" and form.is_valid():
        phone = services.contestant_phone(form.cleaned_data["phone"]) or form.cleaned_data["phone"]
        client = ratelimit.client_key(request)
        wait = services.login_wait_minutes(phone, client)
        if wait:
            locked = True
            error = f"Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {wait} phút."
        else:
            contestant = services.authenticate(phone, form.cleaned_data["password"])
            if contestant is not None:
                return sign_in(redirect(_safe_next(request, reverse("quizzes:list"))), contestant)
            services.record_login_failure(phone, client)
            error = "Số điện thoại hoặc mật khẩu không đúng."
    return render(request, "quizzes/login.html", {"form": form, "error": error, "next": _safe_next(request, "")},
                  status=429 if locked else 200)


@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    return sign_out(request, redirect("quizzes:list"))


# ---------------------------------------------------------------------------- practice


def practice_list(request: HttpRequest) -> HttpResponse:
    """Every published practice quiz, so /luyen-tap/ is a page of its own, not a 404."""
    quizzes = PracticeQuiz.objects.filter(is_published=True).annotate(
        question_count=Count("questions", filter=Q(questions__pool=Pool.PRACTICE, questions__is_active=True)))
    return render(request, "quizzes/practice_list.html", {"quizzes": quizzes, "trail": _practice_trail(None)})


def practice(request: HttpRequest, slug: str) -> HttpResponse:
    quiz = get_object_or_404(PracticeQuiz, slug=slug, is_published=True)
    return render(request, "quizzes/practice.html", {"quiz": quiz, "questions": selectors.practice_questions(quiz),
                                                     "trail": _practice_trail(quiz)})


@require_POST
def practice_check(request: HttpRequest, slug: str, question_id: int) -> HttpResponse:
    """Immediate feedback on one question of THIS practice quiz (htmx fragment, or the whole page without JS).

    Only practice-pool questions linked to the quiz answer: a contest question id gets a 404.
    """
    quiz = get_object_or_404(PracticeQuiz, slug=slug, is_published=True)
    question = get_object_or_404(selectors.practice_question_set(quiz).select_related("cite_document"),
                                 pk=question_id)
    choices = list(question.choices.all())
    chosen = {parse_ascii_int(v) for v in request.POST.getlist(f"q{question.pk}")} - {None}
    correct = {c.pk for c in choices if c.is_correct}
    context = {"quiz": quiz, "question": question, "choices": choices, "chosen": chosen,
               "is_correct": bool(chosen) and chosen == correct, "answered": bool(chosen),
               "correct_text": "; ".join(c.text for c in choices if c.is_correct)}
    if is_htmx_partial(request):
        return render(request, "quizzes/_practice_feedback.html", context)
    return render(request, "quizzes/practice.html", {"quiz": quiz, "questions": selectors.practice_questions(quiz),
                                                     "feedback": context, "trail": _practice_trail(quiz)})
