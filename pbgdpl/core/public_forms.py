"""The protections of a form any stranger can post (Q&A question, legal-aid request, …).

``ProtectedPublicForm`` brings the three hidden fields and their checks, so every such form
behaves alike: a honeypot (``website``, hidden from people by CSS and aria-hidden; bots fill every
field), the submission key that makes a double post one submission, and the self-hosted ALTCHA
proof of work bound to that key (``includes/altcha_field.html``). It also tidies the contact
fields these forms share (``name``, ``organisation``, ``email``) when the form has them. The view
still applies the rate limit (``core.ratelimit``) and decides what a bot sees (``is_bot``).
"""

from __future__ import annotations

from django import forms
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from pbgdpl.core import captcha
from pbgdpl.core.forms import VietnameseMessagesMixin

PROTECTION_FIELDS = ("website", "submission_key", "altcha")


class ProtectedPublicForm(VietnameseMessagesMixin, forms.Form):
    website = forms.CharField(required=False, label=_("Không điền ô này"))
    submission_key = forms.CharField(widget=forms.HiddenInput, max_length=64)
    altcha = forms.CharField(label=_("Xác minh chống thư rác"), required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The form's own fields first: error summaries list the visitor's mistakes before the check's.
        self.order_fields([name for name in self.fields if name not in PROTECTION_FIELDS] + list(PROTECTION_FIELDS))

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))

    def clean_altcha(self) -> str:
        value = self.cleaned_data.get("altcha", "")
        if not captcha.verify(value, owner=self.cleaned_data.get("submission_key", "")):
            raise forms.ValidationError(_("Chưa xác minh được bạn không phải máy tự động. Hãy bấm ô “Tôi không "
                                          "phải người máy” và chờ dấu tích rồi gửi lại."))
        return value

    def clean_name(self) -> str:
        return " ".join(self.cleaned_data["name"].split())

    def clean_organisation(self) -> str:
        return " ".join(self.cleaned_data["organisation"].split())

    def clean_email(self) -> str:
        value = self.cleaned_data["email"].strip()
        if value:
            try:
                validate_email(value)
            except forms.ValidationError:
                raise forms.ValidationError(_("Địa chỉ thư điện tử không hợp lệ, ví dụ: ten@gmail.com.")) from None
        return value
