"""Admin menu "Diễn đàn": categories, inviting members, and the moderators' decision log.

Moderators hold the forum role; the decision log is read-only (decisions are taken on the forum
pages, each with a reason, and also appear in the audit log).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from . import services
from .models import Category, ModerationAction


class CategoryViewSet(ModelViewSet):
    model = Category
    icon = "folder-open-inverse"
    menu_label = _("Chuyên mục")
    url_prefix = "dien-dan/chuyen-muc"
    list_display = ["name", "members_only", "order"]
    form_fields = ["name", "slug", "description", "members_only", "order"]


class ModerationActionViewSet(ModelViewSet):
    model = ModerationAction
    icon = "warning"
    menu_label = _("Nhật ký điều hành")
    url_prefix = "dien-dan/nhat-ky"
    list_display = ["created_at", "moderator", "kind", "target", "reason"]
    list_filter = ["kind"]
    add_view_enabled = False
    edit_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["reason"]


class ForumViewSetGroup(ModelViewSetGroup):
    menu_label = _("Diễn đàn")
    menu_icon = "group"
    menu_order = 420
    items = (CategoryViewSet, ModerationActionViewSet)


@hooks.register("register_admin_viewset")
def register_forum_viewsets():
    return ForumViewSetGroup()


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Thư điện tử của người được mời"),
                             error_messages={"invalid": _("Địa chỉ thư điện tử không hợp lệ.")})


def invite_view(request):
    """Send a signed, single-use, expiring invitation; the invitee sets their own password."""
    if not request.user.has_perm("forum.add_invitation"):
        raise PermissionDenied
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.invite(form.cleaned_data["email"], invited_by=request.user)
        messages.success(request, _("Đã gửi lời mời đến %(email)s.") % {"email": form.cleaned_data["email"]})
        return redirect("forum_invite")
    return render(request, "forum/admin/invite.html", {"form": form})


@hooks.register("register_admin_urls")
def register_invite_url():
    return [path("dien-dan/moi-thanh-vien/", invite_view, name="forum_invite")]


class InviteMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm("forum.add_invitation")


@hooks.register("register_admin_menu_item")
def register_invite_menu_item():
    return InviteMenuItem(_("Mời thành viên diễn đàn"), reverse("forum_invite"), icon_name="mail", order=421)
