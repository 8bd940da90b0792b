"""Admin: issue a partner key (shown once), list keys, revoke one."""

from __future__ import annotations

from django import forms
from django.template.response import TemplateResponse
from wagtail.admin.views.generic import CreateView, EditView

from .models import SCOPES, ApiKey


class IssueKeyForm(forms.ModelForm):
    scopes = forms.MultipleChoiceField(label="Phạm vi", choices=SCOPES, widget=forms.CheckboxSelectMultiple,
                                       initial=["read"])

    class Meta:
        model = ApiKey
        fields = ["name", "contact", "scopes", "per_minute"]


class RevokeForm(forms.ModelForm):
    class Meta:
        model = ApiKey
        fields = ["name", "contact", "per_minute", "active"]
        help_texts = {"active": "Bỏ chọn để thu hồi khóa: mọi yêu cầu dùng khóa này sẽ bị từ chối (401)."}


class IssueKeyView(CreateView):
    def form_valid(self, form):
        data = form.cleaned_data
        key, raw = ApiKey.issue(data["name"], scopes=data["scopes"], contact=data["contact"],
                                per_minute=data["per_minute"])
        # The raw key exists only in this response: it is never stored or logged.
        return TemplateResponse(self.request, "api/admin/key_issued.html", {"key": key, "raw": raw,
                                                                             "index_url": self.get_success_url()})


class RevokeKeyView(EditView):
    def save_instance(self):
        instance = super().save_instance()
        if not instance.active and instance.revoked_at is None:
            instance.revoke()
        return instance
