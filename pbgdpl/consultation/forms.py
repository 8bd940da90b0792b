"""The public comment form ("Góp ý dự thảo")."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from pbgdpl.core.public_forms import ProtectedPublicForm

TEXT_MIN = 10
TEXT_MAX = 5000
CONSENT_TEXT = _(
    "Tôi đồng ý để Sở Tư pháp xử lý tên, thư điện tử và tên cơ quan, tổ chức tôi cung cấp chỉ nhằm tổng hợp, "
    "tiếp thu, giải trình ý kiến góp ý dự thảo này. Chỉ tên hiển thị (và tên tổ chức, nếu có) được công bố cùng "
    "góp ý; thư điện tử không được công bố và được xóa khi tôi yêu cầu."
)


class CommentForm(ProtectedPublicForm):
    short_labels = {"organisation": _("Cơ quan, tổ chức"), "consent": _("Đồng ý xử lý thông tin cá nhân")}

    eid = forms.ChoiceField(label=_("Góp ý cho"), required=False, choices=())
    text = forms.CharField(
        label=_("Nội dung góp ý"),
        help_text=_("Từ 10 đến 5.000 ký tự. Nêu ý kiến và, nếu có thể, đề xuất sửa đổi cụ thể."),
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": TEXT_MAX}),
    )
    name = forms.CharField(
        label=_("Tên hiển thị"), max_length=100, min_length=2,
        help_text=_("Tên này được công bố cùng góp ý."),
        error_messages={"min_length": _("Tên hiển thị cần ít nhất 2 ký tự."),
                        "max_length": _("Tên hiển thị không quá 100 ký tự.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    organisation = forms.CharField(
        label=_("Cơ quan, tổ chức, doanh nghiệp (nếu góp ý thay mặt tổ chức)"), required=False, max_length=200,
        error_messages={"max_length": _("Tên tổ chức không quá 200 ký tự.")},
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    email = forms.CharField(
        label=_("Thư điện tử"), max_length=254,
        help_text=_("Chúng tôi gửi một liên kết xác nhận tới địa chỉ này; góp ý chỉ được ghi nhận sau khi bạn bấm liên kết."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("Bạn cần đồng ý để chúng tôi có thể ghi nhận góp ý.")},
    )

    def __init__(self, *args, provisions: list[tuple[str, str]] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["eid"].choices = [("", _("Toàn bộ dự thảo"))] + list(provisions)
        self.fields["eid"].error_messages["invalid_choice"] = _(
            "Dự thảo không có điều, khoản, điểm “%(value)s”. Hãy chọn trong danh sách hoặc góp ý cho toàn bộ dự thảo."
        )

    def clean_email(self) -> str:
        # Lower case: the verification link, the rate limit and personal-data requests find the person by it.
        return super().clean_email().lower()

    def clean_text(self) -> str:
        value = self.cleaned_data["text"].strip()
        if len(value) < TEXT_MIN:
            raise forms.ValidationError(_("Nội dung góp ý quá ngắn: cần ít nhất %(min)s ký tự.") % {"min": TEXT_MIN})
        if len(value) > TEXT_MAX:
            raise forms.ValidationError(
                _("Nội dung góp ý quá dài (%(n)s ký tự): tối đa 5.000 ký tự.") % {"n": len(value)})
        return value
