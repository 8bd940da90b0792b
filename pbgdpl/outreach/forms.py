"""The "Đăng lên Facebook / Zalo OA" ticks on an item's admin form.

``shareable(form_class)`` adds the two checkboxes (form-only fields, no column on the item's model)
and remembers the choice on the instance; ``services.remember_choice`` stores it when the item is
saved (a new page has no primary key before that), and publishing turns it into outbox posts.
The fields' help text shows what happened to earlier posts of the item.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from . import services

FIELDS = {"share_facebook": "facebook", "share_zalo": "zalo"}


def share_panel() -> MultiFieldPanel:
    return MultiFieldPanel([FieldPanel("share_facebook"), FieldPanel("share_zalo")],
                           heading=_("Đăng lên mạng xã hội khi xuất bản"))


def shareable(form_class):
    class ShareableForm(form_class):
        share_facebook = forms.BooleanField(label=_("Đăng lên Facebook"), required=False)
        share_zalo = forms.BooleanField(label=_("Đăng lên Zalo OA"), required=False)

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            instance = self.instance
            if instance.pk:
                label = instance._meta.label
                choice = services.choice_for(label, instance.pk)
                posts = services.posts_for(label, instance.pk)
                for name, platform in FIELDS.items():
                    self.fields[name].initial = getattr(choice, platform, False)
                    if platform in posts:
                        self.fields[name].help_text = services.describe(posts[platform])

        def save(self, commit=True):
            self.instance._outreach_share = {platform: bool(self.cleaned_data.get(name))
                                             for name, platform in FIELDS.items()}
            return super().save(commit=commit)

    ShareableForm.__name__ = f"Shareable{form_class.__name__}"
    return ShareableForm
