"""Admin: "Bài đăng mạng xã hội" — the outbox with each post's result (read only)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from pbgdpl.core.admin_readonly import ViewOnlyPolicy

from .models import SocialPost


class SocialPostViewSet(ModelViewSet):
    model = SocialPost
    icon = "globe"
    menu_label = _("Bài đăng mạng xã hội")
    menu_order = 880
    add_to_admin_menu = True
    list_display = ["title", "platform", "status", "attempts", "last_error", "sent_at"]
    list_filter = ["platform", "status"]
    search_fields = ["title"]
    inspect_view_enabled = True
    inspect_view_fields = ["platform", "title", "summary", "link", "image_url", "status", "attempts", "last_error",
                           "remote_id", "remote_url", "created_at", "next_attempt_at", "sent_at"]
    form_fields = []  # written by publishing only


register_permission_policy(SocialPost, ViewOnlyPolicy(SocialPost))


@hooks.register("register_admin_viewset")
def register_social_posts():
    return SocialPostViewSet("social_posts", url_prefix="bai-dang-mang-xa-hoi")
