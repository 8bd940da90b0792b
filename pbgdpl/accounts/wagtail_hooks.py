"""Admin hooks: the entry point for two-factor login, and who may delete pages (page_deletion.py)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page

from pbgdpl.accounts.page_deletion import refuse_foreign_page_deletion


@hooks.register("register_admin_menu_item")
def register_two_factor_menu_item():
    return MenuItem(_("Xác thực hai bước"), reverse("accounts_2fa:enrol"), icon_name="key", name="two-factor",
                    order=10000)


@hooks.register("before_delete_page")
def refuse_deleting_someone_elses_page(request, page):
    return refuse_foreign_page_deletion(request, [page])


@hooks.register("before_bulk_action")
def refuse_bulk_deleting_someone_elses_pages(request, action_type, objects, action_class_instance):
    if action_type == "delete" and objects and isinstance(objects[0], Page):
        return refuse_foreign_page_deletion(request, objects)
    return None
