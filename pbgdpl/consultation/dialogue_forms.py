"""The public question form of a policy dialogue: a name, an optional organisation, no e-mail."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from pbgdpl.core.public_forms import ProtectedPublicForm

TEXT_MIN, TEXT_MAX = 10, 2000
CONSENT_TEXT = _(
    "Tôi đồng ý để Sở Tư pháp công bố họ tên (và tên cơ quan, doanh nghiệp nếu có) cùng câu hỏi của tôi "
    "trên trang đối thoại sau khi được duyệt."
)


class QuestionForm(ProtectedPublicForm):
    short_labels = {"consent": _("Đồng ý công bố họ tên")}

    text = forms.CharField(label=_("Câu hỏi"), help_text=_("Từ 10 đến 2.000 ký tự."),
                           widget=forms.Textarea(attrs={"rows": 5, "maxlength": TEXT_MAX}))
    name = forms.CharField(label=_("Họ tên"), max_length=100, min_length=2,
                           error_messages={"min_length": _("Họ tên cần ít nhất 2 ký tự.")},
                           widget=forms.TextInput(attrs={"autocomplete": "name"}))
    organisation = forms.CharField(label=_("Cơ quan, doanh nghiệp (nếu có)"), required=False, max_length=200,
                                   widget=forms.TextInput(attrs={"autocomplete": "organization"}))
    consent = forms.BooleanField(label=CONSENT_TEXT, error_messages={
        "required": _("Bạn cần đồng ý để câu hỏi có thể được công bố.")})

    def clean_text(self) -> str:
        value = self.cleaned_data["text"].strip()
        if len(value) < TEXT_MIN:
            raise forms.ValidationError(_("Câu hỏi quá ngắn: cần ít nhất %(min)s ký tự.") % {"min": TEXT_MIN})
        if len(value) > TEXT_MAX:
            raise forms.ValidationError(_("Câu hỏi quá dài: tối đa 2.000 ký tự."))
        return value
