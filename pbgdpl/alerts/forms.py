"""The follow form: an address, how often, an explicit consent, ALTCHA and a honeypot."""

from __future__ import annotations

from django import forms
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from pbgdpl.core import captcha
from pbgdpl.core.forms import VietnameseMessagesMixin

from .models import Frequency

CONSENT_TEXT = _("Tôi đồng ý để Sở Tư pháp dùng địa chỉ thư điện tử này chỉ để gửi thông báo tôi đăng ký; "
                 "tôi có thể hủy bất cứ lúc nào bằng đường liên kết trong mỗi thư.")


class FollowForm(VietnameseMessagesMixin, forms.Form):
    email = forms.CharField(label=_("Địa chỉ thư điện tử"), max_length=254)
    frequency = forms.ChoiceField(label=_("Gửi cho tôi"), choices=Frequency.choices, initial=Frequency.WEEKLY,
                                  widget=forms.RadioSelect)
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("Bạn cần đồng ý để chúng tôi có thể gửi thông báo.")},
    )
    # Honeypot: hidden from people by CSS and aria-hidden; bots fill every field.
    website = forms.CharField(required=False, label=_("Không điền ô này"))
    altcha = forms.CharField(label=_("Xác minh chống thư rác"), required=False, widget=forms.HiddenInput)

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))

    def clean_email(self) -> str:
        value = self.cleaned_data["email"].strip()
        try:
            validate_email(value)
        except forms.ValidationError:
            raise forms.ValidationError(_("Địa chỉ thư điện tử không hợp lệ, ví dụ: ten@gmail.com.")) from None
        return value.lower()

    def clean_altcha(self) -> str:
        value = self.cleaned_data.get("altcha", "")
        if not captcha.verify(value):
            raise forms.ValidationError(
                _("Chưa xác minh được bạn không phải máy tự động. Hãy bấm ô “Tôi không phải người máy” và chờ dấu tích rồi gửi lại.")
            )
        return value
