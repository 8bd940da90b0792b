"""Public forms: contestant registration and login (Vietnamese messages, nothing typed is lost)."""

from __future__ import annotations

import datetime

from django import forms
from django.contrib.auth import password_validation
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pbgdpl.core.dates import parse_date
from pbgdpl.core.forms import VietnameseMessagesMixin

from .models import Contest, Unit
from .phones import INVALID_PHONE_MESSAGE, contestant_phone
from .services import citizen_id_digits


def communes() -> tuple[str, ...]:
    # The official 2025 list (vietnam-provinces), shared with the Q&A form through the geo app.
    from pbgdpl.geo.communes import portal_communes

    return portal_communes()


def password_problem(password: str | None) -> str:
    """What is wrong with a new contestant password ("" when it is acceptable or empty)."""
    if not password:
        return ""
    if len(password) < 8:
        return _("Mật khẩu cần ít nhất 8 ký tự.")
    if password.isdigit():
        return _("Mật khẩu không được chỉ gồm chữ số.")
    try:
        password_validation.validate_password(
            password, password_validators=password_validation.get_password_validators(
                [{"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"}]))
    except forms.ValidationError:
        return _("Mật khẩu này quá phổ biến, vui lòng chọn mật khẩu khác.")
    return ""


class RegistrationForm(VietnameseMessagesMixin, forms.Form):
    short_labels = {"consent": _("Đồng ý xử lý thông tin")}

    full_name = forms.CharField(label=_("Họ và tên"), max_length=120)
    phone = forms.CharField(label=_("Số điện thoại di động"), max_length=20,
                            help_text=_("Dùng để đăng nhập; mỗi số điện thoại chỉ đăng ký một tài khoản."),
                            widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}))
    password = forms.CharField(label=_("Mật khẩu"), strip=False,
                               widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
                               help_text=_("Ít nhất 8 ký tự, không chỉ gồm chữ số."))
    birth_date = forms.CharField(label=_("Ngày sinh"), required=False, max_length=30,
                                 help_text=_("Dạng ngày/tháng/năm, ví dụ 25/03/1990."),
                                 widget=forms.TextInput(attrs={"inputmode": "numeric", "placeholder": "ngày/tháng/năm"}))
    email = forms.EmailField(label=_("Thư điện tử (không bắt buộc)"), required=False,
                             help_text=_("Chỉ dùng để gửi đường dẫn đặt lại mật khẩu khi bạn quên mật khẩu."),
                             error_messages={"invalid": _("Thư điện tử chưa đúng dạng, ví dụ ten@example.com.")},
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=Unit.objects.all(), required=False,
                                  empty_label=_("— Chọn đơn vị —"))
    commune = forms.ChoiceField(label=_("Xã, phường nơi cư trú"), required=False,
                                widget=forms.Select(attrs={"data-combobox": _("Gõ tên để tìm, ví dụ: pho hien")}))
    citizen_id = forms.CharField(label=_("Số căn cước công dân"), required=False, max_length=20,
                                 help_text=_("12 chữ số; chỉ dùng để xác minh khi trao giải, cán bộ chỉ thấy 4 số cuối."),
                                 widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))
    consent = forms.BooleanField(label=_("Tôi đồng ý để Ban Tổ chức xử lý thông tin trên cho mục đích cuộc thi."),
                                 error_messages={"required": _("Bạn cần đồng ý để đăng ký dự thi.")})

    def __init__(self, *args, contest: Contest | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.contest = contest
        self.fields["commune"].choices = [("", _("— Chọn xã, phường —"))] + [(c, c) for c in communes()]
        if contest is not None:
            self.fields["birth_date"].required = contest.require_birth_date or bool(contest.min_age)
            self.fields["unit"].required = contest.require_unit
            self.fields["commune"].required = contest.require_commune or contest.residence_required
            self.fields["citizen_id"].required = contest.require_citizen_id
        if contest is None or not contest.require_citizen_id:
            del self.fields["citizen_id"]

    def clean_full_name(self) -> str:
        name = " ".join(self.cleaned_data["full_name"].split())
        if len(name.split()) < 2:
            raise forms.ValidationError(_("Vui lòng nhập đầy đủ họ và tên."))
        return name

    def clean_phone(self) -> str:
        phone = contestant_phone(self.cleaned_data["phone"])
        if phone is None:
            raise forms.ValidationError(INVALID_PHONE_MESSAGE)
        return phone

    def clean_birth_date(self) -> datetime.date | None:
        raw = self.cleaned_data["birth_date"].strip()
        if not raw:
            return None
        value = parse_date(raw)
        if value is None:
            raise forms.ValidationError(_("Ngày sinh không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 25/03/1990."))
        today = timezone.localdate()
        if value >= today or value.year < 1900:
            raise forms.ValidationError(_("Ngày sinh không hợp lệ: ngày này chưa tới hoặc quá xa."))
        if self.contest is not None and self.contest.min_age:
            from .services import age_on

            if age_on(value, today) < self.contest.min_age:
                raise forms.ValidationError(
                    _("Cuộc thi dành cho người từ đủ %(age)s tuổi trở lên.") % {"age": self.contest.min_age})
        return value

    def clean_citizen_id(self) -> str:
        raw = self.cleaned_data.get("citizen_id", "")
        if not raw.strip():
            return ""
        value = citizen_id_digits(raw)
        if value is None:
            raise forms.ValidationError(_("Số căn cước công dân gồm đúng 12 chữ số (0–9)."))
        return value

    def clean(self):
        data = super().clean()
        problem = password_problem(data.get("password"))
        if problem:
            self.add_error("password", problem)
        return data


class LoginForm(VietnameseMessagesMixin, forms.Form):
    phone = forms.CharField(label=_("Số điện thoại"), max_length=20,
                            widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}))
    password = forms.CharField(label=_("Mật khẩu"), strip=False,
                               widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))


class RecoveryForm(VietnameseMessagesMixin, forms.Form):
    phone = forms.CharField(label=_("Số điện thoại đã đăng ký"), max_length=20,
                            widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}))
    email = forms.EmailField(label=_("Thư điện tử đã khai khi đăng ký"),
                             error_messages={"invalid": _("Thư điện tử chưa đúng dạng, ví dụ ten@example.com."),
                                             "required": _("Vui lòng nhập thư điện tử đã khai khi đăng ký.")},
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))

    def clean_phone(self) -> str:
        phone = contestant_phone(self.cleaned_data["phone"])
        if phone is None:
            raise forms.ValidationError(INVALID_PHONE_MESSAGE)
        return phone


class NewPasswordForm(VietnameseMessagesMixin, forms.Form):
    password = forms.CharField(label=_("Mật khẩu mới"), strip=False, help_text=_("Ít nhất 8 ký tự, không chỉ gồm chữ số."),
                               widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    password2 = forms.CharField(label=_("Nhập lại mật khẩu mới"), strip=False,
                                widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))

    def clean(self):
        data = super().clean()
        problem = password_problem(data.get("password"))
        if problem:
            self.add_error("password", problem)
        elif data.get("password") and data.get("password2") and data["password"] != data["password2"]:
            self.add_error("password2", _("Hai lần nhập mật khẩu không giống nhau."))
        return data
