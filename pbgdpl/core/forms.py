"""Public forms speak Vietnamese whatever the visitor's browser asks for.

Django's built-in messages ("This field is required.") follow the request's language, which an
English browser turns to English. ``VietnameseMessagesMixin`` replaces the built-in required and
invalid-choice messages of every field that has not set its own, naming the field.
"""

from __future__ import annotations

from django import forms

REQUIRED_TEXT = "Vui lòng nhập mục “{label}”."
REQUIRED_CHOICE = "Vui lòng chọn mục “{label}”."
REQUIRED_BOX = "Vui lòng đánh dấu ô này nếu bạn đồng ý."
INVALID_CHOICE = "Lựa chọn không có trong danh sách; vui lòng chọn lại."
_DJANGO_REQUIRED = forms.Field.default_error_messages["required"]


class VietnameseMessagesMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            label = str(field.label or "").rstrip(" :*")
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
