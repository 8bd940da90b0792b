""""Tra cứu câu hỏi": the tracking code plus the phone or e-mail given with the question shows its
status and answer, read-only (withdrawing or erasing still needs the private link).

The answer is the same whether the code or the contact is wrong, the comparisons are constant-time
and run even when the code is unknown, and each client may try ``LOOKUPS_PER_HOUR`` times an hour.
"""

from __future__ import annotations

import hmac

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from pbgdpl.core import ratelimit
from pbgdpl.core.forms import VietnameseMessagesMixin

from .models import Question, normalise_phone
from .views import _trail

LOOKUPS_PER_HOUR = 10
WINDOW_SECONDS = 60 * 60
NOT_FOUND = gettext_lazy("Không tìm thấy câu hỏi khớp với mã tra cứu và số điện thoại hoặc thư điện tử đã nhập. "
                         "Hãy kiểm tra lại mã (dạng HD-XXXX-XXXX) và nhập đúng số điện thoại hoặc thư điện tử "
                         "bạn đã ghi khi gửi câu hỏi.")


class LookupForm(VietnameseMessagesMixin, forms.Form):
    code = forms.CharField(label=gettext_lazy("Mã tra cứu"), max_length=30,
                           help_text=gettext_lazy("In trên trang xác nhận và trong thư xác nhận, dạng HD-XXXX-XXXX."),
                           error_messages={"required": gettext_lazy("Vui lòng nhập mã tra cứu.")},
                           widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters",
                                                         "placeholder": "HD-XXXX-XXXX"}))
    contact = forms.CharField(label=gettext_lazy("Số điện thoại hoặc thư điện tử đã ghi khi gửi câu hỏi"),
                              max_length=254,
                              error_messages={"required": gettext_lazy("Vui lòng nhập số điện thoại hoặc thư điện tử.")},
                              widget=forms.TextInput(attrs={"autocomplete": "off"}))


def _same(stored: str, given: str) -> bool:
    # Empty stored values never match (a question sent with only an e-mail has no phone).
    return hmac.compare_digest((stored or "\0none").encode(), given.encode())


def find_question(code: str, contact: str) -> Question | None:
    """The question with this code whose phone or e-mail is ``contact``, or None."""
    code = "".join(code.split()).upper()
    question = Question.objects.select_related("field", "answer").filter(tracking_code=code).first()
    phone, email = question.phone if question else "", question.email if question else ""
    phone_ok = _same(phone, normalise_phone(contact) or "\0invalid")
    email_ok = _same(email.strip().lower(), contact.strip().lower())
    if question is None or question.personal_data_erased_at or not (phone_ok or email_ok):
        return None
    return question


@never_cache
@require_http_methods(["GET", "POST"])
def lookup(request: HttpRequest) -> HttpResponse:
    form = LookupForm(request.POST or None)
    context = {"form": form, "trail": _trail((_("Tra cứu câu hỏi"), ""))}
    if request.method == "POST" and form.is_valid():
        key = f"qa-lookup:{ratelimit.client_key(request)}"
        if ratelimit.count(key) >= LOOKUPS_PER_HOUR:
            context["error"] = _("Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau 1 giờ.")
            return render(request, "qa/lookup.html", context, status=429)
        ratelimit.hit(key, WINDOW_SECONDS)
        question = find_question(form.cleaned_data["code"], form.cleaned_data["contact"])
        if question is None:
            context["error"] = NOT_FOUND
            return render(request, "qa/lookup.html", context, status=404)
        response = render(request, "qa/track.html", {
            "question": question, "lookup": True, "show_answer": question.asker_sees_answer,
            "events": question.events.all(), "trail": context["trail"],
        })
        response["Referrer-Policy"] = "no-referrer"
        return response
    return render(request, "qa/lookup.html", context)
