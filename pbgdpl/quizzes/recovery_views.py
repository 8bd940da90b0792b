"""Forgotten contestant password: ask for a link by e-mail, then set a new password with it.

Every request gets the same answer whether or not the phone and e-mail match an account, and the
form is rate-limited per client and per phone (services.recovery).
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from pbgdpl.core import ratelimit

from .forms import NewPasswordForm, RecoveryForm
from .services import recovery
from .tasks import send_password_link


def forgot_password(request: HttpRequest) -> HttpResponse:
    form = RecoveryForm(request.POST or None)
    sent = error = False
    if request.method == "POST" and form.is_valid():
        client, phone = ratelimit.client_key(request), form.cleaned_data["phone"]
        if recovery.recovery_blocked(client, phone):
            error = True
        else:
            recovery.record_recovery(client, phone)
            contestant = recovery.contestant_for_recovery(phone, form.cleaned_data["email"])
            if contestant is not None:
                link = request.build_absolute_uri(
                    reverse("quizzes:reset_password", args=[recovery.reset_token(contestant)]))
                send_password_link.enqueue(contestant.pk, link)
            sent = True
    return render(request, "quizzes/forgot_password.html", {"form": form, "sent": sent, "blocked": error},
                  status=429 if error else 200)


def reset_password(request: HttpRequest, token: str) -> HttpResponse:
    contestant = recovery.contestant_for_token(token)
    if contestant is None:
        return render(request, "quizzes/reset_password.html", {"expired": True}, status=400)
    form = NewPasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        recovery.set_new_password(contestant, form.cleaned_data["password"])
        messages.success(request, "Đã đặt mật khẩu mới. Hãy đăng nhập bằng số điện thoại và mật khẩu mới.")
        return redirect("quizzes:login")
    return render(request, "quizzes/reset_password.html", {"form": form})
