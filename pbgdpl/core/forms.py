"""Public forms speak Vietnamese whatever the visitor's browser asks for.

Django's built-in messages ("This field is required.") follow the request's language, which an
English browser turns to English. ``VietnameseMessagesMixin`` replaces the built-in required and
invalid-choice messages of every field that has not set its own, naming the field.

``short_label`` is the one rule for what a message or an error summary calls a field: a consent
checkbox's label is a whole paragraph, which the summary would repeat in full. A form names such
fields in ``short_labels``; a long label with no short one is cut at a word.
"""

from __future__ import annotations

from django import forms
from django.forms.utils import pretty_name

REQUIRED_TEXT = "Vui lòng nhập mục “{label}”."
REQUIRED_CHOICE = "Vui lòng chọn mục “{label}”."
REQUIRED_BOX = "Vui lòng đánh dấu ô này nếu bạn đồng ý."
INVALID_CHOICE = "Lựa chọn không có trong danh sách; vui lòng chọn lại."
_DJANGO_REQUIRED = forms.Field.default_error_messages["required"]
SHORT_LABEL_MAX = 60


def short_label(form: forms.BaseForm, name: str) -> str:
    """What an error summary or a message calls field ``name``: the form's ``short_labels`` entry,
    else the field's label, cut at a word (with "…") when longer than ``SHORT_LABEL_MAX``."""
    short = getattr(form, "short_labels", {}).get(name)
    if short:
        return str(short)
    label = form.fields[name].label
    label = (pretty_name(name) if label is None else str(label)).rstrip(" :*")
    if len(label) <= SHORT_LABEL_MAX:
        return label
    return label[:SHORT_LABEL_MAX].rsplit(" ", 1)[0].rstrip(" ,;:(") + "…"


class VietnameseMessagesMixin:
    short_labels: dict[str, str] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            label = short_label(self, name)
            messages = field.error_messages
            if str(messages.get("required")) == str(_DJANGO_REQUIRED):
                if isinstance(field, forms.BooleanField):
                    messages["required"] = REQUIRED_BOX
                elif isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
                    messages["required"] = REQUIRED_CHOICE.format(label=label)
                else:
                    messages["required"] = REQUIRED_TEXT.format(label=label)
            default_choice = getattr(type(field), "default_error_messages", {}).get("invalid_choice")
            if default_choice is not None and str(messages.get("invalid_choice")) == str(default_choice):
                messages["invalid_choice"] = INVALID_CHOICE
