"""The public "Gửi câu hỏi" form and the public list filters."""

from __future__ import annotations

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from pbgdpl.core.numbers import normalize_vietnamese_phone
from pbgdpl.core.public_forms import ProtectedPublicForm
from pbgdpl.core.uploads import validate_document
from pbgdpl.legal.models import Field

TEXT_MIN = 30
TEXT_MAX = 3000
NAME_MAX = 100
ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024
ATTACHMENT_EXTENSIONS = ("pdf", "jpg", "jpeg", "png", "docx")
MOBILE_PREFIXES = "35789"
CONSENT_TEXT = _(
    "Tôi đồng ý để Sở Tư pháp xử lý họ tên, số điện thoại, thư điện tử và xã, phường tôi cung cấp "
    "chỉ nhằm mục đích trả lời câu hỏi này và báo cho tôi khi có câu trả lời. Thông tin cá nhân không "
    "được công bố và được xóa khi hết thời hạn lưu trữ hoặc khi tôi yêu cầu."
)


class AskForm(ProtectedPublicForm):
    short_labels = {"publish_anonymously": _("Đăng công khai"), "consent": _("Đồng ý xử lý thông tin cá nhân")}

    name = forms.CharField(
        label=_("Họ và tên"), max_length=NAME_MAX, min_length=2,
        error_messages={
            "required": _("Vui lòng nhập họ và tên."),
            "min_length": _("Họ và tên cần ít nhất 2 ký tự."),
            "max_length": _("Họ và tên không quá 100 ký tự."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    phone = forms.CharField(
        label=_("Số điện thoại"), required=False, max_length=20,
        help_text=_("Số di động 10 chữ số, ví dụ 0912345678."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    email = forms.CharField(
        label=_("Thư điện tử"), required=False, max_length=254,
        help_text=_("Để nhận thông báo khi có câu trả lời."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    commune = forms.ChoiceField(label=_("Xã, phường, đặc khu nơi bạn sinh sống"), required=False, choices=(),
                                widget=forms.Select(attrs={"data-combobox": _("Gõ tên để tìm, ví dụ: pho hien")}))
    field = forms.ModelChoiceField(
        label=_("Lĩnh vực pháp luật"), required=False, queryset=Field.objects.none(),
        empty_label=_("Không rõ — để cán bộ xác định"),
    )
    text = forms.CharField(
        label=_("Nội dung câu hỏi"),
        help_text=_("Từ 30 đến 3.000 ký tự. Trình bày sự việc và điều bạn muốn hỏi; không cần ghi số CCCD."),
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": TEXT_MAX}),
        error_messages={"required": _("Vui lòng nhập nội dung câu hỏi.")},
    )
    attachment = forms.FileField(
        label=_("Tệp đính kèm (không bắt buộc)"), required=False,
        help_text=_("PDF, JPG, PNG hoặc DOCX, tối đa 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,.docx"}),
    )
    publish_anonymously = forms.BooleanField(
        label=_("Tôi đồng ý để câu hỏi và câu trả lời được đăng công khai, không kèm thông tin cá nhân"),
        required=False,  # an explicit opt-in: never pre-ticked
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("Bạn cần đồng ý để chúng tôi có thể xử lý và trả lời câu hỏi.")},
    )

    def __init__(self, *args, communes: tuple[str, ...] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune"].choices = [("", _("— Chọn xã, phường —"))] + [(c, c) for c in communes]
        self.fields["field"].queryset = Field.objects.active()

    def clean_phone(self) -> str:
        value = self.cleaned_data["phone"].strip()
        if not value:
            return ""
        # One spelling per number (fullwidth digits fold, other scripts refused): the status link,
        # rate limits and personal-data requests all find the person by it.
        phone = normalize_vietnamese_phone(value)
        if phone is None or phone[1] not in MOBILE_PREFIXES:
            raise forms.ValidationError(
                _("Số điện thoại không hợp lệ: nhập số di động 10 chữ số (0–9), ví dụ 0912345678."))
        return phone

    def clean_text(self) -> str:
        value = self.cleaned_data["text"].strip()
        length = len(value)
        if length < TEXT_MIN:
            raise forms.ValidationError(
                _("Nội dung câu hỏi quá ngắn (%(n)s ký tự): cần ít nhất %(min)s ký tự để cán bộ hiểu sự việc.")
                % {"n": length, "min": TEXT_MIN}
            )
        if length > TEXT_MAX:
            raise forms.ValidationError(
                _("Nội dung câu hỏi quá dài (%(n)s ký tự): tối đa %(max)s ký tự. Hãy rút gọn hoặc gửi kèm tệp.")
                % {"n": length, "max": f"{TEXT_MAX:,}".replace(",", ".")}
            )
        return value

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if not upload:
            return None
        # The staff upload checks: structure, inflated size, active content (a PDF header on HTML).
        validate_document(upload, max_bytes=ATTACHMENT_MAX_BYTES, extensions=ATTACHMENT_EXTENSIONS)
        return upload

    def clean(self):
        data = super().clean()
        if not self.errors.get("phone") and not self.errors.get("email") and not data.get("phone") and not data.get("email"):
            self.add_error("phone", _("Vui lòng nhập số điện thoại hoặc thư điện tử để nhận câu trả lời."))
        return data


class ListFilterForm(forms.Form):
    q = forms.CharField(required=False, max_length=200, label=_("Từ khóa"))
    field = forms.ModelChoiceField(
        required=False, queryset=Field.objects.none(), label=_("Lĩnh vực"), empty_label=_("Tất cả lĩnh vực"),
        to_field_name="slug",
    )
    tu_ngay = forms.DateField(required=False, label=_("Từ ngày"), widget=forms.DateInput(attrs={"type": "date"}),
                              input_formats=["%Y-%m-%d", "%d/%m/%Y"])
    den_ngay = forms.DateField(required=False, label=_("Đến ngày"), widget=forms.DateInput(attrs={"type": "date"}),
                               input_formats=["%Y-%m-%d", "%d/%m/%Y"])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["field"].queryset = Field.objects.filter(questions__status="published").distinct()
        self.fields["field"].error_messages["invalid_choice"] = _("Lĩnh vực không có trong danh sách.")
        for name in ("tu_ngay", "den_ngay"):
            self.fields[name].error_messages["invalid"] = _("Ngày không hợp lệ.")

    def clean(self):
        data = super().clean()
        start, end = data.get("tu_ngay"), data.get("den_ngay")
        if isinstance(start, datetime.date) and isinstance(end, datetime.date) and end < start:
            self.add_error("den_ngay", _("“Đến ngày” phải sau “Từ ngày”."))
        return data
