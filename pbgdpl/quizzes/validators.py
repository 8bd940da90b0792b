"""Validators for fields staff fill in: a link is shown to citizens, so only safe schemes pass."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

_web_url = URLValidator(schemes=["http", "https"])


def validate_link(value: str) -> None:
    """Accept a site-relative path (``/van-ban/...``) or an http(s) address; refuse ``javascript:``,
    ``data:``, protocol-relative ``//host`` and anything else a browser could run or misroute."""
    text = (value or "").strip()
    if not text:
        return
    if text.startswith("/") and not text.startswith("//") and "\\" not in text and not urlsplit(text).scheme:
        return
    try:
        _web_url(text)
    except ValidationError:
        raise ValidationError(
            _("Đường dẫn không hợp lệ: nhập đường dẫn trong Cổng (bắt đầu bằng /) hoặc địa chỉ bắt đầu bằng "
              "http:// hoặc https://."),
            code="invalid_link",
        ) from None
