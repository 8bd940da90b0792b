"""The follow form: an address, how often, an explicit consent, and the public-form protections."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from pbgdpl.core.public_forms import ProtectedPublicForm

from .models import Frequency

CONSENT_TEXT = _("Tôi đồng ý để Sở Tư pháp dùng địa chỉ thư điện tử này chỉ để gửi thông báo tôi đăng ký; "
                 "tôi có thể hủy bất cứ lúc nào bằng đường liên kết trong mỗi thư.")


class FollowForm(ProtectedPublicForm):
    short_labels = {"consent": _("Đồng ý nhận thư")}

    email = forms.CharField(label=_("Địa chỉ thư điện tử"), max_length=254)
    frequency = forms.ChoiceField(label=_("Gửi cho tôi"), choices=Frequency.choices, initial=Frequency.WEEKLY,
                                  widget=forms.RadioSelect)
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("Bạn cần đồng ý để chúng tôi có thể gửi thông báo.")},
    )

    def clean_email(self) -> str:
        # Lower case: one subscription per address, whatever its spelling.
        return super().clean_email().lower()
