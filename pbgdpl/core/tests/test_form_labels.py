"""What an error summary calls a field (core.forms.short_label): the form's short label, else the
label, and never a whole paragraph."""

from __future__ import annotations

from django import forms
from django.template.loader import render_to_string

from pbgdpl.core.forms import SHORT_LABEL_MAX, VietnameseMessagesMixin

PARAGRAPH = ("Tôi đồng ý để cơ quan xử lý họ tên, số điện thoại và thư điện tử tôi cung cấp chỉ nhằm trả lời "
             "yêu cầu này; thông tin không được công bố.")


class SampleForm(VietnameseMessagesMixin, forms.Form):
    short_labels = {"consent": "Đồng ý xử lý thông tin"}

    name = forms.CharField(label="Họ và tên")
    note = forms.CharField(label=PARAGRAPH)
    consent = forms.BooleanField(label=PARAGRAPH)


def summary_items(form) -> list[str]:
    html = render_to_string("includes/error_summary.html", {"form": form})
    return [item.split(">", 1)[1] for item in html.split("<a ")[1:]]


def test_summary_uses_the_short_label_then_the_label_then_a_cut_label():
    form = SampleForm(data={})
    assert not form.is_valid()
    items = summary_items(form)
    assert items[0].startswith("Họ và tên: Vui lòng nhập mục “Họ và tên”.")
    cut = items[1].split(":", 1)[0]
    assert cut.endswith("…") and len(cut) <= SHORT_LABEL_MAX + 1 and PARAGRAPH.startswith(cut[:-1])
    assert f"mục “{cut}”" in items[1]  # the required message uses the same name
    assert items[2].startswith("Đồng ý xử lý thông tin: Vui lòng đánh dấu ô này")
    assert PARAGRAPH not in "".join(items)
