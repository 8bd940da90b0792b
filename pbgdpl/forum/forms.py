"""Forum forms: a new thread, a reply, a moderation decision, accepting an invitation."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils.translation import gettext_lazy as _

from pbgdpl.core.uploads import validate_document

from .models import Category

BODY_MAX = 10000
ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
ATTACHMENT_EXTENSIONS = ("pdf", "docx", "xlsx", "jpg", "jpeg", "png")


class PostForm(forms.Form):
    source = forms.CharField(
        label=_("Nội dung"), max_length=BODY_MAX,
        help_text=_("Viết thường hoặc dùng Markdown (**đậm**, *nghiêng*, danh sách). Gõ @tên_đăng_nhập để nhắc "
                    "một thành viên."),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Vui lòng nhập nội dung."),
                        "max_length": _("Nội dung tối đa 10.000 ký tự.")},
    )
    attachment = forms.FileField(
        label=_("Tệp đính kèm (không bắt buộc)"), required=False,
        help_text=_("PDF, DOCX, XLSX, JPG hoặc PNG, tối đa 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.xlsx,.jpg,.jpeg,.png"}),
    )

    def clean_source(self) -> str:
        value = self.cleaned_data["source"].strip()
        if len(value) < 2:
            raise forms.ValidationError(_("Nội dung quá ngắn."))
        return value

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if not upload:
            return None
        validate_document(upload, max_bytes=ATTACHMENT_MAX_BYTES, extensions=ATTACHMENT_EXTENSIONS)
        return upload


class ThreadForm(PostForm):
    title = forms.CharField(label=_("Tiêu đề"), max_length=200, min_length=5,
                            error_messages={"required": _("Vui lòng nhập tiêu đề."),
                                            "min_length": _("Tiêu đề cần ít nhất 5 ký tự.")})
    field_order = ["title", "source", "attachment"]


class ModerationForm(forms.Form):
    action = forms.ChoiceField(choices=[(a, a) for a in ("hide", "unhide", "lock", "unlock", "move", "ban", "unban")])
    reason = forms.CharField(label=_("Lý do"), max_length=1000,
                             error_messages={"required": _("Hãy ghi lý do cho quyết định này.")})
    category = forms.ModelChoiceField(queryset=Category.objects.all(), required=False)


class AcceptInvitationForm(forms.Form):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150)
    username = forms.RegexField(
        label=_("Tên đăng nhập"), max_length=150, regex=r"^[A-Za-z0-9_.-]{3,150}$",
        help_text=_("Chữ không dấu, số, dấu chấm, gạch dưới; dùng để đăng nhập và để người khác @nhắc bạn."),
        error_messages={"invalid": _("Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới "
                                     "(ít nhất 3 ký tự).")},
    )
    password1 = forms.CharField(label=_("Mật khẩu"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    password2 = forms.CharField(label=_("Nhập lại mật khẩu"),
                                widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))

    def clean_username(self) -> str:
        value = self.cleaned_data["username"]
        if get_user_model().objects.filter(username__iexact=value).exists():
            raise forms.ValidationError(_("Tên đăng nhập đã có người dùng, hãy chọn tên khác."))
        return value

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", _("Hai mật khẩu không giống nhau."))
        elif data.get("password1"):
            try:
                password_validation.validate_password(data["password1"])
            except forms.ValidationError as exc:
                self.add_error("password1", exc)
        return data
