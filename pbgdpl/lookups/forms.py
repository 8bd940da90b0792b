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
    ngay = forms.DateField(
        label="Quy định có hiệu lực vào ngày", required=False, input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        widget=forms.TextInput(attrs={"placeholder": "ngày/tháng/năm", "inputmode": "numeric"}),
        error_messages={"invalid": "Ngày phải viết theo dạng ngày/tháng/năm, ví dụ 01/07/2026."},
        help_text="Để trống: hôm nay.",
    )
