"""The password form of a restricted document collection (``/tai-lieu/authenticate_with_password/<id>/``)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.documents.views import serve as wagtail_serve
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import CollectionViewRestriction

from pbgdpl.core import ratelimit

PASSWORD_ATTEMPTS = 5
PASSWORD_WINDOW_SECONDS = 15 * 60


def authenticate_with_password(request, restriction_id: int):
    """Wagtail's password form for a restricted collection, with wrong passwords limited per client.

    Without a limit a collection password can be guessed at full speed; after ``PASSWORD_ATTEMPTS``
    wrong ones in ``PASSWORD_WINDOW_SECONDS`` the form answers 429 with a Vietnamese message.
    """
    key = f"docs-password:{ratelimit.client_key(request)}"
    if request.method == "POST" and ratelimit.count(key) >= PASSWORD_ATTEMPTS:
        restriction = get_object_or_404(CollectionViewRestriction, id=restriction_id)
        # Bound without the password, so the form keeps where to return and shows only our message.
        form = PasswordViewRestrictionForm({"return_url": request.POST.get("return_url", "")}, instance=restriction)
        form.full_clean()
        form.errors.pop("password", None)
        form.add_error(None, _("Bạn đã nhập sai mật khẩu quá nhiều lần. Vui lòng thử lại sau %(minutes)d phút.")
                       % {"minutes": PASSWORD_WINDOW_SECONDS // 60})
        context = {"form": form, "action_url": reverse("wagtaildocs_authenticate_with_password", args=[restriction.id])}
        return TemplateResponse(request, "wagtaildocs/password_required.html", context, status=429)
    response = wagtail_serve.authenticate_with_password(request, restriction_id)
    if request.method == "POST" and response.status_code == 200:  # the form again: a wrong password
        ratelimit.hit(key, PASSWORD_WINDOW_SECONDS)
    return response
