"""The look-up forms: plain GET forms whose errors are Vietnamese and keep what was typed."""

from __future__ import annotations

from django import forms

from .models import Vehicle


class PenaltyLookupForm(forms.Form):
    q = forms.CharField(
        label="Hành vi vi phạm", max_length=200, required=False,
        help_text="Ví dụ: xe máy vượt đèn đỏ, không đội mũ bảo hiểm, nồng độ cồn — có dấu hoặc không dấu.",
    )
    phuong_tien = forms.ChoiceField(
        label="Phương tiện / đối tượng", required=False,
        choices=[("", "Tất cả")] + [(value, label) for value, label in Vehicle.choices if value],
    )
    linh_vuc = forms.ChoiceField(label="Lĩnh vực", required=False)
    ngay = forms.DateField(
        label="Quy định có hiệu lực vào ngày", required=False, input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        widget=forms.TextInput(attrs={"placeholder": "ngày/tháng/năm", "inputmode": "numeric"}),
        error_messages={"invalid": "Ngày phải viết theo dạng ngày/tháng/năm, ví dụ 01/07/2026."},
        help_text="Để trống: hôm nay.",
    )

    def __init__(self, *args, **kwargs):
        from pbgdpl.legal.models import Field

        super().__init__(*args, **kwargs)
        fields = Field.objects.filter(documents__penalty_decree__isnull=False).distinct().order_by("name")
        self.fields["linh_vuc"].choices = [("", "Tất cả")] + [(f.slug, f.name) for f in fields]


class LandPriceLookupForm(forms.Form):
    xa = forms.CharField(label="Xã, phường", max_length=200, required=False,
                         help_text="Ví dụ: Phố Hiến — có dấu hoặc không dấu.")
    duong = forms.CharField(label="Tên đường, phố", max_length=300, required=False,
                            help_text="Ví dụ: Nguyễn Văn Linh.")
    q = forms.CharField(label="Hoặc gõ cả câu", max_length=300, required=False,
                        help_text="Ví dụ: giá đất đường Nguyễn Văn Linh phường Phố Hiến.")
    ngay = forms.DateField(
        label="Giá áp dụng vào ngày", required=False, input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        widget=forms.TextInput(attrs={"placeholder": "ngày/tháng/năm", "inputmode": "numeric"}),
        error_messages={"invalid": "Ngày phải viết theo dạng ngày/tháng/năm, ví dụ 01/07/2026."},
        help_text="Để trống: hôm nay.",
    )


class LandPriceImportForm(forms.Form):
    """Admin: a price table file and what decision it comes from."""

    file = forms.FileField(label="Tệp Excel (.xlsx) theo mẫu")
    title = forms.CharField(label="Tên bảng giá", max_length=500)
    decision_number = forms.CharField(label="Số quyết định ban hành (trong cơ sở dữ liệu văn bản)", max_length=100,
                                      required=False, help_text="Ví dụ: 12/2025/QĐ-UBND. Để trống nếu chưa có.")
    valid_from = forms.DateField(label="Áp dụng từ ngày", input_formats=["%d/%m/%Y", "%Y-%m-%d"],
                                 widget=forms.TextInput(attrs={"placeholder": "ngày/tháng/năm"}))
    valid_to = forms.DateField(label="Áp dụng đến ngày", required=False, input_formats=["%d/%m/%Y", "%Y-%m-%d"],
                               widget=forms.TextInput(attrs={"placeholder": "ngày/tháng/năm"}))
    position_rules = forms.CharField(label="Cách xác định vị trí 1–4", required=False, widget=forms.Textarea(attrs={"rows": 4}))
    is_sample = forms.BooleanField(label="Đây là dữ liệu mẫu", required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError("Chỉ nhận tệp Excel .xlsx (dùng tệp mẫu).")
        if upload.size > 20 * 1024 * 1024:
            raise forms.ValidationError("Tệp lớn hơn 20 MB.")
        return upload

    def clean_decision_number(self):
        number = self.cleaned_data["decision_number"].strip()
        if not number:
            return None
        from pbgdpl.legal.services import find_document

        document = find_document(number)
        if document is None:
            raise forms.ValidationError(f"Không tìm thấy văn bản số “{number}” trong cơ sở dữ liệu văn bản.")
        return document


class JudgmentSearchForm(forms.Form):
    q = forms.CharField(label="Từ khóa", max_length=200, required=False,
                        help_text="Số bản án, vấn đề pháp lý, tòa án — có dấu hoặc không dấu.")
    loai = forms.ChoiceField(label="Loại", required=False)
    linh_vuc = forms.ChoiceField(label="Loại vụ việc", required=False)
    toa_an = forms.ChoiceField(label="Tòa án", required=False)
    nam = forms.CharField(label="Năm", max_length=4, required=False, widget=forms.TextInput(attrs={"inputmode": "numeric"}))

    def __init__(self, *args, **kwargs):
        from .models import CaseType, JudgmentKind

        super().__init__(*args, **kwargs)
        self.fields["loai"].choices = [("", "Tất cả")] + list(JudgmentKind.choices)
        self.fields["linh_vuc"].choices = [("", "Tất cả")] + list(CaseType.choices)
        from .models import Judgment

        courts = Judgment.objects.published().order_by("court").values_list("court", flat=True).distinct()
        self.fields["toa_an"].choices = [("", "Tất cả")] + [(court, court) for court in courts]

    def clean_nam(self):
        from pbgdpl.core.numbers import parse_ascii_int

        raw = self.cleaned_data["nam"].strip()
        if not raw:
            return None
        year = parse_ascii_int(raw, minimum=1945, maximum=2100)
        if year is None:
            raise forms.ValidationError("Năm phải là 4 chữ số, ví dụ 2025.")
        return year
