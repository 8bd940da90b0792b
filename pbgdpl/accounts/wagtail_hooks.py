"""Admin entry point for two-factor login (optional for most staff, required for some roles)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem


@hooks.register("register_admin_menu_item")
def register_two_factor_menu_item():
    return MenuItem(_("Xác thực hai bước"), reverse("accounts_2fa:enrol"), icon_name="key", name="two-factor",
                    order=10000)
