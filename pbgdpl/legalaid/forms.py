"""The eligibility check and the public legal-aid request form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from pbgdpl.core.numbers import normalize_vietnamese_phone
from pbgdpl.core.public_forms import ProtectedPublicForm

from . import eligibility

SITUATION_MIN = 30
SITUATION_MAX = 3000
CONSENT_TEXT = _(
    "Tôi đồng ý để Trung tâm Trợ giúp pháp lý nhà nước tỉnh xử lý họ tên, số điện thoại, thư điện tử, xã "
    "phường và sự việc tôi cung cấp chỉ để xem xét và trợ giúp pháp lý cho tôi. Thông tin không được công bố "
    "và được xóa khi hết thời hạn lưu trữ hoặc khi tôi yêu cầu."
)
YES_NO = [("co", _("Có")), ("khong", _("Không"))]


class EligibilityForm(forms.Form):
    """One yes/no question per group of Điều 7, plus the financial-difficulty question."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for group in eligibility.groups():
            self.fields[group.code] = forms.ChoiceField(label=group.question, choices=YES_NO, required=False,
                                                        widget=forms.RadioSelect)
        self.fields["kho_khan"] = forms.ChoiceField(label=eligibility.financial_question(), choices=YES_NO,
                                                    required=False, widget=forms.RadioSelect)

    def matches(self) -> list[eligibility.Group]:
        data = self.cleaned_data
        answers = {g.code: data.get(g.code) == "co" for g in eligibility.groups()}
        return eligibility.matching(answers, financial_difficulty=data.get("kho_khan") == "co")


class RequestForm(ProtectedPublicForm):
    short_labels = {"consent": _("Đồng ý xử lý thông tin cá nhân")}

    group = forms.ChoiceField(label=_("Bạn nghĩ mình thuộc diện nào?"), required=False)
    situation = forms.CharField(
        label=_("Sự việc bạn cần trợ giúp"),
        help_text=_("Từ 30 đến 3.000 ký tự. Kể ngắn gọn sự việc; không ghi số căn cước, không gửi ảnh giấy tờ "
                    "tùy thân — cán bộ sẽ hẹn xem giấy tờ khi cần."),
        widget=forms.Textarea(attrs={"rows": 7, "maxlength": SITUATION_MAX}),
        error_messages={"required": _("Vui lòng kể sự việc bạn cần trợ giúp.")},
    )
    name = forms.CharField(label=_("Họ và tên"), max_length=100, min_length=2,
                           error_messages={"required": _("Vui lòng nhập họ và tên."),
                                           "min_length": _("Họ và tên cần ít nhất 2 ký tự.")},
                           widget=forms.TextInput(attrs={"autocomplete": "name"}))
    phone = forms.CharField(label=_("Số điện thoại"), required=False, max_length=20,
                            help_text=_("Số di động 10 chữ số, ví dụ 0912345678."),
                            widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}))
    email = forms.CharField(label=_("Thư điện tử"), required=False, max_length=254,
                            widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    commune = forms.CharField(label=_("Xã, phường, đặc khu nơi bạn sống"), required=False, max_length=120)
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("Bạn cần đồng ý để Trung tâm có thể xem xét yêu cầu.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].choices = [("", _("Chưa rõ — để cán bộ xác định"))] + eligibility.group_choices()

    def clean_phone(self) -> str:
        value = self.cleaned_data["phone"].strip()
        if not value:
            return ""
        phone = normalize_vietnamese_phone(value)
        if phone is None:
            raise forms.ValidationError(_("Số điện thoại không hợp lệ: nhập số di động 10 chữ số, ví dụ 0912345678."))
        return phone

    def clean_situation(self) -> str:
        value = self.cleaned_data["situation"].strip()
        if len(value) < SITUATION_MIN:
            raise forms.ValidationError(
                _("Nội dung quá ngắn (%(n)s ký tự): cần ít nhất %(min)s ký tự để cán bộ hiểu sự việc.")
                % {"n": len(value), "min": SITUATION_MIN})
        if len(value) > SITUATION_MAX:
            raise forms.ValidationError(_("Nội dung quá dài (%(n)s ký tự): tối đa 3.000 ký tự.") % {"n": len(value)})
        return value

    def clean(self):
        data = super().clean()
        if not self.errors.get("phone") and not self.errors.get("email") and not data.get("phone") \
                and not data.get("email"):
            self.add_error("phone", _("Vui lòng nhập số điện thoại hoặc thư điện tử để Trung tâm liên hệ với bạn."))
        return data
