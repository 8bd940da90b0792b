"""The admin's "forgot password" form, limited per e-mail address and per client (issue 10, finding 10).

Mounted in config/urls.py in front of Wagtail's own view at the same address.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.account import PasswordResetView

from pbgdpl.accounts.throttle import password_reset_allowed

TOO_MANY = _("Đã có quá nhiều yêu cầu đặt lại mật khẩu cho địa chỉ này hoặc từ máy này. Hãy thử lại sau một giờ.")


class LimitedPasswordResetView(PasswordResetView):
    def form_valid(self, form):
        if not password_reset_allowed(form.cleaned_data["email"], self.request):
            form.add_error(None, TOO_MANY)
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().form_valid(form)
