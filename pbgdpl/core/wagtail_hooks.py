"""Admin-wide hooks: our Vietnamese help pages instead of Wagtail's English guides (decision 0011),
and accessible names Wagtail's editor leaves out."""

from __future__ import annotations

from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_help


@hooks.register("register_admin_urls")
def register_help_urls():
    return [path("tro-giup/", include(admin_help.urlpatterns))]


@hooks.register("construct_help_menu")
def replace_wagtail_help(request, menu_items):
    """Wagtail's help menu links to English pages on wagtail.org: keep only the keyboard shortcuts."""
    menu_items[:] = [item for item in menu_items if item.name == "keyboard-shortcuts-trigger"]
    menu_items.insert(0, MenuItem(_("Hướng dẫn sử dụng"), reverse("admin_help:index"), icon_name="help",
                                  name="portal-help", order=100))
    for order, topic in enumerate(admin_help.help_topics(), start=1):
        menu_items.insert(order, MenuItem(topic.title, topic.url, icon_name="doc-full",
                                          name=f"portal-help-{topic.slug}", order=100 + order))


@hooks.register("insert_global_admin_js")
def accessible_names_script():
    return format_html('<script src="{}" defer></script>', static("core/admin-a11y.js"))


@hooks.register("insert_editor_js")
def vietnamese_slug_script():
    return format_html('<script src="{}" defer></script>', static("core/admin-slugs.js"))
