"""Validators for what staff type into link fields (issue 10, finding 13).

Django's ``URLField`` accepts ``ftp://`` and ``ftps://`` too; a link shown to visitors must be a
web address. Other apps' link fields use :data:`validate_web_url` or :class:`WebURLField` as well.
"""

from __future__ import annotations

from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

WEB_URL_SCHEMES = ("http", "https")

validate_web_url = URLValidator(
    schemes=list(WEB_URL_SCHEMES),
    message=_("Hãy nhập một địa chỉ web đầy đủ, bắt đầu bằng https:// hoặc http://."),
)


class WebURLField(models.URLField):
    """A ``URLField`` that accepts only ``http`` and ``https`` addresses."""

    default_validators = [validate_web_url]
